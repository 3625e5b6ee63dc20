package org.tallyroom.store;

import org.jdbi.v3.core.Jdbi;

/**
 * The store's database handle, for the store's own packages (analysis, read model, importers) and
 * tests. Only the store runs SQL: an ArchUnit rule keeps the web and app modules from JDBI and
 * java.sql, so they read and write through the store's query classes, which return records.
 */
public final class Sql {
    private Sql() {
    }

    public static Jdbi of(Store store) {
        return store.jdbi();
    }
}
