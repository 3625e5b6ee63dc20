package org.tallyroom.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the differential tests' references read a ballot paper: written here, apart from the counts'
 * {@link PreferenceReader}, from the statutes' own words. A paper is read figure by figure: the
 * candidate marked 1 is the first preference, the one marked 2 the next, and so on; reading stops
 * where no candidate bears the next figure, or where several do (void for uncertainty from there);
 * a candidate who already has a preference keeps their first one. Candidates in {@code notOnPaper}
 * are read as if their names were not printed (Scottish withdrawals); the other references strike
 * withdrawn candidates out afterwards, as their rules say.
 */
public final class ReferencePaperReading {
    private ReferencePaperReading() {
    }

    /**
     * @param preferences  the preferences read, in order
     * @param severalFirst true when the paper's first figure read was given to more than one candidate
     */
    public record Read(List<Integer> preferences, boolean severalFirst) {
        public int[] toArray() {
            return preferences.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Reads the marks of {@code figures[k]} (the candidates marked k + 1), at most {@code lastFigure} of them. */
    public static Read read(int[][] figures, Set<Integer> notOnPaper, int lastFigure) {
        List<Integer> preferences = new ArrayList<>();
        for (int figure = 1; figure <= lastFigure && figure <= figures.length; figure++) {
            int[] marked = figures[figure - 1];
            if (marked.length == 0) {
                return new Read(preferences, false);
            }
            Set<Integer> named = new TreeSet<>();
            for (int c : marked) {
                if (!notOnPaper.contains(c)) {
                    named.add(c);
                }
            }
            if (named.size() > 1) {
                return new Read(preferences, preferences.isEmpty());
            }
            if (named.size() == 1 && !preferences.contains(named.iterator().next())) {
                preferences.add(named.iterator().next());
            }
        }
        return new Read(preferences, false);
    }

    /** Every figure on a ballot, as the ballot holds them (the marks only; no reading). */
    public static int[][] figures(Ballot b) {
        int[][] out = new int[b.rankCount()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = b.atRank(r).clone();
        }
        return out;
    }
}
