package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.BallotBox;

class BallotBundlesTest {
    @Test
    void identicalMarkingsBundleInFirstSeenOrder_weightsAdd() {
        BallotBundles bundles = new BallotBundles(4);
        assertThat(bundles.add(new int[] {2, 1}, 2, 1)).isTrue();
        assertThat(bundles.add(new int[] {1, 2}, 2, 3)).isTrue();
        assertThat(bundles.add(new int[] {2, 1}, 2, 5)).isTrue();
        assertThat(bundles.add(new int[] {2}, 1, 1)).isTrue();
        assertThat(bundles.ballots()).extracting(Ballot::toString).containsExactly("6: 2 1", "3: 1 2", "1: 2");
    }

    @Test
    void equalRanksSkippedRanksAndEmptyPapersKeepTheirShape() {
        BallotBundles bundles = new BallotBundles(5);
        bundles.add(new int[] {3, -1, 0, 5}, 4, 1); // 3=1, a skipped number, then 5
        bundles.add(new int[] {1, -3}, 2, 1); // 1=3 is another marking than 3=1
        bundles.add(new int[0], 0, 2);
        assertThat(bundles.ballots()).extracting(Ballot::toString).containsExactly("1: 3=1 - 5", "1: 1=3", "2:");
    }

    @Test
    void rankPerCandidate_isTheSameMarkingAsRankOrder() {
        BallotBundles bundles = new BallotBundles(4);
        bundles.addByCandidate(new int[] {2, 0, 1, 0}, 1); // C first, A second
        bundles.add(new int[] {3, 1}, 2, 1);
        bundles.addByCandidate(new int[] {1, 3, 1, 0}, 1); // A=C first, a skipped second, B third
        bundles.add(new int[] {1, -3, 0, 2}, 4, 1);
        bundles.addByCandidate(new int[] {0, 0, 0, 0}, 1);
        assertThat(bundles.ballots()).extracting(Ballot::toString).containsExactly("2: 3 1", "2: 1=3 - 2", "1:");
    }

    @Test
    void refusesPapersPastTwoToTheSixtyThird() {
        BallotBundles bundles = new BallotBundles(2);
        assertThat(bundles.add(new int[] {1}, 1, Long.MAX_VALUE - 1)).isTrue();
        assertThat(bundles.add(new int[] {2}, 1, 1)).isTrue();
        assertThat(bundles.add(new int[] {1}, 1, 1)).isFalse();
        assertThat(bundles.ballots()).extracting(Ballot::weight).containsExactly(Long.MAX_VALUE - 1, 1L);
    }

    /** Differential: the same random papers through a BallotBox give the same bundles in the same order. */
    @Test
    void bundlesAsABallotBoxDoes_onRandomPapers() {
        SplittableRandom random = new SplittableRandom(20_240_611);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(round < 10 ? 6 : 300);
            BallotBundles bundles = new BallotBundles(n);
            BallotBox box = new BallotBox();
            int papers = 1 + random.nextInt(3000);
            for (int p = 0; p < papers; p++) {
                long weight = 1 + random.nextInt(random.nextBoolean() ? 1 : 1000);
                if (random.nextBoolean()) {
                    int[] rankOf = new int[n];
                    for (int c = 0; c < n; c++) {
                        rankOf[c] = random.nextInt(4) == 0 ? 1 + random.nextInt(Math.min(n, 6)) : 0;
                    }
                    bundles.addByCandidate(rankOf, weight);
                    box.add(ranksByCandidate(rankOf), weight);
                } else {
                    int length = random.nextInt(8);
                    int[] code = new int[length];
                    for (int k = 0; k < length; k++) {
                        int c = 1 + random.nextInt(Math.min(n, 5));
                        code[k] = k > 0 && code[k - 1] != 0 && random.nextInt(6) == 0 ? -c : random.nextInt(12) == 0 ? 0 : c;
                    }
                    bundles.add(code, length, weight);
                    box.add(ranksOf(code, length), weight);
                }
            }
            assertThat(bundles.ballots()).as("round %d", round).containsExactlyElementsOf(box.ballots());
        }
    }

    /** The ranks a rank-per-candidate row means, built the plain way. */
    private static int[][] ranksByCandidate(int[] rankOf) {
        int max = 0;
        for (int r : rankOf) {
            max = Math.max(max, r);
        }
        int[][] ranks = new int[max][];
        for (int r = 1; r <= max; r++) {
            List<Integer> at = new ArrayList<>();
            for (int c = 0; c < rankOf.length; c++) {
                if (rankOf[c] == r) {
                    at.add(c);
                }
            }
            ranks[r - 1] = at.stream().mapToInt(Integer::intValue).toArray();
        }
        return ranks;
    }

    /** The ranks an encoded marking means, built the plain way. */
    private static int[][] ranksOf(int[] code, int length) {
        List<List<Integer>> ranks = new ArrayList<>();
        for (int k = 0; k < length; k++) {
            int x = code[k];
            if (x < 0) {
                ranks.get(ranks.size() - 1).add(-x - 1);
            } else {
                List<Integer> rank = new ArrayList<>();
                if (x > 0) {
                    rank.add(x - 1);
                }
                ranks.add(rank);
            }
        }
        return ranks.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
