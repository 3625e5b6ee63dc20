package org.tallyroom.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.tallyroom.store.service.LoginAttempts;

/**
 * Limits sign-in attempts: at most {@code perUser} failed attempts for one user name and
 * {@code perIp} for one address in a sliding window (default 5 and 20 in 15 minutes). Past either,
 * sign-in is refused with 429 until the oldest failure leaves the window, whether or not the
 * password is right, so guessing cannot continue. A successful sign-in clears the user's failures.
 *
 * <p>The count is kept in the store and an attempt is counted before its password is checked, in one
 * locked transaction ({@link LoginAttempts}), so the limit holds however many attempts arrive at once
 * and on however many {@code serve} nodes.
 */
public final class LoginLimiter {
    private final LoginAttempts attempts;
    private final int perUser;
    private final int perIp;
    private final Duration window;
    private final Clock clock;

    public LoginLimiter(LoginAttempts attempts, int perUser, int perIp, Duration window, Clock clock) {
        this.attempts = attempts;
        this.perUser = perUser;
        this.perIp = perIp;
        this.window = window;
        this.clock = clock;
    }

    public static LoginLimiter standard(LoginAttempts attempts, Clock clock) {
        return new LoginLimiter(attempts, 5, 20, Duration.ofMinutes(15), clock);
    }

    /**
     * Counts an attempt as failed until {@link #succeeded} says otherwise; its
     * {@link LoginAttempts.Attempt#retryAfterSeconds} is 0 if the attempt may go ahead, else the seconds
     * to wait (and nothing is counted).
     */
    public LoginAttempts.Attempt attempt(String username, String ip) {
        return attempts.reserve(Map.of(userKey(username), perUser, "ip:" + ip, perIp), window, clock.instant());
    }

    /** The password was right: the user's failures are forgotten, and this attempt is not a failure of the address. */
    public void succeeded(LoginAttempts.Attempt attempt, String username) {
        attempts.succeeded(attempt, userKey(username));
    }

    private static String userKey(String username) {
        return "u:" + username;
    }
}
