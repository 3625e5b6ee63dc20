package org.tallyroom.count.plurality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;
import org.junit.jupiter.api.Test;

class PluralityTest {
    private static final List<Candidate> ABCD = List.of(new Candidate("A", "X"), new Candidate("B", "Y"),
            new Candidate("C", "X"), new Candidate("D", "Z"));

    private static Ballot marks(long weight, int... cands) {
        int[][] ranks = new int[cands.length][];
        for (int i = 0; i < cands.length; i++) {
            ranks[i] = new int[] {cands[i]};
        }
        return new Ballot(ranks, weight);
    }

    @Test
    void blockVote_paperWithMoreVotesThanSeatsIsRejectedWhole_fewerIsValid() {
        Contest c = new Contest("W", ABCD, new Votes.Papers(List.of(
                marks(10, 0, 1), marks(4, 2), marks(3, 0, 1, 2), marks(2))));
        CountReport r = new BlockVote().count(c, CountOptions.seats(2));
        assertThat(r.ballots().valid()).isEqualTo(14);
        assertThat(r.ballots().byReason()).containsEntry(RejectionReason.TOO_MANY_VOTES, 3L)
                .containsEntry(RejectionReason.UNMARKED_OR_UNCERTAIN, 2L);
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.stages().get(0).votes()).containsExactly(10, 10, 4, 0);
        assertThat(r.ties()).isEmpty();
    }

    @Test
    void fptp_tieForTheSeat_isSettledByTheSuppliedLot() {
        Contest c = new Contest("T", ABCD, new Votes.Tallies(new long[] {5, 7, 7, 1}));
        CountReport r = new Fptp().count(c, CountOptions.seats(1).withLot(List.of("C")));
        assertThat(r.electedNames()).containsExactly("C");
        assertThat(r.ties()).singleElement().satisfies(t -> {
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.between()).containsExactly(1, 2);
        });
    }

    @Test
    void seededLotIsReproducible() {
        Contest c = new Contest("T", ABCD, new Votes.Tallies(new long[] {7, 7, 7, 7}));
        CountReport a = new BlockVote().count(c, CountOptions.seats(2).withSeed(42));
        CountReport b = new BlockVote().count(c, CountOptions.seats(2).withSeed(42));
        assertThat(a.elected()).isEqualTo(b.elected()).hasSize(2);
        assertThat(a.ties()).hasSize(2);
    }
}
