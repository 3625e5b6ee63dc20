package org.tallyroom.count;

import java.util.Arrays;

/**
 * One distinct marking of a ballot paper and how many papers carry it.
 *
 * <p>{@code ranks[r]} holds the candidate indices (0-based into the contest's candidate list) given
 * rank {@code r + 1}. Usually each rank holds one candidate; an empty rank is a skipped number and a
 * rank with several candidates is an equal ranking or overvote. The readers keep those as marked and
 * the rules decide what they mean: a plurality count takes every mark on the paper, a preferential
 * count reads preferences up to the first gap or ambiguity, as its statute says.
 *
 * <p>Equality and hash are by content so identical papers bundle into one row.
 */
public final class Ballot {
    private static final int[][] NO_RANKS = new int[0][];

    private final int[][] ranks;
    private final long weight;
    private final int hash;

    public Ballot(int[][] ranks, long weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("ballot weight must be positive, was " + weight);
        }
        this.ranks = ranks.length == 0 ? NO_RANKS : ranks;
        this.weight = weight;
        this.hash = Arrays.deepHashCode(this.ranks);
    }

    /** A ballot with one candidate at each rank, in the order given. */
    public static Ballot ranking(long weight, int... candidatesInOrder) {
        int[][] ranks = new int[candidatesInOrder.length][];
        for (int i = 0; i < candidatesInOrder.length; i++) {
            ranks[i] = new int[] {candidatesInOrder[i]};
        }
        return new Ballot(ranks, weight);
    }

    /** Number of ranks marked, counting skipped ones before the last. */
    public int rankCount() {
        return ranks.length;
    }

    /** The candidates at rank {@code r + 1}; do not modify. */
    public int[] atRank(int r) {
        return ranks[r];
    }

    public long weight() {
        return weight;
    }

    /**
     * The usable preference order under preferential rules, as {@link PreferenceReader#STATUTORY} reads
     * it: rank by rank until a rank is empty or names more than one candidate; a candidate already named
     * is skipped. Returns an empty array if there is no usable first preference.
     */
    public int[] preferenceOrder() {
        int[] out = new int[ranks.length];
        int n = PreferenceReader.STATUTORY.read(this, ranks.length, null, out, 0);
        return n <= 0 ? new int[0] : n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Every distinct candidate marked anywhere on the paper, for plurality counts. */
    public int[] marks() {
        int total = 0;
        for (int[] rank : ranks) {
            total += rank.length;
        }
        int[] out = new int[total];
        int n = 0;
        for (int[] rank : ranks) {
            next:
            for (int c : rank) {
                for (int i = 0; i < n; i++) {
                    if (out[i] == c) {
                        continue next;
                    }
                }
                out[n++] = c;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** True where the marking is the same, whatever the weight. */
    public boolean sameMarking(Ballot other) {
        return hash == other.hash && Arrays.deepEquals(ranks, other.ranks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballot b && weight == b.weight && sameMarking(b);
    }

    @Override
    public int hashCode() {
        return hash * 31 + Long.hashCode(weight);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(weight).append(':');
        for (int[] rank : ranks) {
            sb.append(' ');
            if (rank.length == 0) {
                sb.append('-');
            }
            for (int i = 0; i < rank.length; i++) {
                sb.append(i == 0 ? "" : "=").append(rank[i] + 1);
            }
        }
        return sb.toString();
    }
}
