-- Tallyroom results store, version 12: notional results for councils (an earlier council election recast
-- on wards drawn after it, 'tallyroom import notional'), in the tables of version 9. A council's notional
-- tables give seats by party in each new ward, votes, or both: seats_won holds the notional seats (NULL
-- where the source gives none, as the Commons Library's single-seat files do), and votes may now be NULL
-- where the source gives seats only. Same SQL on H2 (default mode) and PostgreSQL.
ALTER TABLE notional_votes ADD COLUMN seats_won INTEGER CHECK (seats_won >= 0);
ALTER TABLE notional_votes ALTER COLUMN votes DROP NOT NULL;
