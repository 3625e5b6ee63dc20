package org.tallyroom.analysis.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;

/**
 * An STV count's last seat from its report, under both ways reports place an exclusion (at the stage
 * transferring it, as Tallyroom's counts do; at the stage deciding it, as EONI's sheets do).
 */
class LastSeatTest {
    private static final List<Candidate> ABCDE = List.of(new Candidate("A", "P"), new Candidate("B", "Q"),
            new Candidate("C", "R"), new Candidate("D", "S"), new Candidate("E", "T"));

    /** A stage at 0 decimals: kind, subject, votes of A..E, elected, excluded. */
    private static Stage stage(int n, StageKind kind, List<Integer> subject, long[] votes, List<Integer> elected,
                               List<Integer> excluded) {
        return new Stage(n, kind, subject, null, votes, 0, 0, elected, excluded, "");
    }

    private static CountReport report(String method, List<Candidate> candidates, int decimals, List<Integer> elected,
                                      Stage... stages) {
        return new CountReport("T", method, elected.size(), decimals, candidates, new BallotSummary(150, 0, 150, Map.of()),
                null, elected, List.of(stages), List.of(), 0, List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void runnerUpExcludedLast_comparedAtTheStageBeforeTheirPapersMoved() {
        // Two seats, quota 51. A elected on first preferences; D then C excluded; B elected on C's papers.
        CountReport r = report("stv-scotland", ABCDE.subList(0, 4), 0, List.of(0, 1),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {60, 40, 30, 20}, List.of(0), List.of()),
                stage(2, StageKind.SURPLUS, List.of(0), new long[] {51, 44, 33, 22}, List.of(), List.of()),
                stage(3, StageKind.EXCLUSION, List.of(3), new long[] {51, 50, 45, 0}, List.of(), List.of(3)),
                stage(4, StageKind.EXCLUSION, List.of(2), new long[] {51, 80, 0, 0}, List.of(1), List.of(2)));
        assertThat(LastSeat.of(r)).contains(new LastSeat("B", "C", BigDecimal.valueOf(5), 3));
    }

    @Test
    void exclusionListedWhereDecided_andNeverTransferred_comparedAtTheLastStage() {
        // EONI's sheets: C is excluded at stage 3, where B fills the last seat; C's papers never move.
        CountReport r = report("stv-ni", ABCDE.subList(0, 4), 2, List.of(0, 1),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {6000, 4000, 3000, 2000}, List.of(0), List.of(3)),
                stage(2, StageKind.EXCLUSION, List.of(3), new long[] {6000, 4500, 3800, 0}, List.of(), List.of()),
                stage(3, StageKind.SURPLUS, List.of(0), new long[] {5001, 4890, 4109, 0}, List.of(1), List.of(2)));
        assertThat(LastSeat.of(r)).contains(new LastSeat("B", "C", new BigDecimal("7.81"), 3));
    }

    @Test
    void seatsFilledOnQuota_runnerUpStillContinuing_atTheLastStage() {
        CountReport r = report("stv-meek", ABCDE.subList(0, 3), 0, List.of(0),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {70, 50, 30}, List.of(0), List.of()));
        assertThat(LastSeat.of(r)).contains(new LastSeat("A", "B", BigDecimal.valueOf(20), 1));
    }

    @Test
    void candidatesExcludedTogether_theRunnerUpIsTheOneWithMoreVotes() {
        CountReport r = report("stv-ni", ABCDE, 0, List.of(0, 1),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {60, 40, 10, 12, 11}, List.of(0), List.of(2, 3)),
                stage(2, StageKind.EXCLUSION, List.of(2, 3), new long[] {60, 55, 0, 0, 18}, List.of(1), List.of()));
        assertThat(LastSeat.of(r)).contains(new LastSeat("B", "E", BigDecimal.valueOf(37), 2));

        CountReport together = report("stv-ni", ABCDE.subList(0, 4), 0, List.of(0, 1),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {60, 40, 10, 12}, List.of(0), List.of(2, 3)),
                stage(2, StageKind.EXCLUSION, List.of(2, 3), new long[] {60, 55, 0, 0}, List.of(1), List.of()));
        assertThat(LastSeat.of(together)).contains(new LastSeat("B", "D", BigDecimal.valueOf(28), 1));
    }

    @Test
    void electedTogether_theLastElectedIsTheOneWithFewerVotes_whateverTheListedOrder() {
        // D excluded at stage 2 leaves B and C for the last two seats; the report lists C (more votes) last.
        CountReport r = report("stv-ni", ABCDE.subList(0, 4), 0, List.of(0, 1, 2),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {60, 30, 35, 25}, List.of(0), List.of(3)),
                stage(2, StageKind.EXCLUSION, List.of(3), new long[] {60, 31, 36, 0}, List.of(1, 2), List.of()));
        assertThat(LastSeat.of(r)).contains(new LastSeat("B", "D", BigDecimal.valueOf(5), 1));
    }

    @Test
    void withdrawnCandidatesAreNotRunnersUp() {
        List<Candidate> cands = new ArrayList<>(ABCDE.subList(0, 2));
        cands.add(new Candidate("W", "X", true));
        CountReport r = report("stv-scotland", cands, 0, List.of(0),
                stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {70, 50, 0}, List.of(0), List.of()));
        assertThat(LastSeat.of(r)).contains(new LastSeat("A", "B", BigDecimal.valueOf(20), 1));
    }

    @Test
    void nothingForOtherMethodsNorWhereEveryoneWasElected() {
        Stage one = stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {70, 50}, List.of(0), List.of());
        assertThat(LastSeat.of(report("av", ABCDE.subList(0, 2), 0, List.of(0), one))).isEmpty();
        assertThat(LastSeat.of(report("fptp", ABCDE.subList(0, 2), 0, List.of(0), one))).isEmpty();
        Stage both = stage(1, StageKind.FIRST_PREFERENCES, List.of(), new long[] {70, 50}, List.of(0, 1), List.of());
        assertThat(LastSeat.of(report("stv-scotland", ABCDE.subList(0, 2), 0, List.of(0, 1), both))).isEmpty();
    }
}
