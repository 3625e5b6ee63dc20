package org.tallyroom.count.stv;

import java.util.Arrays;

/**
 * The papers of a Meek count grouped by how far clause 10 can take them: a tree whose paths are the
 * papers' continuing preferences (excluded candidates struck out) up to and including the first
 * hopeful candidate. Clause 10 gives a hopeful candidate (keep value 1) everything that reaches
 * them, so what a paper does depends only on that path, and every paper on the same path is dealt
 * with identically, rounding and all. One iteration then walks the tree once, crediting each node's
 * candidate with the node's value times the papers passing through it, instead of walking every
 * distinct marking: on a five-million-paper senate-sized count the 1.9 million markings come down to
 * a few thousand live nodes.
 *
 * <p>Which node a paper ends at changes only when its hopeful candidate stops being hopeful. Each
 * hopeful candidate keeps the pile of rows (distinct markings, {@link RankedPaperRows}) ending at
 * them; when that candidate is elected the pile moves on past them to each row's next hopeful, and
 * when excluded, it moves on from the parent node. Every row moves at most once per preference, so
 * keeping the tree costs about as much as reading the papers once.
 *
 * <p>A node's children always have larger numbers than the node, so one pass in number order is a
 * walk from the root down. Nodes whose papers have all moved on are dropped from that pass.
 */
final class MeekPaperTree {
    private static final byte HOPEFUL = MeekStv.HOPEFUL;
    private static final byte EXCLUDED = MeekStv.EXCLUDED;

    private static final long ONE = MeekStv.ONE;

    private final int[] prefs;
    /** The count's candidate states, read when papers move on. */
    private final byte[] state;
    /** Candidates no longer hopeful whose papers have not yet moved on. */
    private final int[] pending;
    private int pendingSize;
    /** Per hopeful candidate: the rows ending at them. */
    private final Pile[] pile;

    private int nodes = 1;
    private int[] parent = new int[1024];
    private int[] cand = new int[1024];
    /** Weight of the papers ending at each node. */
    private long[] ending = new long[1024];
    private long[] keys = new long[2048];
    private int[] slots = new int[2048];

    /** The pass for an iteration: live nodes in order, with the papers passing through each. */
    private int[] live;
    private long[] through;
    private long[] value;
    private boolean stale = true;

    MeekPaperTree(RankedPaperRows p, byte[] state) {
        this.prefs = p.prefs;
        this.state = state;
        this.pending = new int[p.candidates];
        this.pile = new Pile[p.candidates];
        Arrays.fill(keys, -1);
        int[] first = new int[p.candidates];
        for (int r = 0; r < p.rows; r++) {
            first[prefs[p.start[r]]]++;
        }
        for (int c = 0; c < p.candidates; c++) {
            pile[c] = new Pile(first[c]);
        }
        for (int r = 0; r < p.rows; r++) {
            int i = p.start[r];
            int c = prefs[i];
            int node = child(0, c);
            ending[node] += p.weight[r];
            pile[c].add(i, p.start[r + 1], node, p.weight[r]);
        }
    }

    /**
     * Records that {@code c} is no longer hopeful: the papers ending at them move on before the next
     * distribution (not at once, so that none move after the count is complete).
     */
    void moveOn(int c) {
        pending[pendingSize++] = c;
    }

    /**
     * Moves on the papers ending at {@code c}: past them if elected, from their parent node if
     * excluded, to the next hopeful candidate on each paper or to the end of its preferences. The
     * order in which pending candidates are dealt with does not matter: a paper never joins the pile
     * of a candidate who is not hopeful.
     */
    private void movePile(int c) {
        Pile from = pile[c];
        pile[c] = new Pile(0);
        boolean excluded = state[c] == EXCLUDED;
        for (int j = 0; j < from.size; j++) {
            int node = from.node[j];
            long w = from.weight[j];
            ending[node] -= w;
            if (excluded) {
                node = parent[node];
            }
            int i = from.pos[j] + 1;
            int end = from.end[j];
            while (i < end) {
                int d = prefs[i];
                if (state[d] != EXCLUDED) {
                    node = child(node, d);
                    if (state[d] == HOPEFUL) {
                        pile[d].add(i, end, node, w);
                        break;
                    }
                }
                i++;
            }
            ending[node] += w;
        }
        stale = true;
    }

    /**
     * Clause 10 for every paper at the given keep values: adds each candidate's votes into {@code votes}
     * (which must be zero) and returns the value left on exhausted papers.
     */
    long distribute(long[] keep, long[] votes) {
        for (int j = 0; j < pendingSize; j++) {
            movePile(pending[j]);
        }
        pendingSize = 0;
        if (stale) {
            preparePass();
        }
        long[] val = value;
        val[0] = ONE;
        long left = ONE * ending[0];
        for (int j = 0, m = live.length; j < m; j++) {
            int node = live[j];
            long in = val[parent[node]];
            if (in == 0) {
                val[node] = 0;
                continue;
            }
            int c = cand[node];
            long k = keep[c];
            long out;
            if (k == ONE) {
                votes[c] += in * through[node];
                out = 0;
            } else {
                votes[c] += MeekStv.ceilMul(in, k) * through[node];
                out = MeekStv.ceilMul(in, ONE - k);
            }
            val[node] = out;
            left += out * ending[node];
        }
        return left;
    }

    private void preparePass() {
        long[] t = Arrays.copyOf(ending, nodes);
        for (int i = nodes - 1; i > 0; i--) {
            t[parent[i]] += t[i];
        }
        int m = 0;
        for (int i = 1; i < nodes; i++) {
            m += t[i] > 0 ? 1 : 0;
        }
        int[] l = new int[m];
        m = 0;
        for (int i = 1; i < nodes; i++) {
            if (t[i] > 0) {
                l[m++] = i;
            }
        }
        live = l;
        through = t;
        value = new long[nodes];
        stale = false;
    }

    /**
     * The rows ending at one hopeful candidate, each as where it ends in {@code prefs}, where its
     * preferences end, its node and its weight: everything a move needs, read in order.
     */
    private static final class Pile {
        int size;
        int[] pos;
        int[] end;
        int[] node;
        long[] weight;

        Pile(int capacity) {
            pos = new int[capacity];
            end = new int[capacity];
            node = new int[capacity];
            weight = new long[capacity];
        }

        void add(int i, int e, int n, long w) {
            if (size == pos.length) {
                int cap = Math.max(16, size * 2);
                pos = Arrays.copyOf(pos, cap);
                end = Arrays.copyOf(end, cap);
                node = Arrays.copyOf(node, cap);
                weight = Arrays.copyOf(weight, cap);
            }
            pos[size] = i;
            end[size] = e;
            node[size] = n;
            weight[size++] = w;
        }
    }

    /** The node for candidate c below {@code node}, made if new (open addressing on (node, c)). */
    private int child(int node, int c) {
        long key = (long) node << 32 | c;
        int mask = keys.length - 1;
        int h = (int) (mix(key) & mask);
        while (keys[h] != -1) {
            if (keys[h] == key) {
                return slots[h];
            }
            h = (h + 1) & mask;
        }
        if (nodes == parent.length) {
            parent = Arrays.copyOf(parent, nodes * 2);
            cand = Arrays.copyOf(cand, nodes * 2);
            ending = Arrays.copyOf(ending, nodes * 2);
        }
        int made = nodes++;
        parent[made] = node;
        cand[made] = c;
        keys[h] = key;
        slots[h] = made;
        if (nodes * 2 > keys.length) {
            rehash();
        }
        return made;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != -1) {
                int h = (int) (mix(oldKeys[j]) & mask);
                while (keys[h] != -1) {
                    h = (h + 1) & mask;
                }
                keys[h] = oldKeys[j];
                slots[h] = oldSlots[j];
            }
        }
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        return x ^ (x >>> 33);
    }
}
