package org.tallyroom.count.preferential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/** Hand-worked AV counts; rule numbers are RPA 1983 Sch 1 as the 2011 Act (s.9, Sch 10) would have made it. */
class AlternativeVoteTest {
    private static final int A = 0, B = 1, C = 2, D = 3;
    private static final List<Candidate> ABCD = List.of(new Candidate("A", ""), new Candidate("B", ""),
            new Candidate("C", ""), new Candidate("D", ""));

    private final AlternativeVote av = new AlternativeVote();

    private static Ballot paper(long weight, int... order) {
        return Ballot.ranking(weight, order);
    }

    private static Contest papers(Ballot... ballots) {
        return new Contest("T", ABCD, new Votes.Papers(List.of(ballots)));
    }

    private static long[] votes(CountReport r, int stage) {
        return r.stages().get(stage - 1).votes();
    }

    @Test
    void r45A_2_moreVotesThanTheOthersPutTogether_electedOnFirstPreferences() {
        CountReport rep = av.count(papers(paper(6, A, B), paper(3, B), paper(2, C)), CountOptions.seats(1));
        assertThat(rep.stages()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StageKind.FIRST_PREFERENCES);
            assertThat(s.elected()).containsExactly(A);
        });
        assertThat(rep.electedNames()).containsExactly("A");
    }

    @Test
    void r45A_3to5_fewestEliminatedEachStage_exhaustedVotesLeaveTheMajorityTest() {
        Contest contest = papers(paper(8, A), paper(6, B, C), paper(4, C, B), paper(3, D, C), paper(2, D));
        CountReport rep = av.count(contest, CountOptions.seats(1));
        assertThat(votes(rep, 1)).containsExactly(8, 6, 4, 5);
        Stage two = rep.stages().get(1);
        assertThat(two.kind()).isEqualTo(StageKind.ELIMINATION);
        assertThat(two.excluded()).containsExactly(C);
        assertThat(two.subject()).containsExactly(C);
        assertThat(two.votes()).containsExactly(8, 10, 0, 5);
        assertThat(two.elected()).isEmpty();
        Stage three = rep.stages().get(2);
        assertThat(three.excluded()).containsExactly(D);
        assertThat(three.votes()).containsExactly(8, 10, 0, 0);
        assertThat(three.nonTransferable()).isEqualTo(5); // D,C goes nowhere: C is out; D alone exhausts
        // 10 of 23 valid papers is not half, but it is more than the other remaining candidate's 8.
        assertThat(three.elected()).containsExactly(B);
        assertThat(rep.electedNames()).containsExactly("B");
        assertThat(rep.ties()).isEmpty();
    }

    @Test
    void r47_firstPreferenceVoidRejectsThePaper_aGapOrAnEqualRankingEndsThePreferences() {
        Contest contest = papers(
                paper(5, A), paper(4, B), paper(2, C, A),
                new Ballot(new int[][] {{D}, {C, A}, {B}}, 2),   // equal second preferences: D only
                new Ballot(new int[][] {{D}, {}, {A}}, 1),       // a skipped number: D only
                new Ballot(new int[][] {{D}, {D}, {A}}, 1),      // D named twice: D then A
                new Ballot(new int[][] {}, 1),
                new Ballot(new int[][] {{}, {A}}, 2),
                new Ballot(new int[][] {{A, B}, {C}}, 3));
        CountReport rep = av.count(contest, CountOptions.seats(1));
        assertThat(rep.ballots().valid()).isEqualTo(15);
        assertThat(rep.ballots().byReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                RejectionReason.UNMARKED_OR_UNCERTAIN, 1L, RejectionReason.NO_FIRST_PREFERENCE, 2L,
                RejectionReason.MULTIPLE_FIRST_PREFERENCES, 3L));
        // Stage 1: A 5, B 4, C 2, D 4. C out: 2 to A. Stage 2: A 7, B 4, D 4: B and D level, and were level
        // at stage 1 too, so the lot decides (seeded) ... use a supplied lot to make it certain.
        CountReport drawn = av.count(contest, CountOptions.seats(1).withLot(List.of("D")));
        assertThat(votes(drawn, 1)).containsExactly(5, 4, 2, 4);
        assertThat(votes(drawn, 2)).containsExactly(7, 4, 0, 4);
        assertThat(votes(drawn, 3)).containsExactly(8, 4, 0, 0);
        assertThat(drawn.stages().get(2).nonTransferable()).isEqualTo(3);
        assertThat(drawn.electedNames()).containsExactly("A");
        assertThat(drawn.ties()).singleElement().satisfies(t -> {
            assertThat(t.stage()).isEqualTo(2);
            assertThat(t.between()).containsExactly(B, D);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.chosen()).isEqualTo(D);
        });
    }

    @Test
    void r49_2_levelForFewest_afterAnElimination_theFewestFirstPreferencesGoes() {
        Contest contest = papers(paper(10, A), paper(9, B), paper(6, C, A), paper(3, D, C, B));
        CountReport rep = av.count(contest, CountOptions.seats(1));
        assertThat(votes(rep, 2)).containsExactly(10, 9, 9, 0);
        assertThat(rep.ties()).singleElement().satisfies(t -> {
            assertThat(t.stage()).isEqualTo(2);
            assertThat(t.between()).containsExactly(B, C);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.EARLIER_STAGE);
            assertThat(t.chosen()).isEqualTo(C);
        });
        assertThat(votes(rep, 3)).containsExactly(16, 12, 0, 0);
        assertThat(rep.electedNames()).containsExactly("A");
    }

    @Test
    void r49_3_levelAtTheFirstStage_byLot_thenR49A_levelPairDecidedByTheEarliestStageTheyDiffered() {
        Contest contest = papers(paper(5, A), paper(5, B), paper(2, C, A), paper(2, D, B));
        // Lot excludes D first: B 7, A 5, C 2; C out: A 7, B 7. Stage 1 level 5-5, stage 2 B 7 > A 5: B.
        CountReport d = av.count(contest, CountOptions.seats(1).withLot(List.of("D")));
        assertThat(votes(d, 3)).containsExactly(7, 7, 0, 0);
        assertThat(d.electedNames()).containsExactly("B");
        assertThat(d.ties()).hasSize(2);
        assertThat(d.ties().get(0)).satisfies(t -> {
            assertThat(t.between()).containsExactly(C, D);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.chosen()).isEqualTo(D);
        });
        assertThat(d.ties().get(1)).satisfies(t -> {
            assertThat(t.stage()).isEqualTo(3);
            assertThat(t.between()).containsExactly(A, B);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.EARLIER_STAGE);
            assertThat(t.chosen()).isEqualTo(B);
        });
        // The other draw mirrors it.
        CountReport c = av.count(contest, CountOptions.seats(1).withLot(List.of("C")));
        assertThat(c.electedNames()).containsExactly("A");
    }

    @Test
    void r49A_3_twoLevelThroughout_byLot_seededAndReproducible() {
        Contest contest = new Contest("T", ABCD.subList(0, 2), new Votes.Papers(List.of(paper(3, A), paper(3, B))));
        CountReport one = av.count(contest, CountOptions.seats(1).withSeed(99));
        assertThat(av.count(contest, CountOptions.seats(1).withSeed(99)).elected()).isEqualTo(one.elected());
        assertThat(one.ties()).singleElement().satisfies(t -> {
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.question()).contains("elected");
        });
        assertThat(av.count(contest, CountOptions.seats(1).withLot(List.of("B"))).electedNames()).containsExactly("B");
    }

    @Test
    void r49_narrowing_threeLevel_earlierStagesNarrowThemOneAtATime() {
        // E's 1 paper goes to D at stage 2, then B, C, D are level at 4.
        // Stage 1: B 4, C 4, D 3 -> D has the fewest at stage 1 and goes.
        List<Candidate> five = List.of(new Candidate("A", ""), new Candidate("B", ""), new Candidate("C", ""),
                new Candidate("D", ""), new Candidate("E", ""));
        Contest contest = new Contest("T", five, new Votes.Papers(List.of(paper(9, A), paper(4, B), paper(4, C),
                paper(3, D), paper(1, 4, D))));
        CountReport rep = av.count(contest, CountOptions.seats(1));
        assertThat(votes(rep, 2)).containsExactly(9, 4, 4, 4, 0);
        assertThat(rep.ties()).singleElement().satisfies(t -> {
            assertThat(t.between()).containsExactly(1, 2, 3);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.EARLIER_STAGE);
            assertThat(t.chosen()).isEqualTo(3);
        });
    }

    @Test
    void withdrawnCandidatesArePassedOver() {
        List<Candidate> cands = List.of(new Candidate("A", ""), new Candidate("B", ""), new Candidate("C", "", true));
        Contest contest = new Contest("T", cands, new Votes.Papers(List.of(paper(3, A), paper(2, B), paper(2, C, B),
                paper(1, C))));
        CountReport rep = av.count(contest, CountOptions.seats(1));
        assertThat(votes(rep, 1)).containsExactly(3, 4, 0);
        assertThat(rep.stages().get(0).nonTransferable()).isEqualTo(1);
        assertThat(rep.electedNames()).containsExactly("B");
    }

    @Test
    void totalsCannotBeCountedByAv() {
        Contest contest = new Contest("T", ABCD, new Votes.Tallies(new long[] {1, 2, 3, 4}));
        assertThatThrownBy(() -> av.count(contest, CountOptions.seats(1))).isInstanceOf(CountException.class);
    }
}
