-- Tallyroom results store, version 14: council_composition_seats holds the groups that hold seats; a
-- file's zero for a group is no row (CouncilControlFacts). Rows of zero stored before go, so that every
-- store reads the same. Same SQL on H2 (default mode) and PostgreSQL.
DELETE FROM council_composition_seats WHERE seats = 0;
