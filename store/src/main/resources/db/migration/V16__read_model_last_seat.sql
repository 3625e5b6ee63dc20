-- Tallyroom results store, version 16: the read model's digests now carry an STV count's last seat (how
-- close it was, from the count report stored with the result), for the election pages' ward and
-- constituency tables. Digests built before carry none, so they are built again, once, the next time the
-- store is opened (ReadModelWriter.buildIfNeeded). Same SQL on H2 (default mode) and PostgreSQL.
UPDATE read_model SET built = FALSE WHERE id = 1;
