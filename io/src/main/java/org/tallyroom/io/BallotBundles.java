package org.tallyroom.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tallyroom.count.Ballot;

/**
 * Identical ballot papers counted once, as the readers scan them, before any {@link Ballot} is built:
 * the papers of a large file repeat a few markings many times over (a five-million-paper senate file
 * has under two million distinct ones), so a repeated paper should cost a hash and a comparison and
 * allocate nothing. Used by {@link BltReader} and {@link BallotsCsv}.
 *
 * <p>A marking is encoded as a short int sequence, rank by rank: {@code c + 1} opens the next rank
 * with candidate {@code c} (0-based), {@code -(c + 1)} puts candidate {@code c} in the same rank as
 * the one before it (an equal ranking, kept in the order marked), and {@code 0} is a rank left empty
 * (a skipped number). The encoding is one-to-one with the ranks a {@link Ballot} holds, so two papers
 * bundle here exactly when their ballots would be equal markings.
 *
 * <p>Distinct markings are appended to one flat int array as {@code [length, weight high, weight low,
 * code...]}, so the bundles come out in the order first seen (reports are reproducible) and memory
 * grows with the distinct markings. They are found again through an open-addressing table of longs,
 * each holding a marking's 32-bit hash and its place in the array: a lookup reads the table and, on
 * a matching hash, the one place in the array where that marking's length, weight and code sit
 * together.
 *
 * <p>Not thread-safe: one reader fills one table.
 */
final class BallotBundles {
    private static final int HEADER = 3;
    private static final int[] EMPTY_RANK = new int[0];

    private final int candidates;
    private final int[][] singles;
    private int[] pool = new int[1024];
    private int used;
    private long[] slots = new long[256]; // (hash << 32) | (place in pool + 1); 0 = empty
    private int distinct;
    private long papers;

    // Scratch for addByCandidate.
    private final int[] perRank;
    private final int[] next;
    private final int[] code;

    /** A table for markings of candidates numbered 0 to {@code candidates - 1}. */
    BallotBundles(int candidates) {
        this.candidates = candidates;
        this.singles = new int[candidates][];
        this.perRank = new int[candidates + 1];
        this.next = new int[candidates + 1];
        this.code = new int[2 * candidates];
    }

    /**
     * Adds {@code weight} papers marked as {@code code[0, length)} encodes (see the class comment);
     * false, adding nothing, if the papers in the table would then pass 2^63 - 1.
     */
    boolean add(int[] code, int length, long weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("ballot weight must be positive, was " + weight);
        }
        long total = papers + weight;
        if (total < 0) {
            return false;
        }
        int h = hash(code, length);
        int mask = slots.length - 1;
        int i = h & mask;
        for (long slot = slots[i]; slot != 0; slot = slots[i = (i + 1) & mask]) {
            if ((int) (slot >>> 32) == h) {
                int at = (int) slot - 1;
                if (pool[at] == length && Arrays.equals(pool, at + HEADER, at + HEADER + length, code, 0, length)) {
                    long w = ((long) pool[at + 1] << 32 | pool[at + 2] & 0xFFFF_FFFFL) + weight;
                    pool[at + 1] = (int) (w >>> 32);
                    pool[at + 2] = (int) w;
                    papers = total;
                    return true;
                }
            }
        }
        int at = used;
        if (at + HEADER + length > pool.length) {
            grow(at + HEADER + length);
        }
        pool[at] = length;
        pool[at + 1] = (int) (weight >>> 32);
        pool[at + 2] = (int) weight;
        System.arraycopy(code, 0, pool, at + HEADER, length);
        used = at + HEADER + length;
        slots[i] = (long) h << 32 | (at + 1L);
        papers = total;
        if (++distinct * 2 > slots.length) {
            rehash();
        }
        return true;
    }

    /**
     * Adds {@code weight} papers given as the rank per candidate ({@code rankOf[c]} from 1, or 0 for
     * none): ranks in order, candidates sharing a rank in candidate order, numbers skipped below the
     * highest as empty ranks. False as for {@link #add}.
     */
    boolean addByCandidate(int[] rankOf, long weight) {
        // One pass puts each candidate at its rank; only a rank shared by two candidates needs the
        // second, counting pass. perRank holds candidate + 1 at each rank, reset as it is read.
        int maxRank = 0;
        boolean shared = false;
        for (int c = 0; c < candidates; c++) {
            int r = rankOf[c];
            if (r > 0) {
                shared |= perRank[r] != 0;
                perRank[r] = c + 1;
                maxRank = Math.max(maxRank, r);
            }
        }
        if (!shared) {
            for (int r = 1; r <= maxRank; r++) {
                code[r - 1] = perRank[r];
                perRank[r] = 0;
            }
            return add(code, maxRank, weight);
        }
        Arrays.fill(perRank, 0);
        for (int c = 0; c < candidates; c++) {
            perRank[rankOf[c]]++;
        }
        int length = 0;
        for (int r = 1; r <= maxRank; r++) {
            int count = perRank[r];
            perRank[r] = length; // from here on, where rank r starts
            next[r] = length;
            code[length] = 0; // stays 0 if the rank is empty
            length += Math.max(1, count);
        }
        for (int c = 0; c < candidates; c++) {
            int r = rankOf[c];
            if (r > 0) {
                int at = next[r]++;
                code[at] = at == perRank[r] ? c + 1 : -(c + 1);
            }
        }
        Arrays.fill(perRank, 0);
        return add(code, length, weight);
    }

    /**
     * The bundles as ballots, in the order each marking was first seen. A rank of one candidate shares
     * one array per candidate, as {@link Ballot#atRank} is not to be modified.
     */
    List<Ballot> ballots() {
        List<Ballot> out = new ArrayList<>(distinct);
        int at = 0;
        while (at < used) {
            int length = pool[at];
            long weight = (long) pool[at + 1] << 32 | pool[at + 2] & 0xFFFF_FFFFL;
            int from = at + HEADER;
            int to = from + length;
            int rankCount = 0;
            for (int k = from; k < to; k++) {
                if (pool[k] >= 0) {
                    rankCount++;
                }
            }
            int[][] ranks = new int[rankCount][];
            int r = 0;
            int k = from;
            while (k < to) {
                int first = pool[k];
                int j = k + 1;
                while (j < to && pool[j] < 0) {
                    j++;
                }
                if (first == 0) {
                    ranks[r++] = EMPTY_RANK;
                } else if (j - k == 1) {
                    ranks[r++] = single(first - 1);
                } else {
                    int[] rank = new int[j - k];
                    rank[0] = first - 1;
                    for (int m = k + 1; m < j; m++) {
                        rank[m - k] = -pool[m] - 1;
                    }
                    ranks[r++] = rank;
                }
                k = j;
            }
            out.add(new Ballot(ranks, weight));
            at = to;
        }
        return out;
    }

    private int[] single(int c) {
        int[] s = singles[c];
        if (s == null) {
            s = new int[] {c};
            singles[c] = s;
        }
        return s;
    }

    /**
     * A polynomial in a large odd 64-bit multiplier, mixed down to 32 bits at the end: each code costs
     * one add and one multiply. A small multiplier such as {@code 31h + x} would map many short
     * rankings of a few hundred candidates to the same value (31a + b = 31(a + 1) + (b - 31)) and turn
     * lookups into collision chains.
     */
    private static int hash(int[] code, int length) {
        long h = length;
        for (int k = 0; k < length; k++) {
            h = (h + code[k]) * 0x9E37_79B9_7F4A_7C15L;
        }
        h = (h ^ h >>> 32) * 0xFF51_AFD7_ED55_8CCDL;
        return (int) (h ^ h >>> 29);
    }

    private void grow(int needed) {
        long size = Math.max((long) pool.length * 2, needed);
        if (size > Integer.MAX_VALUE - 8) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("more distinct ballot markings than one table holds");
            }
            size = Integer.MAX_VALUE - 8;
        }
        pool = Arrays.copyOf(pool, (int) size);
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }
}
