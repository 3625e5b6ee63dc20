-- Tallyroom results store, version 13: the read model's digests now say when a result's votes are an STV
-- count's first preferences (no majority follows from them). Summaries and digests built before carry no
-- such mark, so they are built again, once, the next time the store is opened (ReadModelWriter.buildIfNeeded).
-- Same SQL on H2 (default mode) and PostgreSQL.
UPDATE read_model SET built = FALSE WHERE id = 1;
