package org.tallyroom.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits sign-in attempts: at most {@code perUser} failed attempts for one user name and
 * {@code perIp} for one address in a sliding window (default 5 and 20 in 15 minutes). Past either,
 * sign-in is refused with 429 until the oldest failure leaves the window, whether or not the
 * password is right, so guessing cannot continue. A successful sign-in clears the user's failures.
 */
public final class LoginLimiter {
    private final int perUser;
    private final int perIp;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginLimiter(int perUser, int perIp, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perIp = perIp;
        this.window = window;
        this.clock = clock;
    }

    public static LoginLimiter standard(Clock clock) {
        return new LoginLimiter(5, 20, Duration.ofMinutes(15), clock);
    }

    /** Seconds until an attempt may be made, or 0 if it may be made now. */
    public long retryAfter(String username, String ip) {
        Instant now = clock.instant();
        return Math.max(wait("u:" + username, perUser, now), wait("ip:" + ip, perIp, now));
    }

    public void failed(String username, String ip) {
        Instant now = clock.instant();
        add("u:" + username, now);
        add("ip:" + ip, now);
    }

    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private void add(String key, Instant now) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d, now);
            d.addLast(now);
        }
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d, now);
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.peekFirst().plus(window)).toSeconds());
        }
    }

    private void prune(Deque<Instant> d, Instant now) {
        while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
            d.removeFirst();
        }
    }
}
