package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.Store;
import org.tallyroom.store.service.LoginAttempts;
import org.tallyroom.store.testing.TestDatabase;

/** The sign-in limit, counted in the store (H2 and PostgreSQL). */
class LoginLimiterTest {
    @TempDir
    Path dir;

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

    private LoginLimiter limiter(TestDatabase db, int perUser, Clock clock) {
        store = Store.open(db.freshUrl(dir));
        return new LoginLimiter(store.service().loginAttempts(), perUser, 20, Duration.ofMinutes(15), clock);
    }

    private Store store;

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void blocksAUserAfterFiveFailuresUntilTheOldestLeavesTheWindow(TestDatabase db) {
        MovableClock clock = new MovableClock();
        LoginLimiter l = limiter(db, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(l.attempt("clerk", "10.0.0.1").allowed()).isTrue();
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(l.attempt("clerk", "10.0.0.1").retryAfterSeconds()).isEqualTo(600);
        assertThat(l.attempt("clerk", "10.0.0.2").retryAfterSeconds()).as("per user, whatever the address").isEqualTo(600);
        assertThat(l.attempt("admin", "10.0.0.1").allowed()).isTrue();
        clock.now = clock.now.plusSeconds(600);
        assertThat(l.attempt("clerk", "10.0.0.1").allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void blocksAnAddressTryingManyNames(TestDatabase db) {
        LoginLimiter l = limiter(db, 5, new MovableClock());
        for (int i = 0; i < 20; i++) {
            assertThat(l.attempt("user" + i, "10.0.0.9").allowed()).isTrue();
        }
        assertThat(l.attempt("someone-new", "10.0.0.9").retryAfterSeconds()).isPositive();
        assertThat(l.attempt("someone-new", "10.0.0.8").allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void successClearsTheUsersFailures(TestDatabase db) {
        LoginLimiter l = limiter(db, 2, new MovableClock());
        assertThat(l.attempt("ro", "ip").allowed()).isTrue();
        LoginAttempts.Attempt right = l.attempt("ro", "ip");
        l.succeeded(right, "ro");
        assertThat(l.attempt("ro", "ip").allowed()).isTrue();
        assertThat(l.attempt("ro", "ip").allowed()).isTrue();
        assertThat(l.attempt("ro", "ip").allowed()).isFalse();
    }

    /** Thirty attempts at once: exactly five are let through to check a password, the rest wait. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLimitHoldsUnderConcurrentAttempts(TestDatabase db) throws Exception {
        LoginLimiter l = limiter(db, 5, new MovableClock());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return l.attempt("clerk", "10.0.0.1").allowed();
            }));
        }
        go.countDown();
        int allowed = 0;
        for (java.util.concurrent.Future<Boolean> f : all) {
            allowed += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).isEqualTo(5);
    }
}
