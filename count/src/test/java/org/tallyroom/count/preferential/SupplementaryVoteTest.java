package org.tallyroom.count.preferential;

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
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/** Hand-worked supplementary vote counts; rule numbers are GLA Act 1999 Sch 2 Part I unless stated. */
class SupplementaryVoteTest {
    private static final int A = 0, B = 1, C = 2, D = 3;
    private static final List<Candidate> ABCD = List.of(new Candidate("A", "P"), new Candidate("B", "Q"),
            new Candidate("C", "R"), new Candidate("D", "S"));

    private final SupplementaryVote sv = new SupplementaryVote();

    /** A paper: each argument one rank, holding the candidates given (none = a skipped rank). */
    private static Ballot paper(long weight, int[]... ranks) {
        return new Ballot(ranks, weight);
    }

    private static int[] r(int... candidates) {
        return candidates;
    }

    private static Contest papers(Ballot... ballots) {
        return new Contest("T", ABCD, new Votes.Papers(List.of(ballots)));
    }

    @Test
    void para2_moreThanHalfOfTheFirstPreferences_isElectedAtTheFirstStage() {
        CountReport rep = sv.count(papers(paper(6, r(A), r(B)), paper(3, r(B)), paper(2, r(C), r(A))),
                CountOptions.seats(1));
        assertThat(rep.electedNames()).containsExactly("A");
        assertThat(rep.stages()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StageKind.FIRST_PREFERENCES);
            assertThat(s.votes()).containsExactly(6, 3, 2, 0);
        });
        assertThat(rep.ballots().valid()).isEqualTo(11);
    }

    @Test
    void para4_exactlyHalfIsNotAMajority_secondPreferencesDecide_andTheEqualityGoesToTheSuppliedLot() {
        // A 5, B 3, C 2 of 10: no one has more than half; C's two papers give B their second choice: 5-5.
        Contest contest = papers(paper(5, r(A)), paper(3, r(B)), paper(2, r(C), r(B)));
        CountReport rep = sv.count(contest, CountOptions.seats(1).withLot(List.of("D", "B", "A")));
        assertThat(rep.stages()).hasSize(2);
        assertThat(rep.stages().get(1).votes()).containsExactly(5, 5, 0, 0);
        assertThat(rep.electedNames()).containsExactly("B");
        assertThat(rep.ties()).singleElement().satisfies(t -> {
            assertThat(t.stage()).isEqualTo(2);
            assertThat(t.between()).containsExactly(A, B);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.chosen()).isEqualTo(B);
        });
        assertThat(sv.count(contest, CountOptions.seats(1).withLot(List.of("A"))).electedNames())
                .containsExactly("A");
    }

    @Test
    void para4_5_onlySecondChoicesForARemainingCandidateOnEliminatedPapersTransfer() {
        Contest contest = papers(
                paper(30, r(A)), paper(10, r(A), r(B)),            // A 40: a remaining candidate's papers never move
                paper(20, r(B), r(A)), paper(15, r(B)),            // B 35
                paper(5, r(C), r(A)), paper(7, r(C), r(B)),        // C 15: 5 to A, 7 to B,
                paper(1, r(C), r(C)), paper(2, r(C)),              //   1 same as first and 2 with none: lost
                paper(4, r(D), r(C)), paper(3, r(D), r(A)),        // D 10: C is eliminated too, so 4 lost; 3 to A
                paper(3, r(D), r(A, B)));                          //   two second choices: lost, first stands
        CountReport rep = sv.count(contest, CountOptions.seats(1));
        assertThat(rep.ballots().valid()).isEqualTo(100);
        assertThat(rep.ballots().rejected()).isZero();
        Stage first = rep.stages().get(0);
        assertThat(first.votes()).containsExactly(40, 35, 15, 10);
        assertThat(first.elected()).isEmpty();
        Stage second = rep.stages().get(1);
        assertThat(second.kind()).isEqualTo(StageKind.SECOND_PREFERENCES);
        assertThat(second.votes()).containsExactly(48, 42, 0, 0);
        assertThat(second.nonTransferable()).isEqualTo(10);
        assertThat(second.excluded()).containsExactly(C, D);
        assertThat(second.subject()).containsExactly(C, D);
        assertThat(second.candidateTotal() + second.nonTransferable()).isEqualTo(100);
        assertThat(rep.electedNames()).containsExactly("A");
        assertThat(rep.ties()).isEmpty();
    }

    @Test
    void r48_papersWithoutOneFirstPreferenceAreRejectedByReason_laterRanksAreIgnored() {
        Contest contest = papers(
                paper(4, r(A)), paper(3, r(B)), paper(2, r(C), r(), r(A)), // rank 3 is no second choice
                paper(1),                                                  // unmarked
                paper(2, r(), r(A)),                                       // a second choice only
                paper(3, r(A, B), r(C)));                                  // two first choices
        CountReport rep = sv.count(contest, CountOptions.seats(1));
        assertThat(rep.ballots().valid()).isEqualTo(9);
        assertThat(rep.ballots().byReason()).containsExactly(
                java.util.Map.entry(RejectionReason.UNMARKED_OR_UNCERTAIN, 1L),
                java.util.Map.entry(RejectionReason.NO_FIRST_PREFERENCE, 2L),
                java.util.Map.entry(RejectionReason.MULTIPLE_FIRST_PREFERENCES, 3L));
        assertThat(rep.stages().get(1).votes()).containsExactly(4, 3, 0, 0);
        assertThat(rep.stages().get(1).nonTransferable()).isEqualTo(2);
        assertThat(rep.electedNames()).containsExactly("A");
    }

    @Test
    void para4_3_everyCandidateLevelForSecondPlaceRemains_noLotIsDrawn() {
        Contest contest = papers(paper(10, r(A)), paper(6, r(B)), paper(6, r(C)), paper(2, r(D), r(B)),
                paper(1, r(D), r(C)));
        CountReport rep = sv.count(contest, CountOptions.seats(1));
        assertThat(rep.stages().get(0).note()).contains("3 candidates to remain");
        assertThat(rep.stages().get(1).excluded()).containsExactly(D);
        assertThat(rep.stages().get(1).votes()).containsExactly(10, 8, 7, 0);
        assertThat(rep.electedNames()).containsExactly("A");
        assertThat(rep.ties()).isEmpty();
    }

    @Test
    void para4_3_threeLevelAtTheTopAllRemain() {
        Contest contest = papers(paper(5, r(A)), paper(5, r(B)), paper(5, r(C)), paper(2, r(D), r(C)));
        CountReport rep = sv.count(contest, CountOptions.seats(1));
        assertThat(rep.stages().get(1).votes()).containsExactly(5, 5, 7, 0);
        assertThat(rep.electedNames()).containsExactly("C");
    }

    @Test
    void para4_8_finalEqualityBySeededLot_isReproducibleAndRecorded() {
        Contest contest = papers(paper(4, r(A)), paper(4, r(B)), paper(3, r(C)));
        CountReport one = sv.count(contest, CountOptions.seats(1).withSeed(7));
        CountReport two = sv.count(contest, CountOptions.seats(1).withSeed(7));
        assertThat(one.elected()).isEqualTo(two.elected());
        assertThat(one.ties()).singleElement().satisfies(t -> {
            assertThat(t.between()).containsExactly(A, B);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.chosen()).isEqualTo(one.elected().get(0));
        });
        List<Integer> winners = new ArrayList<>();
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            winners.add(sv.count(contest, CountOptions.seats(1).withSeed(seeds.nextLong())).elected().get(0));
        }
        assertThat(winners).contains(A, B);
        assertThat(one.seed()).isEqualTo(7);
    }

    @Test
    void twoCandidatesLevel_noOneIsEliminated_theLotDecidesAtTheFirstStage() {
        Contest contest = new Contest("T", ABCD.subList(0, 2), new Votes.Papers(List.of(paper(3, r(A)), paper(3, r(B)))));
        CountReport rep = sv.count(contest, CountOptions.seats(1).withLot(List.of("B")));
        assertThat(rep.stages()).hasSize(1);
        assertThat(rep.electedNames()).containsExactly("B");
        assertThat(rep.ties()).singleElement().extracting(Tie::stage).isEqualTo(1);
    }

    @Test
    void declaration_london2016_secondStageAddsTheDeclaredTransfers() {
        List<Candidate> cands = new ArrayList<>();
        String[] names = {"Khan", "Goldsmith", "Berry", "Pidgeon", "Whittle", "Walker", "Galloway", "Golding", "Harris",
            "Furness", "Zylinski", "Love"};
        for (String name : names) {
            cands.add(new Candidate(name, ""));
        }
        long[] first = {1_148_716, 909_755, 150_673, 120_005, 94_373, 53_055, 37_007, 31_372, 20_537, 13_325, 13_202,
            4_941};
        long[] second = new long[12];
        second[0] = 161_427;
        second[1] = 84_859;
        CountReport rep = sv.count(new Contest("Mayor of London 2016", cands, new Votes.SupplementaryTallies(first, second)),
                CountOptions.seats(1));
        Stage last = rep.lastStage();
        assertThat(last.votesOf(0)).isEqualTo(1_310_143);
        assertThat(last.votesOf(1)).isEqualTo(994_614);
        long eliminatedFirst = 150_673 + 120_005 + 94_373 + 53_055 + 37_007 + 31_372 + 20_537 + 13_325 + 13_202 + 4_941;
        assertThat(last.nonTransferable()).isEqualTo(eliminatedFirst - 161_427 - 84_859);
        assertThat(last.excluded()).hasSize(10);
        assertThat(rep.electedNames()).containsExactly("Khan");
    }

    @Test
    void declaration_secondPreferencesForAnEliminatedCandidate_cannotBeCounted() {
        Contest contest = new Contest("T", ABCD, new Votes.SupplementaryTallies(new long[] {5, 4, 3, 1},
                new long[] {1, 1, 2, 0}));
        assertThatThrownBy(() -> sv.count(contest, CountOptions.seats(1)))
                .isInstanceOf(CountException.class).hasMessageContaining("C, who does not remain");
    }

    @Test
    void plainTallies_cannotBeCountedBySupplementaryVote() {
        Contest contest = new Contest("T", ABCD, new Votes.Tallies(new long[] {5, 4, 3, 1}));
        assertThatThrownBy(() -> sv.count(contest, CountOptions.seats(1))).isInstanceOf(CountException.class);
    }
}
