package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.BallotBox;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.MutatedReading;
import org.tallyroom.count.Stage;
import org.tallyroom.count.Votes;

/**
 * The bundled, scaled-long count against {@link ScottishStvReferenceCounter} (paper by paper,
 * BigDecimal) on thousands of seeded random elections: small ones, so ties, exact quotas,
 * exhausted papers and rule 52 come up often; some with withdrawn candidates, and papers with equal
 * rankings, skipped numbers and candidates numbered again, at the start or in the middle. The
 * reference reads papers with its own code; a deliberately wrong reading in the count
 * ({@link MutatedReading}) must be caught.
 */
class ScottishStvDifferentialTest {
    private static final int ELECTIONS = 4000;

    @Test
    void bundledCountEqualsPaperByPaperCount_onRandomElections() {
        int[] seen = new int[4];
        assertThat(firstMismatch(new ScottishStv(), seen)).isEmpty();
        int ties = seen[0];
        int lots = seen[1];
        int withTruncation = seen[2];
        System.out.printf("Scottish STV differential: %d elections identical; %d with ties (%d by lot), %d with"
                + " truncation loss, %d with papers spoilt in the middle%n", ELECTIONS, ties, lots, withTruncation,
                seen[3]);
        // The generator must actually reach the rules that matter, or the comparison proves little.
        assertThat(ties).isGreaterThan(ELECTIONS / 20);
        assertThat(lots).isGreaterThan(ELECTIONS / 100);
        assertThat(withTruncation).isGreaterThan(ELECTIONS / 4);
        assertThat(seen[3]).isGreaterThan(ELECTIONS / 4);
    }

    @Test
    void aWrongReadingOfThePapers_isCaught() {
        assertThat(firstMismatch(new ScottishStv(MutatedReading.SKIPS_EMPTY_RANKS), new int[4]))
                .as("stv-scotland with an empty rank skipped instead of ending the paper").isPresent();
    }

    /**
     * The first election on which the count and the reference disagree, described; empty if none.
     * {@code seen} counts elections with ties, lots, truncation loss and papers spoilt in the middle.
     */
    private static Optional<String> firstMismatch(ScottishStv count, int[] seen) {
        SplittableRandom random = new SplittableRandom(20070503);
        for (int e = 0; e < ELECTIONS; e++) {
            Contest contest = randomContest(random, e);
            CountOptions options = CountOptions.seats(0).withSeed(e);
            CountReport fast = count.count(contest, options);
            CountReport slow = ScottishStvReferenceCounter.count(contest, options);
            String where = "election " + e + " (" + contest.title() + "): " + ((Votes.Papers) contest.votes()).ballots();
            String fastView = describe(fast);
            String slowView = describe(slow);
            if (!fastView.equals(slowView)) {
                return Optional.of(where + "\ncount:\n" + fastView + "reference:\n" + slowView);
            }
            for (Stage a : fast.stages()) {
                assertThat(a.candidateTotal() + a.nonTransferable()).as(where + " stage " + a.number() + " balances")
                        .isEqualTo(fast.ballots().valid() * 100_000);
            }
            seen[0] += fast.ties().isEmpty() ? 0 : 1;
            seen[1] += fast.ties().stream().anyMatch(t -> t.resolvedBy() == org.tallyroom.count.Tie.Resolution.LOT)
                    ? 1 : 0;
            seen[2] += fast.lastStage().truncationLoss() > 0 ? 1 : 0;
            seen[3] += ((Votes.Papers) contest.votes()).ballots().stream()
                    .anyMatch(ScottishStvDifferentialTest::spoiltInTheMiddle) ? 1 : 0;
        }
        return Optional.empty();
    }

    /** Everything both counts must agree on: quota, paper account, winners, ties, every stage. */
    private static String describe(CountReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("quota ").append(r.quota()).append(' ').append(r.ballots()).append(" elected ").append(r.elected())
                .append(" ties ").append(r.ties()).append('\n');
        for (Stage a : r.stages()) {
            sb.append(a.number()).append(' ').append(a.kind()).append(' ').append(a.subject()).append(' ')
                    .append(Arrays.toString(a.votes())).append(" nt ").append(a.nonTransferable()).append(" loss ")
                    .append(a.truncationLoss()).append(" elected ").append(a.elected()).append(" excluded ")
                    .append(a.excluded()).append('\n');
        }
        return sb.toString();
    }

    private static boolean spoiltInTheMiddle(org.tallyroom.count.Ballot b) {
        for (int r = 1; r < b.rankCount() - 1; r++) {
            if (b.atRank(r).length != 1 || b.atRank(0).length == 1 && b.atRank(r)[0] == b.atRank(0)[0]) {
                return true;
            }
        }
        return false;
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
                int roll = random.nextInt(40);
                if (roll == 0 && r + 1 < len) {
                    ranks.add(new int[] {order[r], order[r + 1]});                 // an equal ranking
                    r++;
                } else if (roll == 1 && r > 0 && r + 1 < len) {
                    ranks.add(new int[0]);                                        // a skipped number
                } else if (roll == 2 && r > 0 && r + 1 < len) {
                    ranks.add(new int[] {order[0]});                              // numbered again
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
