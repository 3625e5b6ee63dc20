package org.tallyroom.count.rcv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Tie;
import org.tallyroom.count.rcv.RcvRules.OvervoteRule;
import org.tallyroom.count.rcv.RcvRules.TiebreakMode;
import org.tallyroom.count.rcv.RcvRules.WinnerMode;

/**
 * The RCTab rules on small contests worked by hand. Ballots are written "A>B>C"; "A=D" at a rank is
 * an overvote; "-" a skipped rank.
 */
class RcvTabulatorTest {
    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    private static RcvRules rules(WinnerMode mode, int winners, OvervoteRule overvote, TiebreakMode tiebreak, Long seed,
                                  boolean batch, boolean untilTwo, boolean hare, boolean fractional, long minimum) {
        return new RcvRules(overvote, RcvRules.UNLIMITED, 10, false, mode, winners, 4, fractional, hare, minimum, batch,
                untilTwo, false, 0, tiebreak, seed);
    }

    private static RcvRules single(TiebreakMode tiebreak, Long seed) {
        return rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY, tiebreak, seed,
                false, false, false, false, 0);
    }

    /** "3 A>B" is three ballots A then B. */
    private static RcvContest contest(List<String> names, String... lines) {
        List<int[][]> ballots = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            int copies = Integer.parseInt(parts[0]);
            String[] ranks = parts[1].split(">");
            int[][] marks = new int[ranks.length][];
            for (int r = 0; r < ranks.length; r++) {
                marks[r] = ranks[r].equals("-") ? new int[0]
                        : Arrays.stream(ranks[r].split("=")).mapToInt(names::indexOf).toArray();
            }
            for (int i = 0; i < copies; i++) {
                ballots.add(marks);
            }
        }
        return new RcvContest("test", names, new boolean[names.size()], -1, ballots);
    }

    private static List<String> names(List<Integer> ids, List<String> names) {
        return ids.stream().map(names::get).toList();
    }

    private static long votes(long whole) {
        return whole * 10_000;
    }

    @Test
    void theDrawIsJavaRandomsNextDoubleTimesTheCount_asRctabTakesIt() {
        for (long seed = -50; seed < 2_000; seed++) {
            for (int size = 2; size <= 9; size++) {
                RcvTiebreak.Draw draw = new RcvTiebreak.Draw(seed);
                Random random = new Random(seed);
                for (int k = 0; k < 4; k++) {
                    assertThat(draw.index(size)).isEqualTo((int) Math.floor(random.nextDouble() * (double) size));
                }
            }
        }
    }

    @Test
    void aTieForLast_underCandidateOrder_eliminatesTheOneListedLast() {
        RcvResult r = RcvTabulator.tabulate(contest(List.of("A", "B", "C"), "3 A", "2 B>A", "2 C>A"),
                single(TiebreakMode.USE_CANDIDATE_ORDER, null));
        assertThat(r.rounds().get(0).threshold()).isEqualTo(votes(4));
        assertThat(names(r.rounds().get(0).eliminated(), List.of("A", "B", "C"))).containsExactly("C");
        assertThat(r.ties()).hasSize(1);
        assertThat(r.ties().get(0).resolvedBy()).isEqualTo(Tie.Resolution.LOT);
        assertThat(names(r.winners(), List.of("A", "B", "C"))).containsExactly("A");
    }

    @Test
    void aRandomTie_isDrawnFromTheSortedNamesWithTheSeededRandom() {
        for (long seed = 0; seed < 20; seed++) {
            RcvResult r = RcvTabulator.tabulate(contest(List.of("A", "C", "B"), "3 A", "2 B>A", "2 C>A"),
                    single(TiebreakMode.RANDOM, seed));
            String expected = List.of("B", "C").get((int) Math.floor(new Random(seed).nextDouble() * 2));
            assertThat(names(r.rounds().get(0).eliminated(), List.of("A", "C", "B"))).containsExactly(expected);
        }
    }

    @Test
    void previousRoundCounts_eliminateWhoeverHadFewerInTheRoundBefore() {
        RcvResult r = RcvTabulator.tabulate(contest(ABCD, "5 A", "3 B", "2 C", "1 D>C"),
                single(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM, 1L));
        RcvRound second = r.rounds().get(1);
        assertThat(second.tally()[1]).isEqualTo(second.tally()[2]);
        assertThat(names(second.eliminated(), ABCD)).containsExactly("C");
        assertThat(r.ties().get(0).resolvedBy()).isEqualTo(Tie.Resolution.EARLIER_STAGE);
    }

    @Test
    void batchElimination_removesEveryoneWhoCannotOvertakeTheNext() {
        RcvRules batch = rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY,
                TiebreakMode.USE_CANDIDATE_ORDER, null, true, false, false, false, 0);
        RcvResult r = RcvTabulator.tabulate(contest(ABCD, "9 A", "7 B", "2 C>B", "1 D>B"), batch);
        assertThat(names(r.rounds().get(0).eliminated(), ABCD)).containsExactlyInAnyOrder("C", "D");
        assertThat(r.rounds()).hasSize(2);
        assertThat(names(r.winners(), ABCD)).containsExactly("B");
    }

    @Test
    void overvotes_exhaustOrSkipAsTheRuleSays() {
        RcvContest c = contest(ABCD, "4 A", "3 B", "2 C", "1 A=D>B");
        RcvResult exhaust = RcvTabulator.tabulate(c, single(TiebreakMode.USE_CANDIDATE_ORDER, null));
        assertThat(exhaust.rounds().get(0).inactive(Inactive.OVERVOTE)).isEqualTo(votes(1));
        RcvResult skip = RcvTabulator.tabulate(c, rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1,
                OvervoteRule.ALWAYS_SKIP_TO_NEXT_RANK, TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, false, false, 0));
        assertThat(skip.rounds().get(0).tally()[1]).isEqualTo(votes(4));
        RcvResult ifMany = RcvTabulator.tabulate(c, rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1,
                OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING, TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, false,
                false, 0));
        assertThat(ifMany.rounds().get(0).inactive(Inactive.OVERVOTE)).isEqualTo(votes(1));
    }

    @Test
    void continueUntilTwo_goesOnAfterTheWinnerToTheLastTwo() {
        RcvRules untilTwo = rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY,
                TiebreakMode.USE_CANDIDATE_ORDER, null, false, true, false, false, 0);
        RcvResult r = RcvTabulator.tabulate(contest(List.of("A", "B", "C"), "6 A", "2 B", "1 C>B"), untilTwo);
        assertThat(names(r.rounds().get(0).elected(), List.of("A", "B", "C"))).containsExactly("A");
        assertThat(r.rounds()).hasSize(3);
        RcvRound last = r.rounds().get(2);
        assertThat(last.inTally()).containsExactly(true, true, false);
        assertThat(last.tally()[1]).isEqualTo(votes(3));
    }

    @Test
    void thresholds_droopOrHare_wholeOrFractional() {
        RcvContest c = contest(ABCD, "3 A", "3 B", "2 C", "1 D");
        long droopWhole = RcvTabulator.tabulate(c, rules(WinnerMode.MULTI_WINNER_MANY_PER_ROUND, 2,
                OvervoteRule.EXHAUST_IMMEDIATELY, TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, false, false, 0))
                .rounds().get(0).threshold();
        long droopFraction = RcvTabulator.tabulate(c, rules(WinnerMode.MULTI_WINNER_MANY_PER_ROUND, 2,
                OvervoteRule.EXHAUST_IMMEDIATELY, TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, false, true, 0))
                .rounds().get(0).threshold();
        long hareFraction = RcvTabulator.tabulate(c, rules(WinnerMode.MULTI_WINNER_MANY_PER_ROUND, 2,
                OvervoteRule.EXHAUST_IMMEDIATELY, TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, true, true, 0))
                .rounds().get(0).threshold();
        assertThat(droopWhole).isEqualTo(votes(4));           // floor(9 / 3) + 1
        assertThat(droopFraction).isEqualTo(30_001);          // 9 / 3 + 0.0001
        assertThat(hareFraction).isEqualTo(45_000);           // 9 / 2, rounded up
    }

    @Test
    void aMinimumVoteThreshold_eliminatesEveryoneUnderItAtOnce() {
        RcvResult r = RcvTabulator.tabulate(contest(ABCD, "5 A", "4 B", "2 C>B", "1 D>B"),
                rules(WinnerMode.SINGLE_WINNER_MAJORITY, 1, OvervoteRule.EXHAUST_IMMEDIATELY,
                        TiebreakMode.USE_CANDIDATE_ORDER, null, false, false, false, false, votes(3)));
        assertThat(names(r.rounds().get(0).eliminated(), ABCD)).containsExactlyInAnyOrder("C", "D");
        assertThat(names(r.winners(), ABCD)).containsExactly("B");
    }

    @Test
    void aSkippedRankBeyondTheAllowance_makesTheBallotInactive() {
        RcvRules strict = new RcvRules(OvervoteRule.EXHAUST_IMMEDIATELY, 0, 4, false, WinnerMode.SINGLE_WINNER_MAJORITY,
                1, 4, false, false, 0, false, false, false, 0, TiebreakMode.USE_CANDIDATE_ORDER, null);
        RcvResult r = RcvTabulator.tabulate(contest(List.of("A", "B", "C"), "3 A", "2 B", "1 C>->A"), strict);
        assertThat(r.rounds().get(1).inactive(Inactive.SKIPPED_RANKINGS)).isEqualTo(votes(1));
    }
}
