package org.tallyroom.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The count team's accounts (web_users), machine clients' bearer tokens (api_tokens), the audit log
 * and the stored responses of idempotent POSTs, all in the results store (migration V4).
 *
 * <p>Passwords are hashed with bcrypt (cost 12, a random salt per hash, at.favre.lib's
 * implementation); a token is 32 random bytes shown once, and only its SHA-256 is kept, so a copy of
 * the database does not give anyone a way in.
 */
public final class Accounts {
    static final int BCRYPT_COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user does not exist, so a wrong name takes as long as a wrong password. */
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults().hash(BCRYPT_COST, "not a password".toCharArray());

    private final Jdbi jdbi;

    public Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates a user; 409 if the name is taken, 400 for a bad name or a short password. */
    public User create(String username, String password, Set<Role> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw HttpError.badRequest("expected a user name of 2 to 100 letters, digits or . _ @ -, found '"
                    + (username == null ? "" : username) + "'");
        }
        if (password == null || password.length() < 10) {
            throw HttpError.badRequest("expected a password of at least 10 characters");
        }
        if (roles.isEmpty()) {
            throw HttpError.badRequest("expected at least one role (results-entry, returning-officer, admin)");
        }
        String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
        String roleList = roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Integer.class).one() > 0) {
                throw new HttpError(409, "a user named " + username + " already exists");
            }
            long id = h.createUpdate("INSERT INTO web_users (username, password_hash, roles, created_at) "
                            + "VALUES (:u, :p, :r, :at)").bind("u", username).bind("p", hash).bind("r", roleList)
                    .bind("at", now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new User(id, username, roles);
        });
    }

    /** The user if the password is right (bcrypt verify); empty otherwise. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, username, password_hash, roles, disabled FROM web_users WHERE username = :u")
                .bind("u", username).mapToMap().findOne());
        if (row.isEmpty()) {
            BCrypt.verifyer().verify(password.toCharArray(), DUMMY_HASH);
            return Optional.empty();
        }
        Map<String, Object> r = row.get();
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(),
                ((String) r.get("password_hash")).getBytes(StandardCharsets.UTF_8)).verified;
        if (!ok || Boolean.TRUE.equals(r.get("disabled"))) {
            return Optional.empty();
        }
        return Optional.of(user(r));
    }

    public List<User> users() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, roles FROM web_users ORDER BY username")
                .mapToMap().map(Accounts::user).list());
    }

    /** Issues a token for a user; returns the token (shown once). */
    public String issueToken(String username, String label) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "trt_" + HexFormat.of().formatHex(raw);
        jdbi.useHandle(h -> {
            Long userId = h.createQuery("SELECT id FROM web_users WHERE username = :u").bind("u", username)
                    .mapTo(Long.class).findOne().orElseThrow(() -> HttpError.notFound("user " + username));
            h.createUpdate("INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (:t, :u, :l, :at)")
                    .bind("t", sha256(token)).bind("u", userId).bind("l", label == null || label.isBlank() ? "token" : label)
                    .bind("at", now()).execute();
        });
        return token;
    }

    /** The user a bearer token acts as, if the token is known and not revoked. */
    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.username, u.roles FROM api_tokens t "
                        + "JOIN web_users u ON t.user_id = u.id WHERE t.token_hash = :t AND NOT t.revoked AND NOT u.disabled")
                .bind("t", sha256(token.strip())).mapToMap().map(Accounts::user).findOne());
    }

    /** Appends to the audit log. */
    public void audit(String username, String action, String target, String detail, String ip) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, username, action, target, detail, ip) "
                        + "VALUES (:at, :u, :a, :t, :d, :ip)").bind("at", now()).bind("u", username).bind("a", action)
                .bind("t", target).bind("d", detail == null ? null : truncate(detail, 4000)).bind("ip", ip).execute());
    }

    /** The latest entries of the audit log, newest first. */
    public List<Map<String, Object>> auditLog(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, username, action, target, detail, ip FROM audit_log "
                + "ORDER BY id DESC").setMaxRows(limit).mapToMap().list());
    }

    /** A stored response to an idempotent POST. */
    public record StoredResponse(String requestHash, int status, String contentType, String body) {
    }

    public Optional<StoredResponse> idempotent(String username, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT request_hash, status, content_type, body FROM idempotency_keys "
                        + "WHERE username = :u AND idem_key = :k").bind("u", username).bind("k", key)
                .map((rs, ctx) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    /** Keeps the first response for a key; a concurrent duplicate loses the race quietly. */
    public void remember(String username, String key, StoredResponse r) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (username, idem_key, request_hash, status, "
                            + "content_type, body, created_at) VALUES (:u, :k, :h, :s, :c, :b, :at)")
                    .bind("u", username).bind("k", key).bind("h", r.requestHash()).bind("s", r.status())
                    .bind("c", r.contentType()).bind("b", r.body()).bind("at", now()).execute());
        } catch (RuntimeException e) {
            // the key was stored by a concurrent request; the first one stands
        }
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A random password for a demo or first account: 16 characters from an unambiguous alphabet. */
    public static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static User user(Map<String, Object> r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(((String) r.get("roles")).split(",")).filter(s -> !s.isBlank()).map(Role::parse).forEach(roles::add);
        return new User(((Number) r.get("id")).longValue(), (String) r.get("username"), roles);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
