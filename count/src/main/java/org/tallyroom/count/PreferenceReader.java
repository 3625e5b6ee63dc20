package org.tallyroom.count;

/**
 * How the marks on a ballot paper become the preferences a preferential count reads: the one place
 * every preferential method (AV, SV and the four STV counts) reads a paper.
 *
 * <p>{@link #STATUTORY} reads as the statutes do: rank by rank, each rank giving the one candidate it
 * names; reading stops at a rank naming nobody (a skipped number: AV's "preferences stop at a skipped
 * number", NI r.50(4), Scottish r.45 and 48, ERS97 5.1.2) or naming several (an equal ranking, void
 * for uncertainty from that point); a candidate already read is passed over, so the paper goes on to
 * its next preference. Candidates in {@code passOver} are read as if their names were not on the paper
 * (withdrawn candidates under the Scottish rules): a rank naming only them is passed over, and one
 * naming one of them and one other candidate gives the other.
 *
 * <p>It is an interface so that a test can substitute a deliberately wrong reading and check that the
 * differential tests catch it; the counts take {@link #STATUTORY} unless a test hands them another.
 */
@FunctionalInterface
public interface PreferenceReader {
    /** Returned when the first rank read names more than one candidate (a first preference for several). */
    int SEVERAL_FIRST = -1;

    /** The statutory reading described above. */
    PreferenceReader STATUTORY = PreferenceReader::statutory;

    /**
     * Writes the paper's usable preferences, in order, to {@code out[from]} onwards.
     *
     * @param ranks    read at most this many ranks (the supplementary vote reads two)
     * @param passOver candidates read as if not on the paper, or null
     * @param out      room for at least {@code min(ranks, paper.rankCount())} entries from {@code from}
     * @return how many preferences were written; 0 if the paper gives no first preference, or
     *         {@link #SEVERAL_FIRST} if its first rank read names several candidates
     */
    int read(Ballot paper, int ranks, boolean[] passOver, int[] out, int from);

    private static int statutory(Ballot paper, int ranks, boolean[] passOver, int[] out, int from) {
        int limit = Math.min(ranks, paper.rankCount());
        int len = 0;
        next:
        for (int r = 0; r < limit; r++) {
            int[] rank = paper.atRank(r);
            int chosen = -1;
            int named = 0;
            for (int c : rank) {
                if ((passOver == null || !passOver[c]) && c != chosen) {
                    named++;
                    chosen = c;
                }
            }
            if (named == 0) {
                if (rank.length == 0) {
                    break; // a skipped number
                }
                continue; // only candidates read as not on the paper
            }
            if (named > 1) {
                return len == 0 ? SEVERAL_FIRST : len; // an equal ranking
            }
            for (int i = from; i < from + len; i++) {
                if (out[i] == chosen) {
                    continue next; // named again
                }
            }
            out[from + len++] = chosen;
        }
        return len;
    }
}
