package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/** Every API route against the real server, on H2 and on PostgreSQL. */
class ApiTest {
    private static final Map<TestDatabase, Running> SERVERS = new EnumMap<>(TestDatabase.class);

    static synchronized Running on(TestDatabase db) {
        return SERVERS.computeIfAbsent(db, d -> {
            try {
                return Running.start(d, Files.createTempDirectory("tallyroom-web-" + d.name().toLowerCase()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(Running::close);
        SERVERS.clear();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listsElectionsWithCorsAndEtagsAndAnswers304WhenUnchanged(TestDatabase db) {
        Running s = on(db);
        HttpResponse<String> r = s.get("/api/elections");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode list = Running.json(r);
        assertThat(list.findValuesAsString("id")).contains(Demo.NIGHT, Demo.PREVIOUS, "local.barnet.2018-05-03",
                "local.barnet.2022-05-05",
                "gla.c.2016-05-05", "mayor.2016-05-05");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = s.get("/api/elections", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCachedPageGoesOutWithItsLengthGzippedOrNotAndABadProjectionFormIs400(TestDatabase db) throws Exception {
        Running s = on(db);
        String page = "/elections/" + Demo.PREVIOUS;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) { // the first request may render; the second is served from the cache
            HttpResponse<byte[]> gz = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + page))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base + page)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gz.statusCode()).isEqualTo(200);
            assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gz.headers().firstValueAsLong("Content-Length")).hasValue(gz.body().length);
            assertThat(gz.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(plain.body());
            }
            assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg class=\"hexes\"")
                    .endsWith("</html>\n");
            assertThat(gz.headers().firstValue("Cache-Control")).contains(HttpPolicy.PUBLIC_CACHE);
            assertThat(gz.headers().firstValue("Content-Security-Policy")).contains(HttpPolicy.CSP);
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = s.get(page + "?chg.Con=lots");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("<form");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void councilElectionHasEveryWardAndTheGainsOfThePreviousOne(TestDatabase db) {
        Running s = on(db);
        JsonNode before = Running.json(s.get("/api/elections/local.barnet.2018-05-03"));
        assertThat(before.get("wards")).hasSize(before.get("ballots").asInt()).isNotEmpty();
        assertThat(before.get("seatsDeclared").asInt()).isEqualTo(before.get("seats").asInt());
        Map<String, Integer> seats = new java.util.HashMap<>();
        int total = 0;
        for (JsonNode p : before.get("seatsByParty")) {
            total += p.get("seats").asInt();
            seats.put(p.get("party").asString(), p.get("seats").asInt());
        }
        assertThat(total).isEqualTo(before.get("seats").asInt());
        // reference-data/README.md: "Barnet council 2022: Lab 41, Con 22. 2018: Con 38, Lab 25."
        assertThat(seats).containsEntry("Con", 38).containsEntry("Lab", 25);
        assertThat(before.get("control").get("threshold").asInt()).isEqualTo(before.get("seats").asInt() / 2 + 1);
        JsonNode after = Running.json(s.get("/api/elections/local.barnet.2022-05-05"));
        assertThat(after.get("previousElectionId").asString()).isEqualTo("local.barnet.2018-05-03");

        String ward = s.freshWard();
        assertThat(s.post("/api/ballots/" + ward + "/declare", s.votesJson(ward),
                "Authorization", "Bearer " + s.token("returning-officer")).statusCode()).isEqualTo(201);
        JsonNode now = Running.json(s.get("/api/elections/" + Demo.NIGHT));
        assertThat(now.get("seatsDeclared").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(now.get("previousElectionId").asString()).isEqualTo(Demo.PREVIOUS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unknownIdsAre404WithAMessage(TestDatabase db) {
        Running s = on(db);
        for (String path : new String[] {"/api/elections/local.nowhere.2022-05-05", "/api/ballots/local.nowhere.x.2022-05-05",
                "/api/ballots/local.nowhere.x.2022-05-05/history", "/api/ballots/local.nowhere.x.2022-05-05/result",
                "/api/organisations/nowhere/timeline", "/api/elections/local.nowhere.2022-05-05/projection"}) {
            HttpResponse<String> r = s.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(Running.json(r).get("error").asString()).as(path).contains("not in the results store");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contestShowsMajorityRejectionsAndTheStagesOfAPreferentialCount(TestDatabase db) {
        Running s = on(db);
        JsonNode bc = Running.json(s.get("/api/ballots/gla.c.barnet-and-camden.2016-05-05"));
        assertThat(bc.get("majority").get("votes").asLong()).isEqualTo(16240);
        assertThat(bc.get("rejected").asLong()).isEqualTo(2050);
        assertThat(bc.get("candidates").findValuesAsString("name")).contains("Andrew Hartley DISMORE");
        JsonNode mayor = Running.json(s.get("/api/ballots/mayor.london.2016-05-05"));
        assertThat(mayor.get("candidates").get(0).get("name").asString()).isNotBlank();
        if (s.store.currentResult("parl.chipping-barnet.2019-12-12").isEmpty()) {
            s.demo.declare(s.server, "parl.chipping-barnet.2019-12-12");
        }
        JsonNode cb = Running.json(s.get("/api/ballots/parl.chipping-barnet.2019-12-12"));
        assertThat(cb.get("majority").get("votes").asLong()).isEqualTo(1212);
        assertThat(cb.get("previousBallotId").asString()).isEqualTo("parl.chipping-barnet.2017-06-08");
        assertThat(cb.get("verdict").asString()).isEqualTo("Con hold");
        assertThat(cb.get("swing").get("to").asString()).isNotBlank();
    }

    /** The swing map reads every seat's swing at once: the same swing as each seat's own page shows. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSwingMapsSwingsAreTheContestPagesSwings(TestDatabase db) {
        Running s = on(db);
        if (s.store.currentResult("parl.chipping-barnet.2019-12-12").isEmpty()) {
            s.demo.declare(s.server, "parl.chipping-barnet.2019-12-12");
        }
        ReadModel model = new ReadModel(s.store);
        java.util.List<String> declared = new java.util.ArrayList<>();
        for (JsonNode seat : Running.json(s.get("/api/elections/parl.2019-12-12")).get("seatsList")) {
            if (!seat.get("elected").isEmpty()) {
                declared.add(seat.get("ballotId").asString());
            }
        }
        java.util.Map<String, org.tallyroom.store.read.Views.SwingLine> swings = model.swings(declared);
        assertThat(swings).containsKey("parl.chipping-barnet.2019-12-12");
        for (String id : declared) {
            assertThat(swings.get(id)).as(id).isEqualTo(model.contest(id, false).orElseThrow().swing());
        }
        assertThat(s.get("/elections/parl.2019-12-12?map=swing").body()).contains("; swing "
                + swings.get("parl.chipping-barnet.2019-12-12").points().toPlainString() + " points from ");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nationalViewMarginalsAndProjection(TestDatabase db) {
        Running s = on(db);
        JsonNode n = Running.json(s.get("/api/elections/parl.2019-12-12"));
        assertThat(n.get("previousElectionId").asString()).isEqualTo("parl.2017-06-08");
        JsonNode m = Running.json(s.get("/api/elections/parl.2017-06-08/marginals"));
        assertThat(m.size()).isGreaterThan(1);
        assertThat(m.get(0).get("majorityVotes").asLong()).isLessThanOrEqualTo(m.get(1).get("majorityVotes").asLong());
        JsonNode p = Running.json(s.get("/api/elections/parl.2017-06-08/projection?changes=Con:-2,Lab:%2B2"));
        JsonNode less = Running.json(s.get("/api/elections/parl.2017-06-08/projection?changes=Con:-0.5,Lab:%2B0.5"));
        assertThat(p.get("projection").get("changingHands").size())
                .isGreaterThan(less.get("projection").get("changingHands").size());
        HttpResponse<String> bad = s.get("/api/elections/parl.2019-12-12/projection?changes=Con=minus2");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Running.json(bad).get("error").asString()).contains("expected party:points");
        assertThat(s.get("/api/elections/parl.2019-12-12/projection?model=sideways").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timelineOfARealCouncilWithNoByElectionsStored(TestDatabase db) {
        HttpResponse<String> r = on(db).get("/api/organisations/barnet/timeline");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode t = Running.json(r);
        assertThat(t.get("organisation").asString()).isEqualTo("Barnet");
        assertThat(t.get("byElections").isArray()).isTrue();
        assertThat(t.get("events").isArray()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void openApiDescribesEveryRoute(TestDatabase db) {
        JsonNode doc = Running.json(on(db).get("/openapi.json"));
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").propertyNames()).contains("/api/elections", "/api/elections/{id}",
                "/api/elections/{id}/projection", "/api/elections/{id}/marginals", "/api/ballots/{id}", "/api/ballots/{id}/result",
                "/api/ballots/{id}/history", "/api/organisations/{slug}/timeline", "/api/live", "/api/ballots/{id}/provisional",
                "/api/ballots/{id}/declare", "/api/ballots/{id}/correct", "/api/ballots", "/api/users", "/api/tokens", "/api/me", "/api/audit");
    }

    /**
     * A correction of a 2017 seat through the API (its top two candidates' votes swapped, so the seat
     * changes hands) shows at once, on the first read after the acknowledgement, in the national API
     * figures and on the national page; the 2015 election's summary, which it does not affect, stays as
     * it was. (The demo's 2019 seats are declared by the tests one at a time; 2017 is loaded whole.)
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectionChangesTheNationalPageAndApiFiguresAtOnce(TestDatabase db) {
        Running s = on(db);
        String national = "/api/elections/parl.2017-06-08";
        JsonNode before = Running.json(s.get(national));
        HttpResponse<String> pageBefore = s.get("/elections/parl.2017-06-08", "Accept-Encoding", "gzip");
        String before2015 = s.get("/api/elections/parl.2015-05-07").body();
        String seat = null;
        for (JsonNode row : before.get("seatsList")) {
            if (row.get("status").asString().equals("declared")) {
                seat = row.get("ballotId").asString();
                break;
            }
        }
        assertThat(seat).isNotNull();
        JsonNode result = Running.json(s.get("/api/ballots/" + seat + "/result"));
        java.util.List<JsonNode> candidates = new java.util.ArrayList<>();
        result.get("candidates").forEach(candidates::add);
        candidates.sort(java.util.Comparator.comparingInt(c -> c.get("position").asInt()));
        long[] votes = candidates.stream().mapToLong(c -> new java.math.BigDecimal(c.get("votes").asString()).longValue()).toArray();
        int first = 0;
        int second = -1;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[first]) {
                second = first;
                first = i;
            } else if (second < 0 || votes[i] > votes[second]) {
                second = i;
            }
        }
        long swap = votes[first];
        votes[first] = votes[second];
        votes[second] = swap;
        String body = "{\"votes\": " + java.util.Arrays.toString(votes) + ", \"reason\": \"transposed figures\"}";
        HttpResponse<String> corrected = s.post("/api/ballots/" + seat + "/correct", body,
                "Authorization", "Bearer " + s.token("returning-officer"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        JsonNode after = Running.json(s.get(national));
        assertThat(after.get("parties").toString()).isNotEqualTo(before.get("parties").toString());
        HttpResponse<String> pageAfter = s.get("/elections/parl.2017-06-08", "Accept-Encoding", "gzip");
        assertThat(pageAfter.headers().firstValue("ETag")).isNotEqualTo(pageBefore.headers().firstValue("ETag"));
        assertThat(Running.json(s.get("/api/ballots/" + seat + "/result")).get("result").get("status").asString())
                .isEqualTo("corrected");
        assertThat(s.get("/api/elections/parl.2015-05-07").body()).isEqualTo(before2015);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resultLifeProvisionalDeclaredCorrectedWithRolesAndConcurrency(TestDatabase db) {
        Running s = on(db);
        String ward = s.freshWard();
        String clerk = "Bearer " + s.token("clerk");
        String ro = "Bearer " + s.token("returning-officer");
        String votes = s.votesJson(ward);
        // nobody, wrong role
        assertThat(s.post("/api/ballots/" + ward + "/provisional", votes).statusCode()).isEqualTo(401);
        assertThat(s.post("/api/ballots/" + ward + "/provisional", votes, "Authorization", "Bearer nonsense").statusCode())
                .isEqualTo(401);
        assertThat(s.post("/api/ballots/" + ward + "/declare", votes, "Authorization", clerk).statusCode()).isEqualTo(403);
        // bad input
        HttpResponse<String> bad = s.post("/api/ballots/" + ward + "/provisional", "{\"votes\": [1, 2]}", "Authorization", clerk);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Running.json(bad).get("error").asString()).startsWith("expected votes for");
        assertThat(s.post("/api/ballots/" + ward + "/provisional", "{not json", "Authorization", clerk).statusCode()).isEqualTo(400);
        assertThat(s.post("/api/ballots/" + ward + "/provisional", "{\"votes\": [-1]}", "Authorization", clerk).statusCode())
                .isEqualTo(400);
        assertThat(s.post("/api/ballots/" + ward + "/provisional", "{\"vote\": []}", "Authorization", clerk).statusCode())
                .isEqualTo(400);
        assertThat(s.post("/api/ballots/local.nowhere.x.2022-05-05/provisional", votes, "Authorization", clerk).statusCode())
                .isEqualTo(404);
        // nothing to declare yet
        assertThat(s.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro).statusCode()).isEqualTo(409);
        // provisional: counted by the engine, public cannot see it
        HttpResponse<String> prov = s.post("/api/ballots/" + ward + "/provisional", votes, "Authorization", clerk);
        assertThat(prov.statusCode()).isEqualTo(201);
        assertThat(prov.headers().firstValue("ETag")).contains("\"v1\"");
        JsonNode pv = Running.json(prov);
        assertThat(pv.get("result").get("status").asString()).isEqualTo("provisional");
        assertThat(pv.get("result").get("recordedBy").asString()).isEqualTo("clerk");
        long elected = 0;
        for (JsonNode c : pv.get("candidates")) {
            elected += c.get("elected").asBoolean() ? 1 : 0;
        }
        assertThat(elected).isEqualTo(pv.get("seats").asLong());
        assertThat(s.get("/api/ballots/" + ward + "/result").statusCode()).isEqualTo(404);
        assertThat(Running.json(s.get("/api/ballots/" + ward)).get("result").isNull()).isTrue();
        HttpResponse<String> teamView = s.get("/api/ballots/" + ward + "/result", "Authorization", clerk);
        assertThat(teamView.statusCode()).isEqualTo(200);
        assertThat(teamView.headers().firstValue("ETag")).contains("\"v1\"");
        // a second clerk's provisional figures make v1 stale
        String changed = votes.replaceFirst("\\[(\\d+)", "[$1" + "1");
        assertThat(s.post("/api/ballots/" + ward + "/provisional", changed, "Authorization", clerk, "If-Match", "\"v1\"")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = s.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro, "If-Match", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(Running.json(stale).get("error").asString()).contains("version 2");
        // declare v2's figures
        HttpResponse<String> declared = s.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro, "If-Match", "\"v2\"");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(Running.json(declared).get("result").get("status").asString()).isEqualTo("declared");
        assertThat(s.get("/api/ballots/" + ward + "/result").headers().firstValue("ETag")).contains("\"v3\"");
        // state conflicts
        assertThat(s.post("/api/ballots/" + ward + "/declare", votes, "Authorization", ro).statusCode()).isEqualTo(409);
        assertThat(s.post("/api/ballots/" + ward + "/provisional", votes, "Authorization", clerk).statusCode()).isEqualTo(409);
        assertThat(s.post("/api/ballots/" + ward + "/correct", votes, "Authorization", clerk).statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = s.post("/api/ballots/" + ward + "/correct", votes, "Authorization", ro);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Running.json(noReason).get("error").asString()).contains("reason");
        String withReason = votes.substring(0, votes.length() - 1) + ", \"reason\": \"transposed figures\"}";
        assertThat(s.post("/api/ballots/" + ward + "/correct", withReason, "Authorization", ro, "If-Match", "\"v2\"").statusCode())
                .isEqualTo(412);
        HttpResponse<String> corrected = s.post("/api/ballots/" + ward + "/correct", withReason, "Authorization", ro,
                "If-Match", "\"v3\"");
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(Running.json(corrected).get("result").get("status").asString()).isEqualTo("corrected");
        // history: public sees declared and corrected, the team sees all four
        assertThat(Running.json(s.get("/api/ballots/" + ward + "/history")).findValuesAsString("status"))
                .containsExactly("declared", "corrected");
        assertThat(Running.json(s.get("/api/ballots/" + ward + "/history", "Authorization", clerk)).findValuesAsString("status"))
                .containsExactly("provisional", "provisional", "declared", "corrected");
        // the audit log has it all, for the admin only
        String admin = "Bearer " + s.token("admin");
        assertThat(s.get("/api/audit", "Authorization", clerk).statusCode()).isEqualTo(403);
        assertThat(s.get("/api/audit").statusCode()).isEqualTo(401);
        JsonNode audit = Running.json(s.get("/api/audit", "Authorization", admin));
        assertThat(audit.findValuesAsString("action")).contains("provisional", "declare", "correct", "declare-refused");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody(TestDatabase db) {
        Running s = on(db);
        String ward = s.freshWard();
        String ro = "Bearer " + s.token("returning-officer");
        HttpResponse<String> first = s.post("/api/ballots/" + ward + "/declare", s.votesJson(ward), "Authorization", ro,
                "Idempotency-Key", "k-" + ward);
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> again = s.post("/api/ballots/" + ward + "/declare", s.votesJson(ward), "Authorization", ro,
                "Idempotency-Key", "k-" + ward);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(s.post("/api/ballots/" + ward + "/declare", "{}", "Authorization", ro, "Idempotency-Key", "k-" + ward)
                .statusCode()).isEqualTo(422);
        assertThat(Running.json(s.get("/api/ballots/" + ward + "/history")).size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void adminManagesUsersAndTokens(TestDatabase db) {
        Running s = on(db);
        String admin = "Bearer " + s.token("admin");
        String user = "teller-" + db.name().toLowerCase();
        HttpResponse<String> created = s.post("/api/users", "{\"username\": \"" + user
                + "\", \"password\": \"long enough password\", \"roles\": [\"results-entry\"]}", "Authorization", admin);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(s.post("/api/users", "{\"username\": \"" + user + "\", \"password\": \"long enough password\", "
                + "\"roles\": [\"results-entry\"]}", "Authorization", admin).statusCode()).isEqualTo(409);
        assertThat(s.post("/api/users", "{\"username\": \"x2\", \"password\": \"short\", \"roles\": [\"admin\"]}",
                "Authorization", admin).statusCode()).isEqualTo(400);
        assertThat(s.post("/api/users", "{\"username\": \"x3\", \"password\": \"long enough password\", \"roles\": [\"king\"]}",
                "Authorization", admin).statusCode()).isEqualTo(400);
        assertThat(s.post("/api/users", "{}", "Authorization", "Bearer " + s.token("clerk")).statusCode()).isEqualTo(403);
        HttpResponse<String> token = s.post("/api/tokens", "{\"username\": \"" + user + "\", \"label\": \"scanner\"}",
                "Authorization", admin);
        assertThat(token.statusCode()).isEqualTo(201);
        String t = Running.json(token).get("token").asString();
        JsonNode me = Running.json(s.get("/api/me", "Authorization", "Bearer " + t));
        assertThat(me.get("username").asString()).isEqualTo(user);
        assertThat(me.get("roles").get(0).asString()).isEqualTo("results-entry");
        assertThat(s.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(s.post("/api/tokens", "{\"username\": \"nobody\"}", "Authorization", admin).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAdministratorAddsABallotThatTheCountTeamThenDeclares(TestDatabase db) {
        Running s = on(db);
        String admin = "Bearer " + s.token("admin");
        String ballot = "{\"ballotId\": \"local.fairhaven.harbour-north.by.2023-03-02\", \"name\": \"Harbour North\", "
                + "\"votingSystem\": \"fptp\", \"electionName\": \"Fairhaven by-election 2023\", \"candidates\": [{\"name\": \"Ann Able\", "
                + "\"party\": \"Labour Party\", \"partyId\": \"PP53\", \"partyShort\": \"Lab\"}, {\"name\": \"Bo Bell\"}]}";
        assertThat(s.post("/api/ballots", ballot, "Authorization", "Bearer " + s.token("returning-officer")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> created = s.post("/api/ballots", ballot, "Authorization", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Running.json(created).get("votingSystem").asString()).isEqualTo("fptp");
        assertThat(s.post("/api/ballots", ballot, "Authorization", admin).statusCode()).isEqualTo(409);
        assertThat(s.post("/api/ballots", "{\"ballotId\": \"local.fairhaven.2023-03-02\", \"candidates\": [{\"name\": \"X\"}]}",
                "Authorization", admin).statusCode()).isEqualTo(400);
        assertThat(s.post("/api/ballots", "{\"ballotId\": \"nonsense\"}", "Authorization", admin).statusCode()).isEqualTo(400);
        HttpResponse<String> noSystem = s.post("/api/ballots", ballot.replace("\"votingSystem\": \"fptp\", ", "")
                .replace("harbour-north", "harbour-south"), "Authorization", admin);
        assertThat(noSystem.statusCode()).isEqualTo(400);
        assertThat(Running.json(noSystem).get("error").asString()).startsWith("expected votingSystem");
        HttpResponse<String> declared = s.post("/api/ballots/local.fairhaven.harbour-north.by.2023-03-02/declare",
                "{\"votes\": {\"Ann Able\": 812, \"Bo Bell\": 640}, \"electorate\": 5000, \"rejected\": 4}",
                "Authorization", "Bearer " + s.token("returning-officer"));
        assertThat(declared.statusCode()).isEqualTo(201);
        JsonNode c = Running.json(declared);
        assertThat(c.get("majority").get("votes").asLong()).isEqualTo(172);
        assertThat(c.get("ballotPapersIssued").asLong()).isEqualTo(1456);
        assertThat(c.get("turnout").asString()).isEqualTo("29.12");
        JsonNode t = Running.json(s.get("/api/organisations/fairhaven/timeline"));
        assertThat(t.get("byElections").findValuesAsString("ballotId")).contains("local.fairhaven.harbour-north.by.2023-03-02");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void publicPagesRender(TestDatabase db) {
        Running s = on(db);
        for (String path : new String[] {"/", "/elections/" + Demo.NIGHT, "/elections/" + Demo.PREVIOUS,
                "/elections/parl.2019-12-12", "/elections/parl.2019-12-12?chg.Con=-2&chg.Lab=2&model=uniform",
                "/ballots/mayor.london.2016-05-05", "/ballots/gla.c.barnet-and-camden.2016-05-05", "/organisations/barnet",
                "/elections/local.barnet.2022-05-05", "/elections/local.barnet.2018-05-03",
                "/login", "/static/style.css", "/static/live.js"}) {
            HttpResponse<String> r = s.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(projected(s.get("/elections/parl.2017-06-08?chg.Con=-2&chg.Lab=2").body(), "Lab"))
                .isGreaterThan(projected(s.get("/elections/parl.2017-06-08?chg.Con=-0.5&chg.Lab=0.5").body(), "Lab"));
        assertThat(s.get("/elections/parl.2019-12-12?chg.Con=lots").statusCode()).isEqualTo(400);
        assertThat(s.get("/ballots/local.nowhere.x.2022-05-05").statusCode()).isEqualTo(404);
        assertThat(s.get("/count").statusCode()).isEqualTo(303);
    }

    private static int projected(String page, String party) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-projected=\"" + party + "\">(\\d+)<").matcher(page);
        assertThat(m.find()).as("projected " + party).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
