package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.BallotBox;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * Hand-worked counts from the text of SSI 2007/42 Sch 1 rules 45-52. Candidates are single letters;
 * a paper "5 A B" is five papers marked A 1, B 2. Every figure below was worked by hand from the rules.
 */
class ScottishStvRulesTest {

    @Test
    void rule46_quotaIsValidPapersOverSeatsPlusOne_decimalsIgnored_plusOne() {
        CountReport r = count("ABCD", 2, "5 A B", "6 A", "3 B", "4 C", "2 D");
        assertThat(r.ballots().valid()).isEqualTo(20);
        assertThat(r.quota()).isEqualTo(Fixed.of(7, 5)); // 20 / 3 = 6.67 -> 6, + 1
    }

    @Test
    void rule48_3_transferValueTruncatedToFiveDecimals_lossShownInNonTransferable() {
        CountReport r = count("ABCD", 2, "5 A B", "6 A", "3 B", "4 C", "2 D");
        // Stage 1: A 11 >= 7, elected. Stage 2: surplus 4; each paper 4 x 1 / 11 = 0.363636.. -> 0.36363.
        Stage s2 = r.stages().get(1);
        assertThat(s2.kind()).isEqualTo(StageKind.SURPLUS);
        assertThat(s2.transferValue()).isEqualTo(36_363L);
        assertVotes(r, 2, "7.00000", "4.81815", "4.00000", "2.00000"); // B: 3 + 5 x 0.36363
        // 6 papers with no next preference: 2.18178; lost to truncation 4 - 1.81815 - 2.18178 = 0.00007.
        assertThat(Fixed.format(s2.nonTransferable(), 5)).isEqualTo("2.18185");
        assertThat(Fixed.format(s2.truncationLoss(), 5)).isEqualTo("0.00007");
        // Then D (2) and C (4) are excluded; B is the one continuing candidate for one seat (rule 52).
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.lastStage().excluded()).containsExactly(2);
        assertThat(r.lastStage().elected()).containsExactly(1);
        assertBalanced(r);
    }

    @Test
    void rule48_4_surplusPapersKeepTheValueTheyWereReceivedAt() {
        CountReport r = count("ABCDE", 3, "10 A B C", "3 B C", "3 C", "2 D", "2 E");
        // Quota 6. Stage 2: A's surplus 4 at 4/10 = 0.4 per paper puts B on 3 + 4 = 7.
        assertVotes(r, 2, "6.00000", "7.00000", "3.00000", "2.00000", "2.00000");
        // Stage 3: B's surplus 1 over 7 votes. B's own 3 papers (value 1): 1 x 1 / 7 -> 0.14285 each;
        // the 10 received from A (value 0.4): 1 x 0.4 / 7 = 0.0571428.. -> 0.05714 each.
        // C: 3 + 3 x 0.14285 + 10 x 0.05714 = 3.99995; 0.00005 lost to truncation.
        Stage s3 = r.stages().get(2);
        assertThat(s3.subject()).containsExactly(1);
        assertThat(s3.transferValue()).isNull();
        assertVotes(r, 3, "6.00000", "6.00000", "3.99995", "2.00000", "2.00000");
        assertThat(Fixed.format(s3.truncationLoss(), 5)).isEqualTo("0.00005");
        assertBalanced(r);
    }

    @Test
    void rule49_1_largestSurplusIsTransferredFirst() {
        CountReport r = count("ABCDE", 3, "7 B D", "8 A C", "2 C", "2 D", "1 E");
        // Quota 6: A (8) and B (7) elected at stage 1; A's surplus 2 goes before B's 1.
        assertThat(r.stages().get(0).elected()).containsExactly(0, 1);
        assertThat(r.stages().get(1).subject()).containsExactly(0);
        assertThat(r.stages().get(2).subject()).containsExactly(1);
        assertVotes(r, 3, "6.00000", "6.00000", "4.00000", "2.99995", "1.00000");
        assertBalanced(r);
    }

    @Test
    void rule49_2_equalSurpluses_theHigherAtTheLatestStageTheyDifferedGoesFirst() {
        CountReport r = count("ABXYZ", 3, "7 A", "6 B", "2 X A", "3 X B", "6 Y", "6 Z",
                CountOptions.seats(0).withLot(List.of("Z")));
        // Quota 8. Stage 2: X excluded; A 9, B 9 both elected with equal surpluses of 1.
        // At stage 1 A had 7 and B 6, so A's surplus is transferred first.
        assertVotes(r, 2, "9.00000", "9.00000", "0.00000", "6.00000", "6.00000");
        assertThat(r.stages().get(2).subject()).containsExactly(0);
        assertThat(r.stages().get(3).subject()).containsExactly(1);
        assertThat(r.ties().get(0)).isEqualTo(new Tie(3, List.of(0, 1), Tie.Resolution.EARLIER_STAGE, 0,
                "whose surplus to transfer first (rule 49(2)-(3))"));
        // A's 9 papers at 1/9 = 0.11111 all exhaust: 0.99999 plus 0.00001 lost = 1.00000 non-transferable.
        assertThat(Fixed.format(r.stages().get(2).nonTransferable(), 5)).isEqualTo("1.00000");
        // Rule 51(2)(b): Y and Z were level at every stage; the lot (as drawn: Z) excludes Z; Y fills the
        // last seat under rule 52.
        Tie lot = r.ties().get(1);
        assertThat(lot.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
        assertThat(lot.between()).containsExactly(3, 4);
        assertThat(lot.chosen()).isEqualTo(4);
        assertThat(r.lastStage().excluded()).containsExactly(4);
        assertThat(r.electedNames()).containsExactly("A", "B", "Y");
        assertBalanced(r);
    }

    @Test
    void rule49_3_surplusesEqualAtEveryStage_lotDecidesWhichGoesFirst() {
        CountReport r = count("ABCDE", 3, "9 A C", "9 B D", "5 C", "5 D", "2 E",
                CountOptions.seats(0).withLot(List.of("B")));
        assertThat(r.stages().get(0).elected()).containsExactly(0, 1);
        assertThat(r.ties().get(0).resolvedBy()).isEqualTo(Tie.Resolution.LOT);
        assertThat(r.ties().get(0).chosen()).isEqualTo(1);
        assertThat(r.stages().get(1).subject()).containsExactly(1);
        assertBalanced(r);
    }

    @Test
    void rule49_3_seededLotIsReproducible() {
        CountReport a = count("ABCDE", 3, "9 A C", "9 B D", "5 C", "5 D", "2 E", CountOptions.seats(0).withSeed(7));
        CountReport b = count("ABCDE", 3, "9 A C", "9 B D", "5 C", "5 D", "2 E", CountOptions.seats(0).withSeed(7));
        assertThat(a.ties()).isEqualTo(b.ties());
        assertThat(a.seed()).isEqualTo(7);
        assertThat(a.ties().get(0).resolvedBy()).isEqualTo(Tie.Resolution.LOT);
    }

    @Test
    void rule51_2_a_equalLowest_theLowerAtTheLatestStageTheyDifferedIsExcluded() {
        CountReport r = count("ABCDE", 2, "5 A", "5 B", "3 C", "2 D", "1 E D");
        // Quota 6. Stage 2: E excluded, D 3 = C 3. At stage 1 D had 2, C 3: D is excluded.
        assertVotes(r, 2, "5.00000", "5.00000", "3.00000", "3.00000", "0.00000");
        assertThat(r.stages().get(2).excluded()).containsExactly(3);
        assertThat(r.ties()).containsExactly(new Tie(3, List.of(2, 3), Tie.Resolution.EARLIER_STAGE, 3,
                "which candidate to exclude (rule 51(2))"));
        assertBalanced(r);
    }

    @Test
    void rule50_4_excludedPapersMoveInOneStageAtTheValuesTheyCarry() {
        CountReport r = count("ABCD", 2, "10 A B C", "1 B", "4 C", "5 D");
        // Quota 7. Stage 2: A's surplus 3 at 0.3 puts B on 1 + 3 = 4, level with C.
        // Stage 3: B (1 at stage 1) is excluded: its 10 papers at 0.3 go to C (7, elected with the quota);
        // its own paper, value 1, has no next preference.
        Stage s3 = r.stages().get(2);
        assertThat(s3.kind()).isEqualTo(StageKind.EXCLUSION);
        assertThat(s3.transferValue()).isNull();
        assertVotes(r, 3, "7.00000", "0.00000", "7.00000", "5.00000");
        assertThat(Fixed.format(s3.nonTransferable(), 5)).isEqualTo("1.00000");
        assertThat(s3.elected()).containsExactly(2);
        assertThat(r.stages()).hasSize(3);
        assertBalanced(r);
    }

    @Test
    void rule48_1_exactlyTheQuotaHasNoSurplusToTransfer() {
        CountReport r = count("ABCDE", 3, "10 A B C", "3 B C", "3 C", "2 D", "2 E");
        CountReport exact = count("ABCDE", 3, "10 A B C", "2 B C", "4 C", "2 D", "2 E");
        // In the second count B reaches exactly 6 = quota at stage 2: elected, but no surplus stage follows.
        assertThat(exact.stages().get(1).elected()).containsExactly(1);
        assertThat(exact.stages().get(2).kind()).isEqualTo(StageKind.EXCLUSION);
        assertThat(r.stages().get(2).kind()).isEqualTo(StageKind.SURPLUS);
    }

    @Test
    void countStopsWhenTheSeatsAreFilled_noFurtherSurplusTransferred() {
        CountReport r = count("ABCD", 3, "9 A C", "7 B", "4 C");
        // Quota 6: A and B elected at stage 1. A's surplus (3 x 1/9 -> 0.33333 on each of 9 papers) puts C
        // on 4 + 2.99997 = 6.99997, over the quota: the seats are filled and B's surplus is never
        // transferred (rule 48(1): only while vacancies remain).
        assertVotes(r, 2, "6.00000", "7.00000", "6.99997", "0.00000");
        assertThat(r.stages()).hasSize(2);
        assertThat(r.electedNames()).containsExactly("A", "B", "C");
        assertBalanced(r);
    }

    @Test
    void rule52_asManyCandidatesAsSeats_allElectedAtTheFirstStage() {
        CountReport r = count("ABC", 3, "5 A", "1 B");
        assertThat(r.stages()).hasSize(1);
        assertThat(r.electedNames()).containsExactly("A", "B", "C");
        assertThat(r.lastStage().note()).contains("rule 52");
    }

    @Test
    void withdrawnCandidatesArePassedOver_paperNamingOnlyThemHasNoFirstPreference() {
        List<Candidate> cands = List.of(new Candidate("A", ""), new Candidate("B", "", true), new Candidate("C", ""));
        CountReport r = new ScottishStv().count(contest(cands, 1, "3 B C", "2 A", "1 B"), CountOptions.seats(0));
        assertThat(r.ballots().valid()).isEqualTo(5);
        assertThat(r.ballots().byReason()).containsEntry(RejectionReason.NO_FIRST_PREFERENCE, 1L);
        assertThat(r.quota()).isEqualTo(Fixed.of(3, 5));
        assertVotes(r, 1, "2.00000", "0.00000", "3.00000");
        assertThat(r.electedNames()).containsExactly("C");
    }

    @Test
    void equalFirstPreferencesAreRejected_equalLaterPreferencesEndThePaper() {
        List<Candidate> cands = List.of(new Candidate("A", ""), new Candidate("B", ""), new Candidate("C", ""));
        BallotBox box = new BallotBox();
        box.add(new int[][] {{0, 1}}, 2);
        box.add(new int[][] {{0}, {1, 2}}, 4);
        box.add(new int[][] {{1}}, 3);
        box.add(new int[][] {{2}}, 1);
        CountReport r = new ScottishStv().count(new Contest("T", cands, new Votes.Papers(box.ballots()), Map.of(), 2),
                CountOptions.seats(0));
        assertThat(r.ballots().byReason()).containsEntry(RejectionReason.MULTIPLE_FIRST_PREFERENCES, 2L);
        assertThat(r.ballots().valid()).isEqualTo(8);
        // Quota 3: A 4 (surplus 1), B 3. Both elected: the seats are filled, nothing transferred.
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.stages()).hasSize(1);
    }

    @Test
    void exhaustedPapersAreNonTransferableAtTheirValue() {
        CountReport r = count("ABC", 1, "3 A", "2 B", "1 C A");
        CountReport s = count("ABC", 1, "3 A", "2 B", "1 C");
        // Quota 4. C is excluded: with a second preference A reaches 4; without, the paper is exhausted.
        assertVotes(r, 2, "4.00000", "2.00000", "0.00000");
        assertThat(r.electedNames()).containsExactly("A");
        assertVotes(s, 2, "3.00000", "2.00000", "0.00000");
        assertThat(Fixed.format(s.stages().get(1).nonTransferable(), 5)).isEqualTo("1.00000");
        // B is excluded next and A, the one continuing candidate, fills the seat (rule 52).
        assertThat(s.stages()).hasSize(3);
        assertThat(s.electedNames()).containsExactly("A");
        assertBalanced(s);
    }

    @Test
    void refusesTalliesAndMissingSeats() {
        Contest tallies = new Contest("T", List.of(new Candidate("A", "")), new Votes.Tallies(new long[] {3}));
        assertThatThrownBy(() -> new ScottishStv().count(tallies, CountOptions.seats(1)))
                .isInstanceOf(CountException.class).hasMessageContaining("ballot papers");
        assertThatThrownBy(() -> count("AB", 0, "1 A"))
                .isInstanceOf(CountException.class).hasMessageContaining("--seats");
        assertThatThrownBy(() -> count("AB", 3, "1 A"))
                .isInstanceOf(CountException.class).hasMessageContaining("only 2 candidates");
    }

    // ---- helpers ----

    private static CountReport count(String letters, int seats, String... papers) {
        return count(letters, seats, papers, CountOptions.seats(0));
    }

    private static CountReport count(String letters, int seats, String p1, String p2, String p3, String p4,
                                     String p5, String p6, CountOptions options) {
        return count(letters, seats, new String[] {p1, p2, p3, p4, p5, p6}, options);
    }

    private static CountReport count(String letters, int seats, String p1, String p2, String p3, String p4,
                                     String p5, CountOptions options) {
        return count(letters, seats, new String[] {p1, p2, p3, p4, p5}, options);
    }

    private static CountReport count(String letters, int seats, String p1, String p2, String p3, String p4,
                                     String p5, String p6, String p7, CountOptions options) {
        return count(letters, seats, new String[] {p1, p2, p3, p4, p5, p6, p7}, options);
    }

    private static CountReport count(String letters, int seats, String[] papers, CountOptions options) {
        List<Candidate> cands = new ArrayList<>();
        for (char ch : letters.toCharArray()) {
            cands.add(new Candidate(String.valueOf(ch), ""));
        }
        return new ScottishStv().count(contest(cands, seats, papers), options);
    }

    private static Contest contest(List<Candidate> cands, int seats, String... papers) {
        BallotBox box = new BallotBox();
        for (String p : papers) {
            String[] parts = p.split(" ");
            int[] order = new int[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                int c = 0;
                while (!cands.get(c).name().equals(parts[i])) {
                    c++;
                }
                order[i - 1] = c;
            }
            box.add(org.tallyroom.count.Ballot.ranking(Long.parseLong(parts[0]), order));
        }
        return new Contest("hand-worked", cands, new Votes.Papers(box.ballots()), Map.of(), seats);
    }

    private static void assertVotes(CountReport r, int stage, String... expected) {
        Stage s = r.stages().get(stage - 1);
        String[] actual = new String[expected.length];
        for (int c = 0; c < expected.length; c++) {
            actual[c] = Fixed.format(s.votesOf(c), 5);
        }
        assertThat(actual).as("stage " + stage).containsExactly(expected);
    }

    static void assertBalanced(CountReport r) {
        long valid = Fixed.of(r.ballots().valid(), 5);
        for (Stage s : r.stages()) {
            assertThat(s.candidateTotal() + s.nonTransferable()).as("stage " + s.number() + " balances")
                    .isEqualTo(valid);
            assertThat(s.truncationLoss()).isBetween(0L, s.nonTransferable());
        }
    }
}
