package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;

/**
 * A results server over a fresh database holding one by-election added through the API, declared and
 * then corrected twice by two returning officers, as the history page tests need it.
 */
final class CorrectionHistory implements AutoCloseable {
    static final String BALLOT = "local.fairhaven.harbour-north.by.2023-03-02";
    static final String FIRST_REASON = "transposed figures for Bell and Able";
    static final String SECOND_REASON = "a bundle of 10 Cole papers found <in the recount> & added";
    final Store store;
    final WebServer server;
    final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    private CorrectionHistory(Store store, WebServer server) {
        this.store = store;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** The server with the ballot added but no result yet. */
    static CorrectionHistory start(TestDatabase db, Path dir) {
        Store store = Store.open(db.freshUrl(dir));
        WebServer server = new WebServer(store);
        server.accounts().create("admin", "a long enough password 1", Set.of(Role.ADMIN));
        server.accounts().create("returning-officer", "a long enough password 2", Set.of(Role.RETURNING_OFFICER));
        server.accounts().create("deputy-ro", "a long enough password 3", Set.of(Role.RETURNING_OFFICER));
        server.changed();
        server.start("127.0.0.1", 0);
        CorrectionHistory h = new CorrectionHistory(store, server);
        String ballot = "{\"ballotId\": \"" + BALLOT + "\", \"name\": \"Harbour North\", \"votingSystem\": \"fptp\", "
                + "\"electionName\": \"Fairhaven by-election 2023\", \"candidates\": [{\"name\": \"Ann Able\", "
                + "\"party\": \"Labour Party\", \"partyId\": \"PP53\", \"partyShort\": \"Lab\"}, {\"name\": \"Bo Bell\"}, "
                + "{\"name\": \"Cy Cole\", \"party\": \"Green Party\", \"partyId\": \"PP63\", \"partyShort\": \"Grn\"}]}";
        h.expect(h.post("/api/ballots", ballot, "Authorization", h.bearer("admin")), 201);
        return h;
    }

    String bearer(String user) {
        return "Bearer " + server.accounts().issueToken(user, "test");
    }

    /** Declares 500, 450, 100 (Able elected), then corrects it twice: Bell +90 (Bell elected), then Cole +10 and rejected 10 to 12
     * (ballot papers issued following: valid plus rejected, as a first-past-the-post account must add up). */
    CorrectionHistory declareAndCorrectTwice() {
        expect(post("/api/ballots/" + BALLOT + "/declare", figures("500, 450, 100", 1060, 10, null),
                "Authorization", bearer("returning-officer")), 201);
        expect(post("/api/ballots/" + BALLOT + "/correct", figures("500, 540, 100", 1150, 10, FIRST_REASON),
                "Authorization", bearer("returning-officer"), "If-Match", "\"v1\""), 200);
        expect(post("/api/ballots/" + BALLOT + "/correct", figures("500, 540, 110", 1162, 12, SECOND_REASON),
                "Authorization", bearer("deputy-ro"), "If-Match", "\"v2\""), 200);
        return this;
    }

    private static String figures(String votes, long issued, long rejected, String reason) {
        return "{\"votes\": [" + votes + "], \"electorate\": 4000, \"ballotPapersIssued\": " + issued + ", \"rejected\": " + rejected
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void expect(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
