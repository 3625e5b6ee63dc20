-- Tallyroom results store, version 5: the read model. What the results service's pages and API read,
-- kept up to date by every import, declaration and correction in the same transaction (Java:
-- org.tallyroom.store.read). Same SQL on H2 (default mode) and PostgreSQL.

-- Each ballot's current result version (any status) and published one (the latest declared or
-- corrected), so no read looks for the highest version.
CREATE TABLE read_ballots (
    ballot_id           BIGINT  NOT NULL PRIMARY KEY REFERENCES ballots (id),
    election_id         BIGINT  NOT NULL REFERENCES elections (id),
    current_result_id   BIGINT  REFERENCES results (id),
    current_version     INTEGER,
    current_status      VARCHAR(20),
    published_result_id BIGINT  REFERENCES results (id),
    published_version   INTEGER,
    -- The published result as the analysis takes it (party keys, division id, valid papers): JSON of
    -- org.tallyroom.store.read.Digest; null while the ballot has none. Summaries are built from these.
    published_contest   TEXT
);
CREATE INDEX read_ballots_election ON read_ballots (election_id);
CREATE INDEX read_ballots_current ON read_ballots (current_result_id);

INSERT INTO read_ballots (ballot_id, election_id, current_result_id, current_version, current_status,
                          published_result_id, published_version)
SELECT b.id, b.election_id, r.id, r.version, r.status, p.id, p.version
FROM ballots b
LEFT JOIN results r ON r.ballot_id = b.id
     AND r.version = (SELECT MAX(x.version) FROM results x WHERE x.ballot_id = b.id)
LEFT JOIN results p ON p.ballot_id = b.id
     AND p.version = (SELECT MAX(x.version) FROM results x WHERE x.ballot_id = b.id AND x.status <> 'provisional');

-- The current result of each ballot, now through the pointer above (same rows as V1's view).
CREATE OR REPLACE VIEW current_results AS
SELECT r.* FROM results r JOIN read_ballots rb ON rb.current_result_id = r.id;

-- Each election's summary as the public sees it: for a general election its seats and votes by party,
-- changes against the previous election, control, seats changing hands, marginals and every seat; for
-- a council its seats, control, gains and losses and every ward. JSON of org.tallyroom.store.read.Views
-- (National or Council), written when one of its results changes. generation: the read model's
-- generation at that write (an ETag part).
CREATE TABLE read_elections (
    election_id          BIGINT      NOT NULL PRIMARY KEY REFERENCES elections (id),
    kind                 VARCHAR(20) NOT NULL,
    ballots              INTEGER     NOT NULL,
    declared             INTEGER     NOT NULL,
    by_elections         BOOLEAN     NOT NULL,
    previous_election_id BIGINT      REFERENCES elections (id),
    summary              TEXT        NOT NULL,
    generation           BIGINT      NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row: a counter every write to the results bumps (processes serving pages poll it to know when
-- to drop what they have rendered), and whether the summaries above have been built for this store.
CREATE TABLE read_model (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation BIGINT  NOT NULL,
    built      BOOLEAN NOT NULL
);
INSERT INTO read_model (id, generation, built) VALUES (1, 0, FALSE);
