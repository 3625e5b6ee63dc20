package org.tallyroom.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Larger identity caches on H2, set after each migration.
 *
 * <p>H2 hands out an identity column's values from a cache of 32; each time the cache runs out it
 * records the sequence's new high-water mark in a transaction of its own, and with
 * {@code WRITE_DELAY=0} (see {@link Connections}) every such commit writes a chunk of the store file
 * holding all the pages the import has changed so far. An import of 24,000 council-years paid about 750
 * of those writes (78 of its 504 profile samples were in the refills); with a cache of 10,000 it pays
 * three. A crash loses at most the unused part of the cache (a gap in the ids, never a repeated one).
 * PostgreSQL keeps its sequences apart from the data and is left as it is.
 */
final class IdentityCache {
    static final long SIZE = 10_000;

    private IdentityCache() {
    }

    /** Raises every identity column's cache below {@link #SIZE} to it; idempotent, and nothing on PostgreSQL. */
    static void raise(Jdbi jdbi, String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        jdbi.useHandle(h -> {
            List<String[]> columns = h.createQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                            + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND IS_IDENTITY = 'YES' AND IDENTITY_CACHE < :size")
                    .bind("size", SIZE).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            for (String[] c : columns) {
                h.execute("ALTER TABLE \"" + c[0] + "\" ALTER COLUMN \"" + c[1] + "\" SET CACHE " + SIZE);
            }
        });
    }
}
