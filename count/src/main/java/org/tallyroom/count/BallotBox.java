package org.tallyroom.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects ballot papers and bundles identical markings into one row with a weight, so memory
 * grows with the number of distinct papers, not with all papers. For callers that build papers in
 * code; the file readers bundle with their own flat table (io's {@code BallotBundles}), which
 * allocates nothing per repeated paper. Real contests
 * shrink five to ten times; party-ticket voting far more.
 *
 * <p>Not thread-safe: one reader fills one box.
 */
public final class BallotBox {
    /**
     * A marking as a key: equality on content, hash computed once. The hash mixes every candidate
     * number and rank boundary through a multiply-xorshift: {@code Arrays.deepHashCode} maps many short
     * rankings of a few hundred candidates to the same value (31a + b = 31(a+1) + (b-31)), which turns a
     * multi-million-paper file's lookups into collision chains.
     */
    private record Key(int[][] ranks, int hash) {
        static Key of(int[][] ranks) {
            long h = 0x9E37_79B9_7F4A_7C15L;
            for (int[] rank : ranks) {
                h = (h ^ (rank.length + 0x51_7CC1L)) * 0xFF51_AFD7_ED55_8CCDL;
                for (int c : rank) {
                    h = (h ^ c) * 0xC4CE_B9FE_1A85_EC53L;
                    h ^= h >>> 29;
                }
            }
            h ^= h >>> 32;
            return new Key(ranks, (int) h);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.deepEquals(k.ranks, ranks);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, long[]> weights = new HashMap<>();
    private final List<Key> order = new ArrayList<>();
    private long papers;

    /** Adds {@code weight} papers marked {@code ranks}; the array is kept, so pass a fresh one. */
    public void add(int[][] ranks, long weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("ballot weight must be positive, was " + weight);
        }
        Key key = Key.of(ranks);
        long[] fresh = new long[] {weight};
        long[] w = weights.putIfAbsent(key, fresh);
        if (w == null) {
            order.add(key);
        } else {
            w[0] = Math.addExact(w[0], weight);
        }
        papers = Math.addExact(papers, weight);
    }

    public void add(Ballot ballot) {
        int[][] ranks = new int[ballot.rankCount()][];
        for (int r = 0; r < ranks.length; r++) {
            ranks[r] = ballot.atRank(r);
        }
        add(ranks, ballot.weight());
    }

    /** Papers added so far, counting weights. */
    public long papers() {
        return papers;
    }

    public int distinct() {
        return order.size();
    }

    /** The bundles in the order each marking was first seen (so reports are reproducible). */
    public List<Ballot> ballots() {
        List<Ballot> out = new ArrayList<>(order.size());
        for (Key key : order) {
            out.add(new Ballot(key.ranks, weights.get(key)[0]));
        }
        return List.copyOf(out);
    }
}
