package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2022-05-05T22:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAUserAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        MovableClock clock = new MovableClock();
        LoginLimiter l = new LoginLimiter(5, 20, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(l.retryAfter("clerk", "10.0.0.1")).isZero();
            l.failed("clerk", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(l.retryAfter("clerk", "10.0.0.1")).isEqualTo(600);
        assertThat(l.retryAfter("clerk", "10.0.0.2")).as("per user, whatever the address").isEqualTo(600);
        assertThat(l.retryAfter("admin", "10.0.0.1")).isZero();
        clock.now = clock.now.plusSeconds(600);
        assertThat(l.retryAfter("clerk", "10.0.0.1")).isZero();
    }

    @Test
    void blocksAnAddressTryingManyNames() {
        MovableClock clock = new MovableClock();
        LoginLimiter l = new LoginLimiter(5, 20, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 20; i++) {
            l.failed("user" + i, "10.0.0.9");
        }
        assertThat(l.retryAfter("someone-new", "10.0.0.9")).isPositive();
        assertThat(l.retryAfter("someone-new", "10.0.0.8")).isZero();
    }

    @Test
    void successClearsTheUsersFailures() {
        LoginLimiter l = new LoginLimiter(2, 20, Duration.ofMinutes(15), new MovableClock());
        l.failed("ro", "ip");
        l.succeeded("ro");
        l.failed("ro", "ip");
        assertThat(l.retryAfter("ro", "ip")).isZero();
    }
}
