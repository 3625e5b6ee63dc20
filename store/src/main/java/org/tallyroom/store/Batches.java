package org.tallyroom.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * JDBC batches with the generated keys back, and IN lists in chunks: how the store writes and reads
 * thousands of rows in a few round trips. Both H2 and the PostgreSQL driver return one generated key per
 * batched row, in the order the rows were added.
 */
final class Batches {
    /** Rows per IN list: well under every driver's limit on bind parameters. */
    static final int CHUNK = 1000;

    private Batches() {
    }

    /** Runs an INSERT batch and returns the generated {@code id} of each row, in the order added. */
    static List<Long> insertReturningIds(PreparedBatch batch, int rows) {
        if (rows == 0) {
            return List.of();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != rows) {
            throw new StoreException("the database returned " + ids.size() + " generated keys for " + rows + " rows");
        }
        return ids;
    }

    /** {@code all} in consecutive pieces of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
    }
}
