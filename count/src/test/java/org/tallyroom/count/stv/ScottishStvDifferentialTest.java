package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.BallotBox;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Stage;
import org.tallyroom.count.Votes;

/**
 * The bundled, scaled-long count against {@link ScottishStvReferenceCounter} (paper by paper,
 * BigDecimal) on thousands of seeded random elections: small ones, so ties, exact quotas,
 * exhausted papers and rule 52 come up often; some with withdrawn candidates and equal rankings.
 */
class ScottishStvDifferentialTest {
    private static final int ELECTIONS = 4000;

    @Test
    void bundledCountEqualsPaperByPaperCount_onRandomElections() {
        SplittableRandom random = new SplittableRandom(20070503);
        int ties = 0;
        int lots = 0;
        int withTruncation = 0;
        for (int e = 0; e < ELECTIONS; e++) {
            Contest contest = randomContest(random, e);
            CountOptions options = CountOptions.seats(0).withSeed(e);
            CountReport fast = new ScottishStv().count(contest, options);
            CountReport slow = ScottishStvReferenceCounter.count(contest, options);
            String where = "election " + e + " (" + contest.title() + ")";
            assertThat(fast.quota()).as(where).isEqualTo(slow.quota());
            assertThat(fast.ballots()).as(where).isEqualTo(slow.ballots());
            assertThat(fast.elected()).as(where).isEqualTo(slow.elected());
            assertThat(fast.ties()).as(where).isEqualTo(slow.ties());
            assertThat(fast.stages()).as(where).hasSameSizeAs(slow.stages());
            for (int s = 0; s < fast.stages().size(); s++) {
                Stage a = fast.stages().get(s);
                Stage b = slow.stages().get(s);
                String at = where + " stage " + (s + 1);
                assertThat(a.votes()).as(at).containsExactly(b.votes());
                assertThat(a.nonTransferable()).as(at).isEqualTo(b.nonTransferable());
                assertThat(a.truncationLoss()).as(at).isEqualTo(b.truncationLoss());
                assertThat(a.kind()).as(at).isEqualTo(b.kind());
                assertThat(a.subject()).as(at).isEqualTo(b.subject());
                assertThat(a.elected()).as(at).isEqualTo(b.elected());
                assertThat(a.excluded()).as(at).isEqualTo(b.excluded());
                assertThat(a.candidateTotal() + a.nonTransferable()).as(at + " balances")
                        .isEqualTo(fast.ballots().valid() * 100_000);
            }
            ties += fast.ties().isEmpty() ? 0 : 1;
            lots += fast.ties().stream().anyMatch(t -> t.resolvedBy() == org.tallyroom.count.Tie.Resolution.LOT) ? 1 : 0;
            withTruncation += fast.lastStage().truncationLoss() > 0 ? 1 : 0;
        }
        System.out.printf("Scottish STV differential: %d elections identical; %d with ties (%d by lot), %d with"
                + " truncation loss%n", ELECTIONS, ties, lots, withTruncation);
        // The generator must actually reach the rules that matter, or the comparison proves little.
        assertThat(ties).isGreaterThan(ELECTIONS / 20);
        assertThat(lots).isGreaterThan(ELECTIONS / 100);
        assertThat(withTruncation).isGreaterThan(ELECTIONS / 4);
    }

    static Contest randomContest(SplittableRandom random, int id) {
        int n = 2 + random.nextInt(8);
        boolean withdrawals = random.nextInt(8) == 0;
        List<Candidate> candidates = new ArrayList<>();
        int standing = 0;
        for (int c = 0; c < n; c++) {
            boolean out = withdrawals && c > 0 && random.nextInt(4) == 0;
            standing += out ? 0 : 1;
            candidates.add(new Candidate("C" + (c + 1), "", out));
        }
        int seats = 1 + random.nextInt(Math.min(standing, 5));
        // Popularity weights make surpluses likely; small counts make ties likely.
        int[] pull = new int[n];
        for (int c = 0; c < n; c++) {
            pull[c] = 1 + random.nextInt(10);
        }
        BallotBox box = new BallotBox();
        int papers = 1 + random.nextInt(random.nextBoolean() ? 40 : 400);
        for (int i = 0; i < papers; i++) {
            int len = i == 0 ? 1 : random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(n);
            int[] order = i == 0 ? new int[] {0} : drawOrder(random, pull, n); // one paper always valid
            List<int[]> ranks = new ArrayList<>();
            for (int r = 0; r < len; r++) {
                if (random.nextInt(40) == 0 && r + 1 < len) {
                    ranks.add(new int[] {order[r], order[r + 1]});
                    r++;
                } else {
                    ranks.add(new int[] {order[r]});
                }
            }
            box.add(ranks.toArray(new int[0][]), 1 + (random.nextInt(5) == 0 ? random.nextInt(5) : 0));
        }
        return new Contest("random-" + id, candidates, new Votes.Papers(box.ballots()), java.util.Map.of(), seats);
    }

    private static int[] drawOrder(SplittableRandom random, int[] pull, int n) {
        int[] order = new int[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int sum = 0;
            for (int c = 0; c < n; c++) {
                sum += used[c] ? 0 : pull[c];
            }
            int x = random.nextInt(sum);
            for (int c = 0; c < n; c++) {
                if (!used[c]) {
                    x -= pull[c];
                    if (x < 0) {
                        order[i] = c;
                        used[c] = true;
                        break;
                    }
                }
            }
        }
        return Arrays.copyOf(order, n);
    }
}
