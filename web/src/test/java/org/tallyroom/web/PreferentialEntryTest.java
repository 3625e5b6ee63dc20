package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/** Ballot papers entered for an STV ward are counted by the engine; the page shows the stages and the transfers chart. */
class PreferentialEntryTest {
    @TempDir
    Path dir;

    @Test
    void stvPapersAreCountedByTheEngineAndShownStageByStage() {
        try (Running s = Running.start(TestDatabase.H2, dir)) {
            String b = "local.glenmore.north.2022-05-05";
            BallotSpec spec = new BallotSpec(ElectionId.parse(b), "North", "Glenmore Council", "North", "S13000001", null, null, 2,
                    "stv-scotland", false);
            List<Declaration.Entry> cands = List.of(
                    new Declaration.Entry(Person.onBallot(b, "Ada Brown"), Party.named("Alpha"), null, null, null, false, null, null),
                    new Declaration.Entry(Person.onBallot(b, "Cal Dunn"), Party.named("Alpha"), null, null, null, false, null, null),
                    new Declaration.Entry(Person.onBallot(b, "Eve Ford"), Party.named("Beta"), null, null, null, false, null, null),
                    new Declaration.Entry(Person.onBallot(b, "Gil Hart"), null, null, null, null, false, null, null));
            s.store.importSource(Source.of("stv", b.getBytes(StandardCharsets.UTF_8)), "test", "test",
                    ingest -> ingest.declare(new Declaration(spec, cands, ResultStatus.DECLARED, Turnout.UNKNOWN, 0, null, null, null)));
            s.server.changed();
            // 100 papers: quota floor(100/3)+1 = 34. Ada 50 (surplus 16 to Cal), Cal 10, Eve 25, Gil 15.
            String papers = "{\"papers\": [{\"count\": 50, \"ranking\": [1, 2]}, {\"count\": 10, \"ranking\": [\"Cal Dunn\"]},"
                    + " {\"count\": 25, \"ranking\": [3, 4]}, {\"count\": 15, \"ranking\": [4, 3]}], \"electorate\": 300}";
            HttpResponse<String> r = s.post("/api/ballots/" + b + "/declare", papers, "Authorization", "Bearer " + s.token("returning-officer"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode c = Running.json(r);
            assertThat(c.get("count").get("method").asString()).isEqualTo("stv-scotland");
            assertThat(c.get("count").get("quota").asString()).isEqualTo("34.00000");
            assertThat(c.get("count").get("stages").size()).isGreaterThan(1);
            assertThat(c.get("candidates").get(0).get("firstPreferences").asString()).isEqualTo("50.00000");
            assertThat(c.get("ballotPapersIssued").isNull()).isTrue();
            assertThat(c.get("validVotes").asString()).isEqualTo("100.00000");
            List<String> elected = new java.util.ArrayList<>();
            c.get("candidates").forEach(x -> {
                if (x.get("elected").asBoolean()) {
                    elected.add(x.get("name").asString());
                }
            });
            assertThat(elected).hasSize(2).contains("Ada Brown");
            // First preferences give no majority in an STV count: none on the contest, none in the council's ward list.
            assertThat(c.path("majority").isNull()).as("majority: %s", c.path("majority")).isTrue();
            // Instead, the last seat: Gil's 15 papers elect Eve on 40 at stage 3, with Cal still continuing on 26.
            assertThat(c.at("/lastSeat/votes").decimalValue()).isEqualByComparingTo("14");
            assertThat(c.at("/lastSeat/stage").asInt()).isEqualTo(3);
            assertThat(c.at("/lastSeat/lastElected").asString()).isEqualTo("Eve Ford");
            assertThat(c.at("/lastSeat/runnerUp").asString()).isEqualTo("Cal Dunn");
            JsonNode council = Running.json(s.get("/api/elections/local.glenmore.2022-05-05"));
            assertThat(council.at("/wards/0/ballotId").asString()).isEqualTo(b);
            assertThat(council.at("/wards/0/majority").isNull()).as("ward majority").isTrue();
            assertThat(council.at("/wards/0/lastSeat/votes").decimalValue()).isEqualByComparingTo("14");
            assertThat(s.get("/elections/local.glenmore.2022-05-05").body()).contains("<td>14 <small title=\"STV: the last "
                    + "elected over the runner-up at the last stage both stood\">last seat</small></td>");
            assertThat(council.at("/wards/0/elected").size()).isEqualTo(2);
            String page = s.get("/ballots/" + b).body();
            assertThat(page).contains("id=\"stage-table\"").contains("<svg class=\"stages\"").contains("Quota: 34.00000")
                    .contains("<dt>Last seat</dt><dd>14 at stage 3 — Eve Ford over Cal Dunn");
            // bad papers: 400 with a message
            HttpResponse<String> bad = s.post("/api/ballots/" + b + "/correct", "{\"papers\": [{\"count\": 5, \"ranking\": [9]}], "
                    + "\"reason\": \"x\"}", "Authorization", "Bearer " + s.token("returning-officer"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Running.json(bad).get("error").asString()).isEqualTo("expected candidates numbered 1 to 4, found 9");
        }
    }
}
