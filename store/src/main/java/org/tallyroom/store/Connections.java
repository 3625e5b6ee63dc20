package org.tallyroom.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the store connects: shared between processes, and durable at commit.
 *
 * <p><b>One database, many processes (H2).</b> An H2 file is opened in H2's automatic mixed mode
 * ({@code AUTO_SERVER=TRUE}): the first process to open it (usually {@code serve}) opens it embedded and
 * also listens on a local TCP port written in the lock file; every other process ({@code import},
 * {@code show}, ...) connects to that port through the same URL, and when the first goes, the next
 * takes over. Chosen over a TCP server started by {@code serve} (which would need a port, a password
 * and a running server for every command) and over CLI commands calling the HTTP API (which would
 * need every command written twice): mixed mode needs nothing from the user and keeps one code path.
 * PostgreSQL is shared by nature. H2 would listen on every network interface; the store binds its
 * sockets to 127.0.0.1 (system property {@code h2.bindAddress}, unless set), since the other processes
 * are on the same machine and the database has no password.
 *
 * <p><b>Durable commits.</b> H2 by default writes committed data to its file up to half a second
 * later (WRITE_DELAY 500 ms, done by a background writer thread), and never forces it to the disk; a
 * kill -9 in that half-second loses acknowledged writes. The store sets {@code WRITE_DELAY=0}. Read in
 * H2 2.5.252 (the version the build uses): {@code Database.setWriteDelay(0)} sets the MVStore's
 * auto-commit delay to 0, which stops the background writer and its serialisation executors, so
 * {@code FileStore.storeIt} writes in the calling thread; and {@code TransactionStore.endTransaction},
 * which every transaction that changed data goes through (an auto-commit statement too), then calls
 * {@code MVStore.commit()}, which waits for the store lock and writes a new chunk, unless another
 * thread's store began after this transaction ended (that store holds its changes). So once a commit
 * has returned, the data is in the file (the operating system's cache), which is what a kill -9 of the
 * process needs. A power cut needs the file forced to the disk as well: after every commit of a
 * transaction, and after every auto-commit statement that changed rows, the connection runs
 * {@code CHECKPOINT SYNC} ({@code Database.sync}: {@code MVStore.commit()}, then
 * {@code FileChannel.force}), so that a write has returned only once it is on the disk. (Before, only
 * {@code commit()} was followed by it: sessions, idempotency keys and the audit log, written in
 * auto-commit mode, reached the file but not the disk.)
 *
 * <p><b>Recoverable commits.</b> Written is not enough: after a kill -9, H2 must also <i>find</i> the
 * newest chunk when it opens the file again. It looks for it from the store header along the chain of
 * chunks (each names the place it predicted for the next) and at the end of the file, and it accepts the
 * newest chunk only if every chunk that chunk's layout names was found. With space reuse on (the
 * default), a chunk can be placed in freed space outside that chain without the header being rewritten
 * (seen in H2 2.5.252: chunk 5,656 at block 1,162 predicted 1,228 for the next, chunk 5,657 went to
 * block 1,196 and chunk 5,658 to 1,228, and the header still named 5,656);
 * opening the file after a kill then falls back to the header's chunk and silently drops every commit
 * made since, each of them acknowledged. Found by a kill -9 loop on plain H2 (four writers committing
 * and forcing each commit, killed at random once 20 commits were acknowledged): six losses in about 490
 * stops (kill -9, every fifth a SIGTERM) with reuse on, with or without {@code CHECKPOINT SYNC}, with or without SIGTERMs between the
 * kills, and with the writers serialised; none in 719 stops with {@code REUSE_SPACE=FALSE}, which the
 * store therefore sets: every chunk is appended where the previous one predicted, so the chain from
 * the header always reaches the newest. The cost is a file that grows by each commit's chunk (the pages
 * it changed, and for a result its election's summary: about 0.5 MB for a demo ward) while it is open;
 * H2 compacts for up to {@code MAX_COMPACT_TIME} (200 ms) when the last connection closes, and
 * {@code tallyroom compact} compacts it fully.
 *
 * <p><b>Parsed statements.</b> H2 keeps the last 8 statements each session parsed (QUERY_CACHE_SIZE); an
 * import runs a few dozen in turn, so it parsed nearly every statement again (3-4% of {@code import uk}'s
 * main thread). The store asks for {@value #QUERY_CACHE} (a setting of the database, taken from the URL of
 * the process that opens the file; a process that joins through the automatic mixed mode gets the
 * opener's).
 *
 * <p>On PostgreSQL a commit waits for its WAL record to be flushed ({@code synchronous_commit}): the
 * store turns {@code synchronous_commit} back on for its sessions if the server has it off, and warns
 * if the server runs with {@code fsync = off}.
 */
final class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Parsed statements H2 keeps per session (see the class comment). */
    static final int QUERY_CACHE = 100;
    /** PostgreSQL URLs whose server has synchronous_commit off: each connection turns it on. */
    private static final java.util.Set<String> FORCE_SYNC = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private Connections() {
    }

    /**
     * The URL with H2's mixed mode, immediate writes, appended chunks and a larger statement cache, unless
     * the URL says otherwise; other URLs as given.
     */
    static String shared(String url) {
        if (!h2File(url)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String out = url;
        if (!upper.contains(";AUTO_SERVER=")) {
            out += ";AUTO_SERVER=TRUE";
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            out += ";WRITE_DELAY=0";
        }
        if (!upper.contains(";REUSE_SPACE=")) {
            out += ";REUSE_SPACE=FALSE";
        }
        if (!upper.contains(";QUERY_CACHE_SIZE=")) {
            out += ";QUERY_CACHE_SIZE=" + QUERY_CACHE;
        }
        return out;
    }

    static boolean h2File(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    /** A connection for JDBI: on an H2 file, one whose writes return once the data is on disk. */
    static Connection connect(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (FORCE_SYNC.contains(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit TO on");
            }
        }
        if (!h2File(url)) {
            return c;
        }
        return durable(c);
    }

    /** How many times a connection of this JVM has forced an H2 file to the disk (for tests). */
    static long syncs() {
        return SYNCS.sum();
    }

    private static final java.util.concurrent.atomic.LongAdder SYNCS = new java.util.concurrent.atomic.LongAdder();

    /*
     * Hand-written JDBC proxies: a pool or a driver setting cannot run a statement after each commit and
     * after each auto-commit write, and H2 has no commit listener.
     */
    private static Connection durable(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connections.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    String name = method.getName();
                    if (name.equals("commit") && (args == null || args.length == 0)) {
                        sync(c);
                    } else if (result instanceof Statement s && (name.equals("createStatement") || name.startsWith("prepare"))) {
                        return statement(c, s);
                    }
                    return result;
                });
    }

    /** A statement that, in auto-commit mode, forces the file to the disk after a statement that changed rows. */
    private static Statement statement(Connection c, Statement s) {
        Class<?> type = s instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : s instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(Connections.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object result = invoke(s, method, args);
                    if (method.getName().startsWith("execute") && changed(s, method.getName(), result) && c.getAutoCommit()) {
                        sync(c);
                    }
                    return result;
                });
    }

    private static boolean changed(Statement s, String method, Object result) throws SQLException {
        return switch (method) {
            case "executeUpdate", "executeLargeUpdate" -> ((Number) result).longValue() != 0;
            case "executeBatch" -> java.util.Arrays.stream((int[]) result).anyMatch(n -> n != 0);
            case "executeLargeBatch" -> java.util.Arrays.stream((long[]) result).anyMatch(n -> n != 0);
            case "execute" -> !((Boolean) result) && s.getLargeUpdateCount() != 0; // a query answers true; DDL counts 0
            default -> false; // executeQuery
        };
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        SYNCS.increment();
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Checks PostgreSQL's durability settings on the store's first connection. */
    static void check(Connection c, String url) throws SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            if ("off".equalsIgnoreCase(setting(s, "fsync"))) {
                LOG.warn("PostgreSQL runs with fsync = off: an acknowledged write can be lost in a crash of the "
                        + "database server or a power cut. Set fsync = on in postgresql.conf for election night.");
            }
            if ("off".equalsIgnoreCase(setting(s, "synchronous_commit"))) {
                LOG.warn("PostgreSQL has synchronous_commit = off; Tallyroom turns it on for its own connections, "
                        + "so that a write is acknowledged only once it is in the write-ahead log on disk.");
                FORCE_SYNC.add(url);
            }
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
