package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/** The live feed sends a declaration and a correction to a connected client, and not a provisional entry. */
class LiveFeedTest {
    @TempDir
    Path dir;

    @Test
    void declarationsAndCorrectionsReachAConnectedClient() throws Exception {
        try (Running s = Running.start(TestDatabase.H2, dir)) {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpRequest req = s.request("/api/live").header("Accept", "text/event-stream").GET().build();
            var pending = s.http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription sub) {
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
            assertThat(lines.poll(30, TimeUnit.SECONDS)).as("connected comment").isEqualTo(": connected");
            String ward = s.freshWard();
            String ro = "Bearer " + s.token("returning-officer");
            String clerk = "Bearer " + s.token("clerk");
            assertThat(s.post("/api/ballots/" + ward + "/provisional", s.votesJson(ward), "Authorization", clerk).statusCode())
                    .isEqualTo(201);
            assertThat(s.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro).statusCode()).isEqualTo(200);
            String event = next(lines, "event:");
            assertThat(event).isEqualTo("event: declaration");
            String data = next(lines, "data:");
            assertThat(data).contains("\"ballotId\":\"" + ward + "\"").contains("\"status\":\"declared\"").contains("\"version\":2");
            String correction = s.votesJson(ward).replace("}", ", \"reason\": \"recount\"}").replaceFirst("\\[(\\d+)", "[$19");
            assertThat(s.post("/api/ballots/" + ward + "/correct", correction, "Authorization", ro).statusCode()).isEqualTo(200);
            assertThat(next(lines, "event:")).isEqualTo("event: correction");
            assertThat(next(lines, "data:")).contains("\"status\":\"corrected\"");
            pending.cancel(true);
        }
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        while (true) {
            String l = lines.poll(30, TimeUnit.SECONDS);
            assertThat(l).as("a line starting " + prefix).isNotNull();
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }
}
