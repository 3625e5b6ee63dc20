-- Tallyroom results store, version 11: party selections (a party's members choosing a candidate by
-- preferential ballot). The selection itself is a ballot like any other (selection.<party>.<division>.<date>)
-- with its shortlist as candidacies and its count as a result; these tables keep what only a selection
-- has, per result version: the freeze date, the shortlist's record, the members' figures, and every paper
-- not counted with its reason. Same SQL on H2 (default mode) and PostgreSQL.

-- The national party removing or replacing a selected candidate: two more event types.
ALTER TABLE events DROP CONSTRAINT events_type_check;
ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (event_type IN ('by-election', 'defection',
    'whip-suspended', 'whip-given-up', 'whip-restored', 'expulsion', 'resignation', 'death', 'disqualification',
    'candidate-removed', 'candidate-replaced'));

-- One row per result version of a selection ballot.
CREATE TABLE selections (
    result_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES results (id),
    freeze_date      DATE         NOT NULL,
    shortlisted_by   VARCHAR(500) NOT NULL,
    shortlisted_on   DATE         NOT NULL,
    members_on_file  INTEGER      NOT NULL CHECK (members_on_file >= 0),
    eligible_members INTEGER      NOT NULL CHECK (eligible_members >= 0),
    papers_returned  INTEGER      NOT NULL CHECK (papers_returned >= 0),
    papers_counted   INTEGER      NOT NULL CHECK (papers_counted >= 0)
);

-- Every paper not counted: its line in the ballots file, the membership number on it, why, and the detail.
CREATE TABLE selection_rejected_papers (
    result_id         BIGINT       NOT NULL REFERENCES results (id),
    source_line       BIGINT       NOT NULL,
    membership_number VARCHAR(50)  NOT NULL,
    reason            VARCHAR(40)  NOT NULL CHECK (reason IN ('not-a-member', 'joined-after-freeze', 'lapsed',
                          'duplicate', 'no-first-preference', 'not-on-shortlist')),
    detail            VARCHAR(1000),
    PRIMARY KEY (result_id, source_line)
);

-- Counted papers whose preferences stop at a name not on the shortlist (an invalid mark).
CREATE TABLE selection_cut_short_papers (
    result_id         BIGINT       NOT NULL REFERENCES results (id),
    source_line       BIGINT       NOT NULL,
    membership_number VARCHAR(50)  NOT NULL,
    preference        INTEGER      NOT NULL CHECK (preference >= 2),
    name              VARCHAR(500) NOT NULL,
    PRIMARY KEY (result_id, source_line)
);
