package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.service.ChangeNotifier;
import org.tallyroom.store.testing.TestDatabase;

/**
 * The store's connections are pooled (HikariCP): many reads, sequential or from many threads, use at
 * most the pool's size of physical connections (counted where the pool opens them, and by the database's
 * own session ids); a connection comes back clean; closing the store closes them; PostgreSQL's LISTEN
 * connection is not one of them.
 */
class PoolTest {
    @TempDir
    Path dir;

    /** The database's id of the session (physical connection) a handle is on. */
    private static long session(Handle h, TestDatabase db) {
        return h.createQuery(db == TestDatabase.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()").mapTo(Long.class).one();
    }

    private static long session(Store store, TestDatabase db) {
        return store.jdbi().withHandle(h -> session(h, db));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sequentialReadsOfACommandUseAtMostTwoConnections(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            Set<Long> sessions = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 200; i++) {
                assertThat(store.elections()).isEmpty();
                assertThat(store.ballot("local.nowhere.2022-05-05")).isEmpty();
                sessions.add(session(store, db));
            }
            // Unpooled, each of the 600 handles was a new connection (a new PostgreSQL backend).
            assertThat(store.connectionsOpened()).isBetween(1L, (long) PoolSize.COMMAND.maximum());
            assertThat(sessions).hasSizeBetween(1, PoolSize.COMMAND.maximum());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentReadsOfAServerUseAtMostThePoolsSize(TestDatabase db) throws Exception {
        PoolSize size = PoolSize.service(4);
        try (Store store = Store.open(db.freshUrl(dir), size);
             ExecutorService threads = Executors.newFixedThreadPool(12)) {
            Set<Long> sessions = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        store.elections();
                        sessions.add(session(store, db));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(store.connectionsOpened()).isBetween(1L, (long) size.maximum());
            assertThat(sessions).hasSizeBetween(1, size.maximum());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConnectionComesBackCleanAfterAHandleLeftATransactionOpen(TestDatabase db) throws SQLException {
        try (Store store = Store.open(db.freshUrl(dir))) {
            Handle h = store.jdbi().open();
            long first = session(h, db);
            h.begin();
            h.execute("INSERT INTO login_limits (limit_key) VALUES ('left open')");
            // JDBI rolls back a transaction a handle is closed in, and says so.
            assertThatThrownBy(h::close).hasMessageContaining("rolled back");
            Handle raw = store.jdbi().open();
            long second = session(raw, db);
            try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO login_limits (limit_key) VALUES ('behind the handle''s back')");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            try (Handle next = store.jdbi().open()) {
                assertThat(session(next, db)).isIn(first, second);
                assertThat(next.getConnection().getAutoCommit()).isTrue();
                assertThat(next.isInTransaction()).isFalse();
                assertThat(next.createQuery("SELECT COUNT(*) FROM login_limits").mapTo(Integer.class).one()).isZero();
            }
            // One physical connection served all three handles: what was checked is what the pool handed back.
            assertThat(store.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void onPostgresqlTheStoreHoldsOnlyThePoolsConnectionsAndCloseEndsThem() throws Exception {
        String url = TestDatabase.POSTGRESQL.freshUrl(dir);
        try (Connection outside = DriverManager.getConnection(url)) {
            Store store = Store.open(url, PoolSize.service(3));
            try (ChangeNotifier notifier = store.changes(message -> { })) {
                assertThat(notifier.shared()).isTrue();
                long listener = single(outside, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND query = 'LISTEN tallyroom_changes'");
                Set<Long> sessions = ConcurrentHashMap.newKeySet();
                for (int i = 0; i < 100; i++) {
                    sessions.add(session(store, TestDatabase.POSTGRESQL));
                    notifier.send("hello " + i);
                }
                // The LISTEN connection is its own: never lent out, never recycled.
                assertThat(sessions).doesNotContain(listener).hasSizeBetween(1, 3);
                assertThat(single(outside, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND query = 'LISTEN tallyroom_changes'")).isEqualTo(listener);
                // Besides the pool and the listener nothing is held (the opening connection is gone).
                assertThat(others(outside)).isBetween(2L, 4L);
            }
            store.close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (others(outside) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // a backend leaves pg_stat_activity once its process has ended
            }
            assertThat(others(outside)).isZero();
        }
    }

    private static long others(Connection outside) throws SQLException {
        return single(outside, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
