package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.io.BltReader;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code stv-meek} (New Zealand's Schedule 1A) against an outside counter: Droop 0.14's {@code meek-prf}
 * rule (the Proportional Representation Foundation's reference Meek rule) on all 374 Scottish council
 * contests of 2007 and 2012 ({@code stv/meek/README.md} gives the rule and its options).
 *
 * <p>The two rules are not the same rule, so only what they must share is compared exactly: the seats,
 * the candidates in file order, the valid papers, every candidate's first-preference total (stage 1 of
 * a Meek count moves nothing: each paper's whole value sits with its first preference) and the
 * winners. The order of exclusions may differ: Schedule 1A stops iterating when the total surplus is
 * below 0.0001 (meek-prf: 0.000001, or when it stops falling) and clause 13 excludes a candidate who
 * cannot catch up before the surpluses settle. How many contests also exclude the same candidates in
 * the same order is printed, not asserted. No tie arises in these contests, so the tie rules (NZ: look
 * back, then lot; Droop: ballot order) are not exercised.
 */
class MeekReferenceCountsTest {
    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void everyContestElectsTheSameCandidatesAsTheMeekReference() throws Exception {
        Path ballots = SharedData.path("stv/scotland2007-2012/ballots");
        Path reference = SharedData.path("stv/meek/reference");
        List<String> mismatches = new ArrayList<>();
        int matched = 0;
        int sameExclusions = 0;
        for (Path blt : list(ballots)) {
            String base = blt.getFileName().toString().replaceFirst("\\.blt$", "");
            JsonNode ref = JSON.readTree(reference.resolve(base + ".json").toFile());
            Contest contest = BltReader.read(blt);
            CountReport r = new MeekStv().count(contest, CountOptions.seats(contest.seats()));
            String problem = compare(contest, r, ref);
            if (problem != null) {
                mismatches.add(base + ": " + problem);
                continue;
            }
            matched++;
            sameExclusions += excludedInOrder(r).equals(referenceExclusions(ref)) ? 1 : 0;
        }
        System.out.printf("Meek STV against Droop 0.14 meek-prf: %d of 374 contests elect the same candidates, with the"
                + " same first-preference totals; %d also exclude the same candidates in the same order%n",
                matched, sameExclusions);
        assertThat(mismatches).isEmpty();
        assertThat(matched).isEqualTo(374);
    }

    private static String compare(Contest contest, CountReport r, JsonNode ref) {
        int n = contest.candidates().size();
        if (r.seats() != ref.get("seats").asInt()) {
            return "seats " + r.seats();
        }
        if (r.ballots().valid() != ref.get("valid_ballots").asLong()) {
            return "valid ballots " + r.ballots().valid() + ", reference " + ref.get("valid_ballots").asLong();
        }
        if (ref.get("candidates").size() != n) {
            return n + " candidates, reference " + ref.get("candidates").size();
        }
        for (int c = 0; c < n; c++) {
            String refName = ref.get("candidates").get(c).asString().replaceFirst("^# ALTERNATIVE NAME \\d+: ", "");
            if (!Candidate.fold(refName).equals(contest.candidates().get(c).name())) {
                return "candidate " + (c + 1) + " named " + contest.candidates().get(c).name();
            }
        }
        Stage first = r.stages().get(0);
        for (int c = 0; c < n; c++) {
            long want = Fixed.of(ref.get("first_stage_votes").get(c).asLong(), 9);
            if (first.votesOf(c) != want) {
                return "first preferences of candidate " + (c + 1) + ": " + Fixed.format(first.votesOf(c), 9)
                        + ", reference " + ref.get("first_stage_votes").get(c).asLong();
            }
        }
        int[] winners = r.elected().stream().mapToInt(i -> i + 1).sorted().toArray();
        int[] refWinners = new int[ref.get("elected_ids").size()];
        for (int i = 0; i < refWinners.length; i++) {
            refWinners[i] = ref.get("elected_ids").get(i).asInt();
        }
        Arrays.sort(refWinners);
        if (!Arrays.equals(winners, refWinners)) {
            return "winners " + Arrays.toString(winners) + ", reference " + Arrays.toString(refWinners);
        }
        return null;
    }

    /** Candidates (1-based) excluded at stages that exclude, in order. */
    private static List<Integer> excludedInOrder(CountReport r) {
        List<Integer> out = new ArrayList<>();
        for (Stage s : r.stages()) {
            if (s.kind() == StageKind.EXCLUSION) {
                s.excluded().forEach(c -> out.add(c + 1));
            }
        }
        return out;
    }

    /** Droop's "defeat" events before the final "defeat remaining", by candidate (1-based). */
    private static List<Integer> referenceExclusions(JsonNode ref) {
        List<String> names = new ArrayList<>();
        ref.get("candidates").forEach(c -> names.add(c.asString()));
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : ref.get("events")) {
            String msg = e.get("msg").asString();
            if (e.get("action").asString().equals("defeat") && !msg.startsWith("Defeat remaining")) {
                String name = msg.substring(msg.indexOf("): ") + 3);
                out.add(names.indexOf(name) + 1);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".blt")).sorted().toList();
        }
    }
}
