package org.tallyroom.store.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in sessions (web_sessions, V6), so that every {@code serve} process knows them and a restart
 * signs nobody out. Keyed by the SHA-256 of the cookie's value.
 */
public final class SessionTable {
    /** last_seen is written at most this often, so that reads do not each cost a write. */
    static final Duration TOUCH = Duration.ofMinutes(1);
    private final Jdbi jdbi;

    SessionTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A live session: its user and the CSRF token of its forms. */
    public record SessionRow(UserTable.UserRow user, String csrf) {
    }

    public void open(String idHash, long userId, String csrf, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_sessions (id_hash, user_id, csrf, created_at, last_seen) "
                        + "VALUES (:id, :u, :c, :at, :at)").bind("id", idHash).bind("u", userId).bind("c", csrf)
                .bind("at", ServiceStore.utc(at)).execute());
    }

    /**
     * The session, if it exists, its user is enabled, and it was used within {@code idle} of {@code now};
     * an expired one is removed.
     */
    public Optional<SessionRow> find(String idHash, Instant now, Duration idle) {
        return jdbi.withHandle(h -> {
            Optional<Object[]> row = h.createQuery("SELECT u.id, u.username, u.password_hash, u.roles, u.disabled, s.csrf, "
                            + "s.last_seen FROM web_sessions s JOIN web_users u ON s.user_id = u.id WHERE s.id_hash = :id")
                    .bind("id", idHash).map((rs, ctx) -> new Object[] {UserTable.row(rs), rs.getString("csrf"),
                            rs.getObject("last_seen", OffsetDateTime.class).toInstant()}).findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            UserTable.UserRow user = (UserTable.UserRow) row.get()[0];
            Instant lastSeen = (Instant) row.get()[2];
            if (lastSeen.plus(idle).isBefore(now) || user.disabled()) {
                h.createUpdate("DELETE FROM web_sessions WHERE id_hash = :id").bind("id", idHash).execute();
                return Optional.empty();
            }
            if (lastSeen.plus(TOUCH).isBefore(now)) {
                h.createUpdate("UPDATE web_sessions SET last_seen = :at WHERE id_hash = :id").bind("id", idHash)
                        .bind("at", ServiceStore.utc(now)).execute();
            }
            return Optional.of(new SessionRow(user, ((String) row.get()[1]).strip()));
        });
    }

    public void close(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE id_hash = :id").bind("id", idHash).execute());
    }

    /** Removes sessions last used before {@code before}; returns how many. */
    public int expire(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE last_seen < :b")
                .bind("b", ServiceStore.utc(before)).execute());
    }
}
