package org.tallyroom.store.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** web_users, api_tokens and audit_log (V4): who may sign in, the machine clients' tokens, and what they did. */
public final class UserTable {
    private static final String USER_COLUMNS = "u.id, u.username, u.password_hash, u.roles, u.disabled";
    private final Jdbi jdbi;

    UserTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A member of the count team as stored: roles comma-separated, the password as its bcrypt hash. */
    public record UserRow(long id, String username, String passwordHash, String roles, boolean disabled) {
    }

    /** Adds a user; empty if the name is taken. */
    public Optional<Long> create(String username, String passwordHash, String roles, Instant at) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Integer.class).one() > 0) {
                return Optional.empty();
            }
            return Optional.of(h.createUpdate("INSERT INTO web_users (username, password_hash, roles, created_at) "
                            + "VALUES (:u, :p, :r, :at)").bind("u", username).bind("p", passwordHash).bind("r", roles)
                    .bind("at", ServiceStore.utc(at)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        });
    }

    public Optional<UserRow> byName(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM web_users u WHERE u.username = :u")
                .bind("u", username).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<UserRow> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM web_users u ORDER BY u.username")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** Stores a token's hash for a user; false if there is no such user. */
    public boolean addToken(String username, String tokenHash, String label, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Long> userId = h.createQuery("SELECT id FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Long.class).findOne();
            if (userId.isEmpty()) {
                return false;
            }
            h.createUpdate("INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (:t, :u, :l, :at)")
                    .bind("t", tokenHash).bind("u", userId.get()).bind("l", label).bind("at", ServiceStore.utc(at)).execute();
            return true;
        });
    }

    /** The enabled user a token (by its hash) acts as, if the token is not revoked. */
    public Optional<UserRow> byTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM api_tokens t "
                        + "JOIN web_users u ON t.user_id = u.id WHERE t.token_hash = :t AND NOT t.revoked AND NOT u.disabled")
                .bind("t", tokenHash).map((rs, ctx) -> row(rs)).findOne());
    }

    public void audit(Instant at, String username, String action, String target, String detail, String ip) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, username, action, target, detail, ip) "
                        + "VALUES (:at, :u, :a, :t, :d, :ip)").bind("at", ServiceStore.utc(at)).bind("u", username)
                .bind("a", action).bind("t", target).bind("d", detail).bind("ip", ip).execute());
    }

    /** The latest entries of the audit log, newest first (columns id, at, username, action, target, detail, ip). */
    public List<Map<String, Object>> auditLog(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, username, action, target, detail, ip FROM audit_log "
                + "ORDER BY id DESC").setMaxRows(limit).mapToMap().list());
    }

    static UserRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("roles"), rs.getBoolean("disabled"));
    }
}
