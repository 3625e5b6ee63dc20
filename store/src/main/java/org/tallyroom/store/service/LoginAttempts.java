package org.tallyroom.store.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Failed sign-in attempts under limit keys (login_limits, login_failures: V6), counted atomically in
 * the database so that a limit holds under concurrent attempts and across every {@code serve} process.
 *
 * <p>An attempt is counted before the password is checked ({@link #reserve}): in one transaction the
 * keys' rows are locked (SELECT ... FOR UPDATE, in key order so two attempts never deadlock), the
 * failures still in the window are counted, and, if every key is under its limit, a failure is
 * recorded under each key. Thirty simultaneous attempts against a limit of five therefore let exactly
 * five check a password. A successful sign-in then takes its failures back ({@link #succeeded}).
 */
public final class LoginAttempts {
    private final Jdbi jdbi;

    LoginAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The outcome of {@link #reserve}: 0 and the failures recorded (by key), or the seconds until an
     * attempt may be made and nothing recorded.
     */
    public record Attempt(long retryAfterSeconds, Map<String, Long> recorded) {
        public boolean allowed() {
            return retryAfterSeconds == 0;
        }
    }

    /**
     * Counts an attempt under each key (key to its limit of failures within {@code window}), unless a
     * key is already at its limit.
     */
    public Attempt reserve(Map<String, Integer> limits, Duration window, Instant now) {
        TreeMap<String, Integer> sorted = new TreeMap<>(limits);
        ensureRows(sorted.keySet());
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT limit_key FROM login_limits WHERE limit_key IN (<keys>) ORDER BY limit_key FOR UPDATE")
                    .bindList("keys", new ArrayList<>(sorted.keySet())).mapTo(String.class).list();
            OffsetDateTime cutoff = ServiceStore.utc(now.minus(window));
            h.createUpdate("DELETE FROM login_failures WHERE limit_key IN (<keys>) AND at <= :cutoff")
                    .bindList("keys", new ArrayList<>(sorted.keySet())).bind("cutoff", cutoff).execute();
            long wait = 0;
            for (Map.Entry<String, Integer> e : sorted.entrySet()) {
                Map<String, Object> seen = h.createQuery("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures "
                        + "WHERE limit_key = :k").bind("k", e.getKey()).map((rs, ctx) -> Map.<String, Object>of(
                                "n", rs.getLong("n"), "oldest", rs.getObject("oldest", OffsetDateTime.class) == null
                                        ? now : rs.getObject("oldest", OffsetDateTime.class).toInstant())).one();
                if ((Long) seen.get("n") >= e.getValue()) {
                    Instant free = ((Instant) seen.get("oldest")).plus(window);
                    wait = Math.max(wait, Math.max(1, Duration.between(now, free).toSeconds()));
                }
            }
            if (wait > 0) {
                return new Attempt(wait, Map.of());
            }
            Map<String, Long> recorded = new LinkedHashMap<>();
            for (String key : sorted.keySet()) {
                recorded.put(key, record(h, key, now));
            }
            return new Attempt(0, recorded);
        });
    }

    /**
     * After a successful sign-in: forgets every failure under {@code clearKey} (the user's) and takes
     * back the failures {@code attempt} recorded under other keys.
     */
    public void succeeded(Attempt attempt, String clearKey) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_failures WHERE limit_key = :k").bind("k", clearKey).execute();
            List<Long> ids = new ArrayList<>(attempt.recorded().values());
            if (!ids.isEmpty()) {
                h.createUpdate("DELETE FROM login_failures WHERE id IN (<ids>)").bindList("ids", ids).execute();
            }
        });
    }

    /** Forgets the failures under a key (an administrator unblocking a user). */
    public void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE limit_key = :k").bind("k", key).execute());
    }

    private static long record(Handle h, String key, Instant now) {
        return h.createUpdate("INSERT INTO login_failures (limit_key, at) VALUES (:k, :at)").bind("k", key)
                .bind("at", ServiceStore.utc(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The lockable row of each key; a concurrent insert of the same key (on any node) is fine. */
    private void ensureRows(Iterable<String> keys) {
        for (String key : keys) {
            boolean exists = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_limits WHERE limit_key = :k")
                    .bind("k", key).mapTo(Integer.class).one() > 0);
            if (!exists) {
                try {
                    jdbi.useHandle(h -> h.createUpdate("INSERT INTO login_limits (limit_key) VALUES (:k)").bind("k", key).execute());
                } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                    // inserted meanwhile by another attempt; the row is there either way
                }
            }
        }
    }
}
