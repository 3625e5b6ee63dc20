package org.tallyroom.store.team;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;

/**
 * The results service's own tables (migration V4): the count team's accounts, API tokens, the audit
 * log and the stored responses of idempotent POSTs. Rows in, records out; the rules (password
 * hashing, roles, who may do what) stay with the service.
 */
public final class TeamStore {
    private final Jdbi jdbi;

    public TeamStore(Store store) {
        this.jdbi = Sql.of(store);
    }

    /** A stored account. roles: comma-separated role ids. */
    public record Account(long id, String username, String passwordHash, String roles, boolean disabled) {
    }

    /** A stored response to an idempotent POST. */
    public record StoredResponse(String requestHash, int status, String contentType, String body) {
    }

    /** Adds an account; empty if the name is taken. */
    public Optional<Long> createAccount(String username, String passwordHash, String roles) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Integer.class).one() > 0) {
                return Optional.empty();
            }
            return Optional.of(h.createUpdate("INSERT INTO web_users (username, password_hash, roles, created_at) "
                            + "VALUES (:u, :p, :r, :at)").bind("u", username).bind("p", passwordHash).bind("r", roles)
                    .bind("at", now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        });
    }

    public Optional<Account> account(String username) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, username, password_hash, roles, disabled FROM web_users WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5))).findOne());
    }

    /** Every account, by name (password hashes left out). */
    public List<Account> accounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, roles, disabled FROM web_users ORDER BY username")
                .map((rs, ctx) -> new Account(rs.getLong(1), rs.getString(2), null, rs.getString(3), rs.getBoolean(4)))
                .list());
    }

    /** Stores a token's hash for a user; false if there is no such user. */
    public boolean addToken(String username, String tokenHash, String label) {
        return jdbi.inTransaction(h -> {
            Optional<Long> userId = h.createQuery("SELECT id FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Long.class).findOne();
            userId.ifPresent(id -> h.createUpdate("INSERT INTO api_tokens (token_hash, user_id, label, created_at) "
                    + "VALUES (:t, :u, :l, :at)").bind("t", tokenHash).bind("u", id).bind("l", label).bind("at", now())
                    .execute());
            return userId.isPresent();
        });
    }

    /** The account a token (by its hash) acts as, if the token is not revoked and the account not disabled. */
    public Optional<Account> byToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.username, u.roles FROM api_tokens t "
                        + "JOIN web_users u ON t.user_id = u.id WHERE t.token_hash = :t AND NOT t.revoked AND NOT u.disabled")
                .bind("t", tokenHash).map((rs, ctx) -> new Account(rs.getLong(1), rs.getString(2), null, rs.getString(3),
                        false)).findOne());
    }

    public void audit(String username, String action, String target, String detail, String ip) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, username, action, target, detail, ip) "
                        + "VALUES (:at, :u, :a, :t, :d, :ip)").bind("at", now()).bind("u", username).bind("a", action)
                .bind("t", target).bind("d", detail).bind("ip", ip).execute());
    }

    /** The latest entries of the audit log, newest first, as column name to value. */
    public List<Map<String, Object>> auditLog(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, username, action, target, detail, ip FROM audit_log "
                + "ORDER BY id DESC").setMaxRows(limit).mapToMap().list());
    }

    public Optional<StoredResponse> idempotent(String username, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT request_hash, status, content_type, body FROM idempotency_keys "
                        + "WHERE username = :u AND idem_key = :k").bind("u", username).bind("k", key)
                .map((rs, ctx) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    /** Keeps the first response for a key; throws if the key is already stored. */
    public void remember(String username, String key, StoredResponse r) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (username, idem_key, request_hash, status, "
                        + "content_type, body, created_at) VALUES (:u, :k, :h, :s, :c, :b, :at)")
                .bind("u", username).bind("k", key).bind("h", r.requestHash()).bind("s", r.status())
                .bind("c", r.contentType()).bind("b", r.body()).bind("at", now()).execute());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
