package org.tallyroom.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, held in memory: a random 256-bit id in an HttpOnly, SameSite=Strict cookie,
 * and a CSRF token per session that every form carries (synchroniser token). Sessions end after
 * eight idle hours or on sign-out; a restart signs everyone out.
 */
public final class Sessions {
    public static final String COOKIE = "tallyroom_session";
    static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session: who, the CSRF token for their forms, and when it was last used. */
    public static final class Session {
        final String id;
        final User user;
        final String csrf;
        volatile Instant lastSeen;

        Session(String id, User user, String csrf, Instant at) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.lastSeen = at;
        }

        public User user() {
            return user;
        }

        public String csrf() {
            return csrf;
        }

        public String id() {
            return id;
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(User user) {
        Session s = new Session(random(), user, random(), clock.instant());
        byId.put(s.id, s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen.plus(IDLE).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
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
