package org.tallyroom.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tallyroom.store.service.IdempotencyTable;
import org.tallyroom.store.service.UserTable;

/**
 * The count team's accounts (web_users), machine clients' bearer tokens (api_tokens), the audit log
 * and the stored responses of idempotent POSTs, all in the results store (migration V4, through the
 * store's {@link org.tallyroom.store.service.ServiceStore}), so every {@code serve} node shares them.
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

    private final UserTable users;
    private final IdempotencyTable idempotency;
    private final Clock clock;

    public Accounts(org.tallyroom.store.service.ServiceStore service, Clock clock) {
        this.users = service.users();
        this.idempotency = service.idempotency();
        this.clock = clock;
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
        long id = users.create(username, hash, roleList, clock.instant())
                .orElseThrow(() -> new HttpError(409, "a user named " + username + " already exists"));
        return new User(id, username, roles);
    }

    /** The user if the password is right (bcrypt verify); empty otherwise. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<UserTable.UserRow> row = users.byName(username);
        if (row.isEmpty()) {
            BCrypt.verifyer().verify(password.toCharArray(), DUMMY_HASH);
            return Optional.empty();
        }
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(),
                row.get().passwordHash().getBytes(StandardCharsets.UTF_8)).verified;
        if (!ok || row.get().disabled()) {
            return Optional.empty();
        }
        return Optional.of(user(row.get()));
    }

    public List<User> users() {
        return users.all().stream().map(Accounts::user).toList();
    }

    /** Issues a token for a user; returns the token (shown once). */
    public String issueToken(String username, String label) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "trt_" + HexFormat.of().formatHex(raw);
        if (!users.addToken(username, sha256(token), label == null || label.isBlank() ? "token" : label, clock.instant())) {
            throw HttpError.notFound("user " + username);
        }
        return token;
    }

    /** The user a bearer token acts as, if the token is known and not revoked. */
    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return users.byTokenHash(sha256(token.strip())).map(Accounts::user);
    }

    /** The user a session row names. */
    static User user(UserTable.UserRow r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.roles().split(",")).filter(s -> !s.isBlank()).map(Role::parse).forEach(roles::add);
        return new User(r.id(), r.username(), roles);
    }

    /** Appends to the audit log. */
    public void audit(String username, String action, String target, String detail, String ip) {
        users.audit(clock.instant(), username, action, target, detail == null ? null : truncate(detail, 4000), ip);
    }

    /** The latest entries of the audit log, newest first. */
    public List<Map<String, Object>> auditLog(int limit) {
        return users.auditLog(limit);
    }

    /** A stored response to an idempotent POST. */
    public record StoredResponse(String requestHash, int status, String contentType, String body) {
    }

    public Optional<StoredResponse> idempotent(String username, String key) {
        return idempotency.find(username, key)
                .map(r -> new StoredResponse(r.requestHash(), r.status(), r.contentType(), r.body()));
    }

    /** Keeps the first response for a key; a concurrent duplicate (on any node) loses the race quietly. */
    public void remember(String username, String key, StoredResponse r) {
        idempotency.remember(username, key, new IdempotencyTable.StoredResponse(r.requestHash(), r.status(),
                r.contentType(), r.body()), clock.instant());
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

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
