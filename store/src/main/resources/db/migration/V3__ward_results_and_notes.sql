-- Tallyroom results store, version 3: results by ward, and a note on a result.
-- Same SQL on H2 (default mode) and PostgreSQL.

-- A note on a result version for a reader: what the source lacks or how a figure was derived (e.g. the
-- 2016 London mayoral ward files lack one candidate's first preferences). Not part of the figures: a
-- change in the note alone is not a new version.
ALTER TABLE results ADD COLUMN note VARCHAR(4000);

-- A result broken down by ward (or postal pseudo-ward, or an area counted whole), as a source gives it.
-- Rows belong to the result version they were imported with. preference: 1 for votes (first
-- preferences under SV), 2 for second preferences as published (every second choice marked, not only
-- those transferred). row_number keeps the source's order and tells apart the rows a source gives the
-- same code or name.
CREATE TABLE ward_results (
    result_id    BIGINT       NOT NULL REFERENCES results (id),
    ballot_id    BIGINT       NOT NULL REFERENCES ballots (id),
    candidacy_id BIGINT       NOT NULL REFERENCES candidacies (id),
    preference   INTEGER      NOT NULL DEFAULT 1 CHECK (preference IN (1, 2)),
    row_number   INTEGER      NOT NULL,
    ward_gss     VARCHAR(20),
    ward_name    VARCHAR(500) NOT NULL,
    area_name    VARCHAR(500),
    row_kind     VARCHAR(20)  NOT NULL CHECK (row_kind IN ('ward', 'postal', 'undivided-area')),
    votes        DECIMAL(30, 9) NOT NULL,
    PRIMARY KEY (result_id, preference, row_number, candidacy_id)
);
CREATE INDEX ward_results_ballot ON ward_results (ballot_id);
CREATE INDEX ward_results_gss ON ward_results (ward_gss);

