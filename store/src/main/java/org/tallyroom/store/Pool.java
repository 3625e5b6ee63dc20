package org.tallyroom.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The store's connection pool: HikariCP, on PostgreSQL and H2 alike, taking its connections from
 * {@link Connections#connect} (so an H2 file's connections keep their durable commits).
 *
 * <p>Before, every JDBI handle opened a new connection: on PostgreSQL a new server process per read
 * (the web server's 20 checks a second of the read model's generation alone started 20 backends a
 * second per node). A borrowed connection is handed back clean: JDBI ends every transaction it began
 * (a handle closed inside one is rolled back) and restores auto-commit, and HikariCP rolls back
 * anything left uncommitted and resets auto-commit, isolation and read-only when a connection comes
 * back changed. The pool connects lazily ({@code initializationFailTimeout -1}): the store has already
 * connected once when it opens, so a command pays nothing at start-up beyond the pool's classes.
 *
 * <p>Not pooled: PostgreSQL's LISTEN connection (ChangeNotifier holds its own, which a pool would
 * recycle), Flyway's migration connection, and on H2 the store's keeper: an embedded H2 database lives
 * as long as a connection is open, and opening the file is the slow part, so the store holds one
 * connection of its own for its lifetime (a pool closes idle connections). On PostgreSQL the keeper
 * serves only while the store opens (the durability check and the schema check), then goes.
 */
final class Pool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource hikari;
    private final LongAdder opened = new LongAdder();
    private final boolean h2;
    private volatile Connection keeper;

    private Pool(String url, PoolSize size, Connection keeper) {
        this.h2 = url.startsWith("jdbc:h2:");
        this.keeper = keeper;
        HikariConfig config = new HikariConfig();
        config.setPoolName("tallyroom-" + POOLS.incrementAndGet());
        config.setDataSource(new Connector(url, opened));
        config.setMaximumPoolSize(size.maximum());
        config.setMinimumIdle(size.minimumIdle());
        config.setInitializationFailTimeout(-1);
        // A caller waits at most 10 s for a free connection (or for the database to answer) before an error.
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        this.hikari = new HikariDataSource(config);
    }

    /** Connects to {@code url} once (checking PostgreSQL's durability settings) and makes the pool. */
    static Pool open(String url, PoolSize size) throws SQLException {
        Connection keeper = DriverManager.getConnection(url);
        try {
            Connections.check(keeper, url);
            return new Pool(url, size, keeper);
        } catch (SQLException | RuntimeException e) {
            keeper.close();
            throw e;
        }
    }

    /** The store's own connection, while it has one (for the schema check). */
    Connection keeper() {
        return keeper;
    }

    /** The store is open: on PostgreSQL, whose database does not close with its last connection, the keeper goes. */
    void opened() {
        if (!h2) {
            releaseKeeper();
        }
    }

    DataSource dataSource() {
        return hikari;
    }

    /** How many physical connections this pool has opened so far (for tests). */
    long connectionsOpened() {
        return opened.sum();
    }

    /** Closes the pool's connections, then the keeper. */
    @Override
    public void close() {
        try {
            hikari.close();
        } finally {
            releaseKeeper();
        }
    }

    private void releaseKeeper() {
        Connection c = keeper;
        keeper = null;
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    /*
     * Hand-written: HikariCP takes a DataSource or a driver URL, and the store's connections must come from
     * Connections.connect (the durability proxy and PostgreSQL's synchronous_commit), which no library's
     * DataSource calls. Only getConnection does anything; HikariCP sets the login timeout and may ask for
     * a log writer.
     */
    private static final class Connector implements DataSource {
        private final String url;
        private final LongAdder opened;
        private volatile int loginTimeout;

        Connector(String url, LongAdder opened) {
            this.url = url;
            this.opened = opened;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = Connections.connect(url);
            opened.increment();
            return c;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the store's connections take their user from the JDBC URL");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Nothing is logged through a JDBC log writer.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper for " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
