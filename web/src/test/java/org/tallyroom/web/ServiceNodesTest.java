package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/**
 * Issue 14 item 4, in one JVM: two servers on one PostgreSQL database share sessions, caches and the
 * live feed; a session outlives a restart. (The same with real `serve` processes is in the app
 * module's ServeProcessIT.)
 */
class ServiceNodesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSignedInSessionOutlivesARestart(TestDatabase db) {
        Running first = Running.start(db, dir);
        String session = SecurityTest.signInOn(first, "returning-officer", first.credentials.password());
        assertThat(first.get("/count", "Cookie", session).statusCode()).isEqualTo(200);
        first.close();
        try (Running restarted = Running.sameDatabase(first)) {
            assertThat(restarted.get("/count", "Cookie", session).statusCode()).isEqualTo(200);
            assertThat(restarted.get("/count", "Cookie", Sessions.COOKIE + "=" + "0".repeat(64)).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aDeclarationOnOneNodeReachesTheLiveFeedAndPagesOfAnother() throws Exception {
        try (Running a = Running.start(TestDatabase.POSTGRESQL, dir); Running b = Running.sameDatabase(a)) {
            String session = SecurityTest.signInOn(a, "returning-officer", a.credentials.password());
            assertThat(b.get("/count", "Cookie", session).statusCode()).as("a session from node A on node B").isEqualTo(200);
            String ward = a.freshWard();
            assertThat(b.get("/api/ballots/" + ward + "/result").statusCode()).as("not declared yet, as B caches it").isEqualTo(404);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpRequest req = b.request("/api/live").header("Accept", "text/event-stream").GET().build();
            var pending = b.http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription sub) {
                    sub.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String item) {
                    lines.add(item);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            }));
            assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo(": connected");
            String ro = "Bearer " + a.token("returning-officer");
            String clerk = "Bearer " + a.token("clerk");
            assertThat(a.post("/api/ballots/" + ward + "/provisional", a.votesJson(ward), "Authorization", clerk).statusCode())
                    .isEqualTo(201);
            long sent = System.nanoTime();
            assertThat(a.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro).statusCode()).isEqualTo(200);
            long acknowledged = System.nanoTime();
            String event;
            do {
                event = lines.poll(30, TimeUnit.SECONDS);
            } while (event != null && !event.startsWith("event:"));
            long seen = System.nanoTime();
            assertThat(event).isEqualTo("event: declaration");
            String data = lines.poll(5, TimeUnit.SECONDS);
            assertThat(data).contains("\"ballotId\":\"" + ward + "\"").contains("\"status\":\"declared\"");
            System.out.printf("declaration on node A: acknowledged after %d ms; on node B's live feed %+d ms after the "
                    + "acknowledgement%n", (acknowledged - sent) / 1_000_000, (seen - acknowledged) / 1_000_000);
            assertThat(b.get("/api/ballots/" + ward + "/result").statusCode()).as("B's cache was cleared").isEqualTo(200);
            pending.cancel(true);
        }
    }
}
