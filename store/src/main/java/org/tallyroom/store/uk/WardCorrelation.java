package org.tallyroom.store.uk;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers the party of candidates whose results file names no party, from how their votes move ward by
 * ward with the votes of the party lists on the same wards' list ballot.
 *
 * <p>For each candidate and each list, the Pearson correlation of their vote shares across the wards
 * (each ward's candidate votes over its votes for all the candidates; likewise for the lists). A
 * candidate is given a party only where that list is the candidate's best-correlated list, the candidate
 * is that list's best-correlated candidate in the contest, and the correlation is at least
 * {@link #THRESHOLD}; otherwise none. This is an inference from the published figures, not a published
 * fact, and every use of it says so with the correlation found.
 *
 * <p>Arithmetic is in doubles: this is analysis of the figures, not a count, and nothing here decides
 * an election; the count still runs on exact integers.
 */
final class WardCorrelation {
    /** The least correlation accepted as naming the party. */
    static final double THRESHOLD = 0.95;

    /** A party inferred for one candidate: the list's index, or -1 for none, and the correlation with the best list. */
    record Inferred(int list, double correlation, int bestList) {
        boolean found() {
            return list >= 0;
        }
    }

    private WardCorrelation() {
    }

    /**
     * @param candidates votes per ward row, per candidate: {@code candidates[row][c]}
     * @param lists      votes per the same ward rows, per list: {@code lists[row][l]}
     */
    static List<Inferred> infer(long[][] candidates, long[][] lists) {
        if (candidates.length != lists.length || candidates.length < 3) {
            throw new IllegalArgumentException("need the same ward rows (at least 3) for candidates and lists");
        }
        double[][] cs = shares(candidates);
        double[][] ls = shares(lists);
        int nc = candidates[0].length;
        int nl = lists[0].length;
        double[][] r = new double[nc][nl];
        for (int c = 0; c < nc; c++) {
            for (int l = 0; l < nl; l++) {
                r[c][l] = pearson(column(cs, c), column(ls, l));
            }
        }
        List<Inferred> out = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            int best = 0;
            for (int l = 1; l < nl; l++) {
                if (r[c][l] > r[c][best]) {
                    best = l;
                }
            }
            boolean mutual = true;
            for (int other = 0; other < nc; other++) {
                if (other != c && r[other][best] >= r[c][best]) {
                    mutual = false;
                }
            }
            boolean accepted = mutual && r[c][best] >= THRESHOLD;
            out.add(new Inferred(accepted ? best : -1, r[c][best], best));
        }
        return out;
    }

    private static double[][] shares(long[][] votes) {
        double[][] out = new double[votes.length][];
        for (int i = 0; i < votes.length; i++) {
            long total = 0;
            for (long v : votes[i]) {
                total += v;
            }
            out[i] = new double[votes[i].length];
            for (int j = 0; j < votes[i].length; j++) {
                out[i][j] = total == 0 ? 0 : (double) votes[i][j] / total;
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][j];
        }
        return out;
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
