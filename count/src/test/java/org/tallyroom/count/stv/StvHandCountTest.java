package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Methods;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * Counts worked by hand from the rule texts; each test names the rules it exercises. Candidates are
 * A, B, C...; {@code "ABD"} is a paper marked A 1, B 2, D 3.
 */
class StvHandCountTest {
    private static final NorthernIrelandStv NI = new NorthernIrelandStv();
    private static final Ers97Stv ERS = new Ers97Stv();
    private static final MeekStv MEEK = new MeekStv();

    private static Contest contest(int candidates, Object... weightAndMarks) {
        List<Candidate> cs = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            cs.add(new Candidate(String.valueOf((char) ('A' + i)), ""));
        }
        return new Contest("hand", cs, new Votes.Papers(papers(weightAndMarks)));
    }

    private static List<Ballot> papers(Object... weightAndMarks) {
        List<Ballot> out = new ArrayList<>();
        for (int i = 0; i < weightAndMarks.length; i += 2) {
            int[] prefs = ((String) weightAndMarks[i + 1]).chars().map(ch -> ch - 'A').toArray();
            out.add(Ballot.ranking(((Number) weightAndMarks[i]).longValue(), prefs));
        }
        return out;
    }

    private static void assertVotes(Stage s, int decimals, String... expected) {
        long[] want = new long[expected.length];
        for (int i = 0; i < expected.length; i++) {
            want[i] = Fixed.parse(expected[i], decimals);
        }
        assertThat(s.votes()).as("stage %d", s.number()).containsExactly(want);
    }

    private static String fmt(long v, int decimals) {
        return Fixed.format(v, decimals);
    }

    // ------------------------------------------------------------------ Northern Ireland

    @Test
    void ni_rule49_10a_surplusLessThanGapBetweenTwoLowestIsDeferred() {
        // 100 papers, 2 seats: quota 100/3 = 33, +1 = 34 (r.48). A 36 has a surplus of 2; the two
        // lowest, D 14 and C 20, differ by 6 > 2, so the surplus waits (r.49(10)(a)) and D is excluded.
        CountReport r = NI.count(contest(4, 20, "AB", 16, "AC", 30, "B", 20, "CB", 14, "DC"), CountOptions.seats(2));
        assertThat(r.quota()).isEqualTo(3400);
        assertThat(r.stages()).hasSize(2);
        Stage s2 = r.stages().get(1);
        assertThat(s2.kind()).isEqualTo(StageKind.EXCLUSION);
        assertThat(s2.excluded()).containsExactly(3);
        assertThat(s2.note()).contains("49(10)");
        assertVotes(s2, 2, "36.00", "30.00", "34.00", "0.00");
        assertThat(r.electedNames()).containsExactly("A", "C");
    }

    @Test
    void ni_rule49_5to7_surplusFromATransferMovesOnlyTheParcelLastReceived() {
        // Quota 26. A's 40 papers all go to B at 14/40 = 0.35 (r.49(4)). B, now 34, passes on only
        // those 40 papers (not its own 20 B-C papers) at 8/40 = 0.20, less than 0.35 (r.49(5)-(7)):
        // D gets 8.00 and C nothing. Then E is excluded (12 papers exhausted) and D, with at least all
        // the others' votes for the last seat, is elected (r.52(2)).
        CountReport r = NI.count(contest(5, 40, "ABD", 20, "BC", 15, "C", 13, "D", 12, "E"), CountOptions.seats(3));
        assertThat(r.quota()).isEqualTo(2600);
        List<Stage> st = r.stages();
        assertThat(st.get(1).transferValue()).isEqualTo(35);
        assertVotes(st.get(1), 2, "26.00", "34.00", "15.00", "13.00", "12.00");
        assertThat(st.get(2).subject()).containsExactly(1);
        assertThat(st.get(2).transferValue()).isEqualTo(20);
        assertVotes(st.get(2), 2, "26.00", "26.00", "15.00", "21.00", "12.00");
        assertThat(st.get(3).excluded()).containsExactly(4);
        assertThat(st.get(3).nonTransferable()).isEqualTo(1200);
        assertThat(st.get(3).elected()).containsExactly(3);
        assertThat(st.get(3).note()).contains("52(2)");
        assertThat(r.electedNames()).containsExactly("A", "B", "D");
    }

    @Test
    void ni_rule51_2to9_excludedPapersMoveFirstPreferencesFirstThenBySubParcelHighestValueFirst() {
        // 107 papers, 3 seats: quota 27. D's surplus of 13 goes at 13/40 = 0.325 -> 0.32 (remainder
        // ignored: 0.20 lost, r.49(4)(b)): A +7.68, E +5.12. E is excluded: first its own 3 papers
        // (r.51(2)-(3)), then the 16 at 0.32 (r.51(5)-(9)), which are exhausted. Then A: its 3 own
        // papers to C, then the 3 papers received at 1.00 from E, then the 24 at 0.32: three stages.
        CountReport r = NI.count(contest(6, 15, "FE", 17, "C", 26, "BC", 24, "DA", 3, "C", 3, "EA", 16, "DE", 3, "ACB"),
                CountOptions.seats(3));
        List<Stage> st = r.stages();
        assertThat(r.quota()).isEqualTo(2700);
        assertVotes(st.get(1), 2, "10.68", "26.00", "20.00", "27.00", "8.12", "15.00");
        assertThat(st.get(1).truncationLoss()).isEqualTo(20);
        assertThat(st.get(2).transferValue()).isEqualTo(100);
        assertThat(st.get(2).excluded()).containsExactly(4);
        assertVotes(st.get(2), 2, "13.68", "26.00", "20.00", "27.00", "5.12", "15.00");
        assertThat(st.get(3).transferValue()).isEqualTo(32);
        assertThat(st.get(3).excluded()).isEmpty();
        assertThat(st.get(3).nonTransferable()).isEqualTo(532);
        assertThat(List.of(st.get(4).transferValue(), st.get(5).transferValue(), st.get(6).transferValue()))
                .containsExactly(100L, 100L, 32L);
        assertThat(st.get(4).subject()).containsExactly(0);
        assertVotes(st.get(6), 2, "0.00", "26.00", "23.00", "27.00", "0.00", "15.00");
        assertThat(st.get(6).nonTransferable()).isEqualTo(1600);
        // r.52(1): excluding F leaves B and C for the two vacancies; no further transfer (r.52(3)).
        assertThat(st.get(7).kind()).isEqualTo(StageKind.FINAL);
        assertThat(st.get(7).excluded()).containsExactly(5);
        assertThat(r.electedNames()).containsExactly("D", "B", "C");
    }

    @Test
    void ni_rule51_13a_equalLowestSettledByEarliestStageAtWhichTheyDiffered() {
        // Quota 34. B's surplus of 22: only 14 papers transferable, worth 14 < 22, so they go at
        // 1.00 and 8 are non-transferable (r.49(4)(a), 50(2)(c)). A and D then both have 23: at stage 1
        // D had 9 and A 23, so D is excluded, which leaves A for the last seat (r.52(1)).
        CountReport r = NI.count(contest(4, 9, "DAB", 6, "B", 17, "ADB", 11, "C", 6, "AC", 14, "B", 14, "BD", 22, "B"),
                CountOptions.seats(2));
        assertThat(r.stages().get(1).transferValue()).isEqualTo(100);
        assertThat(r.stages().get(1).nonTransferable()).isEqualTo(800);
        assertThat(r.ties()).singleElement().satisfies(t -> {
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.EARLIER_STAGE);
            assertThat(t.between()).containsExactly(0, 3);
            assertThat(t.chosen()).isEqualTo(3);
        });
        assertThat(r.electedNames()).containsExactly("B", "A");
    }

    @Test
    void ni_rule51_13b_equalAtEveryStageIsDrawnByLot_seededOrAsTheReturningOfficerDrew() {
        Contest c = contest(3, 3, "AC", 3, "BC", 4, "C");
        CountReport drawn = NI.count(c, CountOptions.seats(1).withLot(List.of("B")));
        assertThat(drawn.ties()).singleElement().satisfies(t -> {
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.chosen()).isEqualTo(1);
        });
        assertThat(drawn.stages().get(1).excluded()).containsExactly(1);
        CountReport seeded = NI.count(c, CountOptions.seats(1).withSeed(7));
        assertThat(seeded.ties()).singleElement().extracting(Tie::resolvedBy).isEqualTo(Tie.Resolution.LOT);
        assertThat(NI.count(c, CountOptions.seats(1).withSeed(7))).usingRecursiveComparison().isEqualTo(seeded);
        assertThat(seeded.electedNames()).containsExactly("C");
    }

    @Test
    void ni_rule51_12_lowestTogetherBelowNextAreExcludedInOneOperation() {
        // Quota 20. B's surplus of 10 goes at 10/30 = 0.33. Then A 3 and E 1.32 together (4.32) are
        // below D 14.58: both excluded at once. A's first preference goes to D; C, with at least all
        // other continuing votes for the one vacancy, is elected (r.52(2)) and counting stops.
        CountReport r = NI.count(contest(5, 6, "D", 15, "CD", 4, "BE", 26, "BDC", 3, "ADB", 3, "CB"),
                CountOptions.seats(2));
        Stage s3 = r.stages().get(2);
        assertThat(s3.excluded()).containsExactly(0, 4);
        assertThat(s3.note()).contains("51(12)");
        assertVotes(s3, 2, "0.00", "20.00", "18.00", "17.58", "1.32");
        assertThat(r.electedNames()).containsExactly("B", "C");
    }

    @Test
    void ni_rule46_rejectedPapersByReason_andWithdrawnCandidatesSkipped() {
        List<Candidate> cs = List.of(new Candidate("A", ""), new Candidate("B", "", true), new Candidate("C", ""));
        List<Ballot> ballots = new ArrayList<>(papers(5, "BA", 4, "C", 2, "B"));
        ballots.add(new Ballot(new int[][] {{}, {0}}, 3));
        ballots.add(new Ballot(new int[][] {{0, 2}}, 1));
        CountReport r = NI.count(new Contest("w", cs, new Votes.Papers(ballots)), CountOptions.seats(1));
        assertThat(r.ballots().valid()).isEqualTo(9);
        assertThat(r.ballots().byReason()).containsEntry(RejectionReason.NO_FIRST_PREFERENCE, 5L)
                .containsEntry(RejectionReason.MULTIPLE_FIRST_PREFERENCES, 1L);
        assertVotes(r.stages().get(0), 2, "5.00", "0.00", "4.00");
        assertThat(r.notes()).singleElement().asString().contains("withdrawn");
        assertThat(r.electedNames()).containsExactly("A");
    }

    // ------------------------------------------------------------------ ERS97

    @Test
    void ers97_5_1_6_quotaToTwoPlacesRoundedUpWhenNotExact() {
        assertThat(ERS.count(contest(3, 50, "A", 30, "B", 19, "C"), CountOptions.seats(2)).quota()).isEqualTo(3300);
        assertThat(ERS.count(contest(3, 50, "A", 30, "B", 18, "C"), CountOptions.seats(2)).quota()).isEqualTo(3267);
        assertThat(ERS.count(contest(3, 50, "A", 30, "B", 20, "C"), CountOptions.seats(2)).quota()).isEqualTo(3334);
    }

    @Test
    void ers97_5_4_8_nonTransferablePapersBeforeAnyoneIsElectedReduceTheQuota() {
        // 98 papers, 2 places: quota 32.67. A's 12 papers are exhausted; nobody is elected yet, so the
        // quota becomes 86/3 = 28.67 and C, with 29, is deemed elected.
        CountReport r = ERS.count(contest(5, 18, "E", 7, "CBE", 12, "A", 20, "BAE", 19, "DEC", 14, "CEB", 8, "CDB"),
                CountOptions.seats(2));
        assertThat(r.stages().get(1).note()).contains("28.67", "5.4.8");
        assertThat(r.stages().get(1).elected()).containsExactly(2);
        assertThat(r.quota()).isEqualTo(2867);
        // 5.2.2: C's surplus 0.33 does not exceed the gap 1 between E 18 and D 19, so it is deferred;
        // after E's exclusion B (20 of an active vote of 39.33, one place) is elected (5.4.9(b)).
        assertThat(r.stages().get(2).note()).contains("deferred");
        assertThat(r.electedNames()).containsExactly("C", "B");
    }

    @Test
    void ers97_5_2_5_lowestCandidatesExcludedTogetherWhenTheyDoNotExceedTheNextAbove() {
        // Quota 125/3 -> 41.67. E 0 and B 25 total 25, not more than D 26: excluded together (at
        // most 3 may go and still leave 2 for the 2 places; E+B+D = 51 exceeds C 35).
        CountReport r = ERS.count(contest(5, 25, "BC", 17, "A", 6, "DBE", 15, "C", 10, "ACB", 20, "CDE", 20, "DBE",
                12, "A"), CountOptions.seats(2));
        Stage s2 = r.stages().get(1);
        assertThat(s2.excluded()).containsExactly(1, 4);
        assertVotes(s2, 2, "39.00", "0.00", "60.00", "26.00", "0.00");
        // 5.3.2: C's surplus comes only from the 25 papers received from B; none has a further
        // preference, so all 18.33 is non-transferable. A then has 39 of an active 65 for one place.
        Stage s3 = r.stages().get(2);
        assertThat(s3.nonTransferable()).isEqualTo(1833);
        assertThat(s3.truncationLoss()).isZero();
        assertThat(r.electedNames()).containsExactly("C", "A");
    }

    @Test
    void ers97_5_6_2_equalAtEveryPointNoneDeemedElected_then5_5_1_fillsThePlaces() {
        CountReport r = ERS.count(contest(3, 33, "A", 33, "B", 33, "C"), CountOptions.seats(2).withLot(List.of("C")));
        assertThat(r.stages().get(0).elected()).isEmpty();
        assertThat(r.stages().get(0).note()).contains("5.6.2");
        assertThat(r.stages().get(1).kind()).isEqualTo(StageKind.FINAL);
        assertThat(r.stages().get(1).excluded()).containsExactly(2);
        assertThat(r.ties()).singleElement().extracting(Tie::resolvedBy).isEqualTo(Tie.Resolution.LOT);
        assertThat(r.electedNames()).containsExactly("A", "B");
    }

    // ------------------------------------------------------------------ Meek (NZ Schedule 1A)

    @Test
    void meek_clause7_10_keepValueRoundedUpAndSurplusPassedOn() {
        // 13 papers, 2 seats: quota 13/3 = 4.333333333 + 0.000000001 (cl.5). A (6) is elected (cl.6).
        // k = 4.333333334 / 6 = 0.722222222333 -> 0.722222223 (rounded up, cl.7). Each A paper: A keeps
        // 0.722222223, passes 1 x 0.277777777 (cl.10): A 4.333333338, B 3 + 1.666666662 = 4.666666662.
        CountReport r = MEEK.count(contest(3, 6, "AB", 3, "BA", 4, "C"), CountOptions.seats(2));
        assertThat(fmt(r.stages().get(0).votes()[0], 9)).isEqualTo("6.000000000");
        Stage s2 = r.stages().get(1);
        assertThat(s2.kind()).isEqualTo(StageKind.SURPLUS);
        assertVotes(s2, 9, "4.333333338", "4.666666662", "4.000000000");
        assertThat(s2.elected()).containsExactly(1);
        assertThat(s2.note()).isEqualTo("1 iteration.");
        assertThat(r.quota()).isEqualTo(4_333_333_334L);
    }

    @Test
    void meek_clause13_sureLoserExcluded_clause3_hopefulElectedWhenTheyFillTheVacancies() {
        // A 6 elected; B 2 + total surplus 1.999999999 < C 4, so B is excluded at once (cl.13), and
        // A and C then fill the 2 vacancies (cl.3).
        CountReport r = MEEK.count(contest(3, 6, "AB", 2, "BA", 4, "C"), CountOptions.seats(2));
        assertThat(r.stages().get(1).kind()).isEqualTo(StageKind.EXCLUSION);
        assertThat(r.stages().get(1).excluded()).containsExactly(1);
        assertThat(r.electedNames()).containsExactly("A", "C");
    }

    @Test
    void meek_clause13_iteratesUntilAnExclusionIsSafe() {
        // A and B are elected on first preferences and pass surplus to each other and on to C and D.
        // Each iteration re-computes their keep values (cl.17) and redistributes (cl.10). After the
        // fifth the quota is 100.000000058 credited / 4 -> 25.000000015, and D 14.559514560 plus the
        // total surplus 0.626719868 is below C 15.813765600, so D is excluded (cl.13), not before:
        // the stage shows the totals of its last iteration.
        CountReport r = MEEK.count(contest(5, 30, "ABC", 28, "BAD", 12, "CD", 11, "DC", 9, "EC", 10, "EDC"),
                CountOptions.seats(3));
        Stage s2 = r.stages().get(1);
        assertThat(s2.kind()).isEqualTo(StageKind.SURPLUS);
        assertThat(s2.subject()).containsExactly(0, 1);
        assertThat(s2.note()).isEqualTo("5 iterations.");
        long quota = s2.candidateTotal() / 4 + 1;
        long surplus = s2.votes()[0] - quota + s2.votes()[1] - quota;
        assertThat(fmt(surplus, 9)).isEqualTo("0.626719868");
        assertThat(s2.votes()[3] + surplus).isLessThan(s2.votes()[2]);
        assertThat(r.stages().get(2).excluded()).containsExactly(3);
        assertThat(r.electedNames()).containsExactly("A", "B", "C");
    }

    @Test
    void meek_clause13_keepValuesThatReturnToEarlierOnesEndTheStage() {
        // C and D hold every paper; 3 seats. Both are elected at once and each iteration shrinks their
        // keep values, but the quota (a quarter of the votes credited) shrinks with their votes, so the
        // total surplus stays about half their votes and would reach 0.0001 only below the 9th place.
        // Rounded up at 9 places (cl.7, 10), the keep values instead fall into a cycle (after 27
        // iterations), returning to values already tried, so no further iteration can change anything. The stage ends there, as it does when
        // the keep values stop changing, and the lowest hopeful is excluded (cl.13); A and B are level
        // at 0 throughout, so the lot decides (cl.19).
        Contest c = contest(4, 134_300, "DC", 50_417, "CD");
        CountReport r = MEEK.count(c, CountOptions.seats(3).withSeed(1));
        Stage s2 = r.stages().get(1);
        assertThat(s2.kind()).isEqualTo(StageKind.SURPLUS);
        assertThat(s2.elected()).isEmpty();
        int its = Integer.parseInt(s2.note().split(" ")[0]);
        assertThat(its).isLessThan(100);
        long quota = s2.candidateTotal() / 4 + 1;
        long surplus = s2.votes()[2] - quota + s2.votes()[3] - quota;
        assertThat(surplus).as("still above the 0.0001 limit").isGreaterThanOrEqualTo(Fixed.parse("0.0001", 9));
        assertThat(r.stages().get(2).excluded()).hasSize(1);
        assertThat(r.elected()).hasSize(3).contains(2, 3);
        assertThat(StvDifferentialTest.canonical(r, true))
                .isEqualTo(StvDifferentialTest.canonical(new MeekReferenceCount(c, CountOptions.seats(3).withSeed(1))
                        .count(CountOptions.seats(3).withSeed(1)), true));
    }

    // ------------------------------------------------------------------ every method

    @Test
    void everyMethod_totalsPlusNonTransferableEqualValidAtEveryStage_andRegistered() {
        Contest c = contest(6, 15, "FE", 17, "C", 26, "BC", 24, "DA", 3, "C", 3, "EA", 16, "DE", 3, "ACB");
        for (String id : List.of("stv-ni", "stv-ers97", "stv-meek")) {
            CountReport r = Methods.byId(id).orElseThrow().count(c, CountOptions.seats(3));
            long valid = r.ballots().valid() * Fixed.scale(r.decimals());
            for (Stage s : r.stages()) {
                assertThat(s.candidateTotal() + s.nonTransferable()).as("%s stage %d", id, s.number()).isEqualTo(valid);
            }
            assertThat(r.elected()).hasSize(3);
        }
    }

    @Test
    void everyMethod_needsPapersAndEnoughCandidates() {
        Contest tallies = new Contest("t", List.of(new Candidate("A", ""), new Candidate("B", "")),
                new Votes.Tallies(new long[] {3, 4}));
        assertThatThrownBy(() -> NI.count(tallies, CountOptions.seats(1))).isInstanceOf(CountException.class)
                .hasMessageContaining("ballot papers");
        assertThatThrownBy(() -> MEEK.count(contest(2, 1, "A"), CountOptions.seats(3)))
                .isInstanceOf(CountException.class).hasMessageContaining("only 2 candidates");
    }
}
