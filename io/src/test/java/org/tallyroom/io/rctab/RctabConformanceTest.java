package org.tallyroom.io.rctab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;

/**
 * Every RCTab conformance case in {@code ../shared/data/rcv/rctab/} counted from its own config and
 * cast vote records, and compared round by round with the case's expected detailed report (RCTab
 * 2.0.0's own output): the tally of every candidate, the threshold, inactive ballots by reason, who
 * was elected or eliminated and where their votes went, and the winners. All 12 are reproduced; none
 * is excepted. Figures come from the expected files, compared as numbers (RCTab writes "8" where the
 * report writes "8.0000").
 */
public class RctabConformanceTest {

    static Stream<String> cases() throws IOException {
        Path root = SharedData.path("rcv/rctab");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreTwelveCases() throws IOException {
        assertThat(cases().toList()).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheExpectedReportRoundByRound(String name) throws Exception {
        Path dir = SharedData.path("rcv/rctab/" + name);
        RctabReport.Counted counted = RctabReport.count(dir.resolve(name + "_config.json"));
        assertMatchesExpected(name, dir, RctabReport.parse(RctabReport.json(counted)));
    }

    /** Compares a report this project wrote with the case's expected RCTab report, round by round. */
    public static void assertMatchesExpected(String name, Path dir, JsonNode actual) throws IOException {
        JsonNode expected = RctabReport.parse(Files.readString(dir.resolve(name + "_expected_detailed_report.json")));

        JsonNode rounds = expected.get("results");
        JsonNode stages = actual.get("stages");
        assertThat(stages.size()).as("rounds").isEqualTo(rounds.size());
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            JsonNode round = rounds.get(i);
            JsonNode stage = stages.get(i);
            String at = name + " round " + (i + 1);
            assertThat(stage.get("number").asInt()).isEqualTo(round.get("round").asInt());
            assertThat(num(stage.get("threshold"))).as(at + " threshold").isEqualByComparingTo(num(round.get("threshold")));
            Map<String, BigDecimal> tally = new LinkedHashMap<>();
            round.get("tally").properties().forEach(e -> tally.put(e.getKey(), num(e.getValue())));
            JsonNode votes = stage.get("votes");
            for (Map.Entry<String, JsonNode> e : votes.properties()) {
                BigDecimal want = tally.getOrDefault(e.getKey(), BigDecimal.ZERO);
                assertThat(num(e.getValue())).as(at + " votes of " + e.getKey()).isEqualByComparingTo(want);
            }
            assertThat(tally.keySet()).as(at + " candidates in the tally").isSubsetOf(names(votes));
            JsonNode inactive = round.get("inactiveBallots");
            compare(at, inactive, "overvotes", stage.get("inactive"), "overvotes");
            compare(at, inactive, "skippedRankings", stage.get("inactive"), "skipped_rankings");
            compare(at, inactive, "exhaustedChoices", stage.get("inactive"), "exhausted_choices");
            compare(at, inactive, "repeatedRankings", stage.get("inactive"), "repeated_rankings");
            if (inactive.has("finalRoundSurplus")) {
                compare(at, inactive, "finalRoundSurplus", stage.get("inactive"), "final_round_surplus");
            }
            Map<String, Map<String, BigDecimal>> wantDecisions = decisions(round.get("tallyResults"), "elected", "eliminated");
            Map<String, Map<String, BigDecimal>> gotDecisions = decisions(stage.get("decisions"), "elected", "eliminated");
            assertThat(gotDecisions.keySet()).as(at + " decisions").containsExactlyInAnyOrderElementsOf(wantDecisions.keySet());
            for (String d : wantDecisions.keySet()) {
                Map<String, BigDecimal> want = wantDecisions.get(d);
                Map<String, BigDecimal> got = gotDecisions.get(d);
                assertThat(got.keySet()).as(at + " " + d + " transfers to").containsExactlyInAnyOrderElementsOf(want.keySet());
                want.forEach((to, v) -> assertThat(got.get(to)).as(at + " " + d + " to " + to).isEqualByComparingTo(v));
            }
            for (JsonNode result : round.get("tallyResults")) {
                if (result.has("elected")) {
                    winners.add(result.get("elected").asString());
                }
            }
            List<String> electedHere = new ArrayList<>();
            stage.get("elected").forEach(n -> electedHere.add(n.asString()));
            assertThat(electedHere).as(at + " elected").containsExactlyInAnyOrderElementsOf(
                    wantDecisions.keySet().stream().filter(k -> k.startsWith("elected ")).map(k -> k.substring(8)).toList());
        }
        List<String> elected = new ArrayList<>();
        actual.get("elected").forEach(n -> elected.add(n.asString()));
        assertThat(elected).as(name + " winners").containsExactlyInAnyOrderElementsOf(winners);
        JsonNode summary = expected.get("summary");
        assertThat(elected).hasSize(summary.get("numWinners").asInt());
        assertThat(actual.get("seats").asInt()).isEqualTo(summary.get("numWinners").asInt());
        assertThat(actual.get("rctab").get("total_ballots").asLong()).isEqualTo(num(summary.get("totalNumBallots")).longValueExact());
        assertThat(actual.get("rctab").get("undervotes").asLong()).isEqualTo(summary.get("undervotes").asLong());
        assertThat(actual.get("candidates").size()).isEqualTo(summary.get("numCandidates").asInt());
        assertThat(num(actual.get("quota"))).isEqualByComparingTo(num(summary.get("finalThreshold")));
    }

    private static List<String> names(JsonNode obj) {
        List<String> out = new ArrayList<>();
        obj.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static void compare(String at, JsonNode want, String wantField, JsonNode got, String gotField) {
        assertThat(num(got.get(gotField))).as(at + " inactive " + wantField).isEqualByComparingTo(num(want.get(wantField)));
    }

    private static Map<String, Map<String, BigDecimal>> decisions(JsonNode list, String... actions) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (JsonNode d : list) {
            for (String action : actions) {
                if (d.has(action)) {
                    Map<String, BigDecimal> transfers = new LinkedHashMap<>();
                    d.get("transfers").properties().forEach(e -> transfers.put(e.getKey(), num(e.getValue())));
                    out.put(action + " " + d.get(action).asString(), transfers);
                }
            }
        }
        return out;
    }

    private static BigDecimal num(JsonNode n) {
        return new BigDecimal(n.asString());
    }
}
