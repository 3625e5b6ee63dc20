package org.tallyroom.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.tallyroom.store.service.SessionTable;

/**
 * Signed-in sessions: a random 256-bit id in an HttpOnly, SameSite=Strict cookie, and a CSRF token per
 * session that every form carries (synchroniser token). Sessions live in the store (web_sessions, only
 * the SHA-256 of the id), so every {@code serve} node knows them and a restart signs nobody out. They
 * end after eight idle hours or on sign-out.
 */
public final class Sessions {
    public static final String COOKIE = "tallyroom_session";
    static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session: who, and the CSRF token for their forms. */
    public record Session(String id, User user, String csrf) {
    }

    private final SessionTable table;
    private final Clock clock;

    public Sessions(SessionTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public Session open(User user) {
        Session s = new Session(random(), user, random());
        table.open(Accounts.sha256(s.id()), user.id(), s.csrf(), clock.instant());
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return table.find(Accounts.sha256(id), clock.instant(), IDLE)
                .map(r -> new Session(id, Accounts.user(r.user()), r.csrf()));
    }

    public void close(String id) {
        if (id != null) {
            table.close(Accounts.sha256(id));
        }
    }

    /** Removes sessions idle past their limit (run now and then). */
    public int expire() {
        return table.expire(clock.instant().minus(IDLE));
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Compares two secrets in time independent of where they differ. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
