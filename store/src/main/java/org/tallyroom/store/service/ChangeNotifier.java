package org.tallyroom.store.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other {@code serve} processes on the same PostgreSQL database about a change (a declaration
 * or correction for the live feed), by PostgreSQL's LISTEN/NOTIFY: {@link #send} is a
 * {@code pg_notify}; one thread per process holds a connection that LISTENs and hands every message
 * from another process to the listener, within milliseconds (the wait for a notification blocks on the
 * socket; it does not poll). A message from this process is not handed back: the caller has delivered
 * it locally already.
 *
 * <p>On H2 there is one {@code serve} per database (see {@link ServeLock}), so there is no one to
 * tell: {@link #send} does nothing.
 */
public final class ChangeNotifier implements AutoCloseable {
    /** The longest message PostgreSQL takes (its limit is 8000 bytes, less our prefix). */
    public static final int MAX_BYTES = 7900;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final String CHANNEL = "tallyroom_changes";

    private final Jdbi jdbi;
    private final String url;
    private final String node = UUID.randomUUID().toString();
    private final Consumer<String> listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;

    private ChangeNotifier(Jdbi jdbi, String url, Consumer<String> listener) {
        this.jdbi = jdbi;
        this.url = url;
        this.listener = listener;
        if (url.startsWith("jdbc:postgresql:")) {
            this.thread = new Thread(this::listen, "tallyroom-notify");
            thread.setDaemon(true);
        } else {
            this.thread = null;
        }
    }

    /** For the store only: other modules call {@code Store.changes(listener)}. */
    public static ChangeNotifier start(Jdbi jdbi, String url, Consumer<String> listener) {
        ChangeNotifier n = new ChangeNotifier(jdbi, url, listener);
        if (n.thread != null) {
            n.connect();
            n.thread.start();
        }
        return n;
    }

    /** Whether other processes can hear this one (PostgreSQL). */
    public boolean shared() {
        return thread != null;
    }

    /** Sends a message to every other process on the database; false if it is too long to send. */
    public boolean send(String message) {
        if (thread == null) {
            return true;
        }
        String payload = node + " " + message;
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            LOG.warn("a change of {} bytes is too long for NOTIFY; other nodes will not see it live", message.length());
            return false;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:c, :p)").bind("c", CHANNEL).bind("p", payload)
                .mapTo(String.class).findOne());
        return true;
    }

    private void connect() {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            listening = c;
        } catch (SQLException e) {
            throw new org.tallyroom.store.StoreException("cannot listen for changes from other nodes: " + e.getMessage(), e);
        }
    }

    private void listen() {
        while (!closed) {
            try {
                if (listening == null) {
                    connect();
                }
                PGNotification[] got = listening.unwrap(PGConnection.class).getNotifications(1000);
                if (got == null) {
                    continue;
                }
                for (PGNotification n : got) {
                    String p = n.getParameter();
                    int space = p.indexOf(' ');
                    if (space > 0 && !p.substring(0, space).equals(node)) {
                        deliver(p.substring(space + 1));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("lost the connection that listens for other nodes' changes; reconnecting in 1 s", e);
                closeQuietly();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void deliver(String message) {
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            LOG.error("a change from another node could not be delivered", e);
        }
    }

    private void closeQuietly() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // going anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }
}
