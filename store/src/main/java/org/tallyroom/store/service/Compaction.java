package org.tallyroom.store.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.tallyroom.store.StoreException;

/**
 * {@code tallyroom compact}: gives an H2 file back the space its old commits hold. The store appends every
 * commit to the file (H2's {@code REUSE_SPACE=FALSE}, so that a kill -9 can never make H2 reopen the file at
 * an older commit; see the store's Connections), so a file that served an election night grows by each
 * declaration's changed pages and the election summary it rewrote; H2 compacts for at most 200 ms when the
 * last process closes it. This runs H2's full {@code SHUTDOWN COMPACT} with the database to itself: refused
 * while {@code serve} holds it (its lock beside the file) or another command has it open.
 */
public final class Compaction {
    /** The file compacted and its size before and after, in bytes. */
    public record Outcome(Path file, long before, long after) {
    }

    private Compaction() {
    }

    public static Outcome compact(String url) {
        Path base = ServeLock.h2File(url).orElseThrow(() -> new StoreException(
                "compact works on an H2 file (jdbc:h2:file:PATH); PostgreSQL gives space back itself (autovacuum)"));
        Path file = Path.of(base + ".mv.db");
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no H2 database at " + file);
        }
        long before = size(file);
        try (ServeLock serving = ServeLock.claim(url);
             Connection c = DriverManager.getConnection(alone(url));
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
                throw new StoreException("another tallyroom command is using " + file + "; compact it when that has finished", e);
            }
            throw new StoreException("cannot compact " + file + ": " + e.getMessage(), e);
        }
        return new Outcome(file, before, size(file));
    }

    /** The store's URL for the file, opened by this process alone (not H2's mixed mode, which would join another's). */
    private static String alone(String url) {
        return url.replaceAll("(?i);AUTO_SERVER=TRUE", "") + ";AUTO_SERVER=FALSE";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
