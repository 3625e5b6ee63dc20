package org.tallyroom.store;

/**
 * How many database connections a store keeps: {@code minimumIdle} held open while idle, at most
 * {@code maximum} at once (a caller beyond that waits for one to be returned).
 *
 * <p>A one-shot command ({@link #COMMAND}: import, show, elections, ...) runs its work on one thread and
 * needs one connection, two when a nested read runs on another thread; it opens them on first use and
 * holds none idle. {@code serve} ({@link #SERVICE}) keeps two open and grows to eight under load: most of
 * its reads are answered from rendered pages, and the database work it does (sessions, sign-in limits,
 * idempotency keys, the read model's generation, declarations) is short, so on a 2-core machine more
 * connections than about twice the cores only queue inside the database instead of in the pool.
 */
public record PoolSize(int minimumIdle, int maximum) {
    /** The smallest maximum allowed: one connection for a thread's work, one for a read on another thread. */
    public static final int LEAST = 2;
    /** A one-shot command: none held idle, at most two. */
    public static final PoolSize COMMAND = new PoolSize(0, 2);
    /** The default for {@code serve}: two held idle, at most eight. */
    public static final PoolSize SERVICE = service(8);

    public PoolSize {
        if (maximum < LEAST || minimumIdle < 0 || minimumIdle > maximum) {
            throw new IllegalArgumentException("expected a pool of at least " + LEAST + " connections (idle 0 to the maximum), found "
                    + "idle " + minimumIdle + ", maximum " + maximum);
        }
    }

    /** A server's pool of at most {@code maximum} connections, two of them (at most) kept idle. */
    public static PoolSize service(int maximum) {
        if (maximum < LEAST) {
            throw new IllegalArgumentException("expected at least " + LEAST + " database connections, found " + maximum);
        }
        return new PoolSize(Math.min(2, maximum), maximum);
    }
}
