package org.tallyroom.analysis.irregularity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;

/**
 * Scottish STV (SSI 2007/42 Sch 1 rules 45-52): a sound sufficient bound on whether N more papers,
 * ranked in any way, could change who is elected. Finding the exact number is hard (the winner may
 * change through a different order of exclusions), so the check proves safety instead: it follows
 * the count's own stages and shows that N papers cannot alter any decision in it, so the count with
 * them makes the same decisions and elects the same candidates. Where it cannot show that, it names
 * the first stage whose decision N papers could alter; that is "not proven safe", not "changed".
 *
 * <p>The bound D is on the drift: the sum, over every paper, of how far its value could be from its
 * value in the declared count, the N new papers counting their whole value. While the decisions are
 * the same, every paper sits with the same candidate in both counts, so any candidate's total, and
 * the difference of any two, is within D of the declared figures.
 * <ul>
 *   <li>Stage 1: D = N (each new paper is worth 1).</li>
 *   <li>Exclusion (rule 50): papers move at the values they carry: D is unchanged.</li>
 *   <li>Surplus of a candidate with total T over quota q (rule 48: each paper's value times
 *       (T - q) / T, to 5 places): with the quota raised by at most dq (rule 46 with N more valid
 *       papers) and the candidate's papers drifting by d &lt;= D, the transfer ratio r' = 1 - q'/T'
 *       differs from r = 1 - q/T by at most (dq + d)/(T - d), and r' &lt;= 1 - q/(T + D). So the
 *       papers moved drift by at most r'·d + T(dq + d)/(T - d), in place of the d they carried, and
 *       truncating each paper's new value adds at most 0.00001 a paper: D grows to
 *       D - D·q/(T + D) + T(dq + D)/(T - D) + (valid + N)·0.00001, roughly D(1 + r) + dq.</li>
 * </ul>
 * Decisions checked after every stage: a candidate not elected stays below the quota (total + D &lt;
 * q); one elected stays at or above it (total - D &gt;= q + dq; strictly above where their surplus was
 * then transferred, so that it still exists); the surplus transferred was the largest waiting by more
 * than D (rule 49); the candidate excluded was lowest by more than D (rules 50-51). Equal figures are
 * never safe (they go to earlier stages, then lot).
 */
final class StvBound {
    private static final MathContext MC = new MathContext(34, RoundingMode.CEILING);

    private StvBound() {
    }

    static CountCheck check(CountReport r, long n) {
        List<Candidate> cands = r.candidates();
        int dp = r.decimals();
        long one = Fixed.scale(dp);
        long valid = r.ballots().valid();
        int seats = r.seats();
        List<String> why = new ArrayList<>();
        if (r.quota() == null || dp != 5) {
            return notProven(r, n, "The report has no quota at 5 decimal places: not a Scottish STV count.");
        }
        long q = r.quota();
        long quotaWithN = (Math.addExact(valid, n) / (seats + 1) + 1) * one;
        if (q != (valid / (seats + 1) + 1) * one) {
            return notProven(r, n, "The quota " + Fixed.format(q, dp) + " is not floor(valid / (seats + 1)) + 1.");
        }
        BigDecimal dq = BigDecimal.valueOf(quotaWithN - q);
        BigDecimal truncation = BigDecimal.valueOf(Math.addExact(valid, n)); // 0.00001 a paper, in scaled units
        BigDecimal d = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(one));
        why.add("Quota " + Fixed.format(q, dp) + "; with " + n + " more papers at most " + Fixed.format(quotaWithN, dp)
                + ". Stage 1: the papers affected add at most " + n + " to any candidate.");

        Set<Integer> elected = new HashSet<>();
        Set<Integer> excluded = new HashSet<>();
        Set<Integer> transferred = new HashSet<>();
        Set<Integer> surplusLater = new HashSet<>();
        for (Stage s : r.stages()) {
            if (s.kind() == StageKind.SURPLUS) {
                surplusLater.addAll(s.subject());
            }
        }
        long[] before = null;
        for (Stage s : r.stages()) {
            int t = s.number();
            if (s.kind() == StageKind.SURPLUS) {
                int e = s.subject().get(0);
                long total = before[e];
                long surplus = total - q;
                // Rule 49: this surplus was the largest waiting.
                for (int x : elected) {
                    if (x != e && !transferred.contains(x) && before[x] > q) {
                        long gap = surplus - (before[x] - q);
                        if (BigDecimal.valueOf(gap).compareTo(d) <= 0) {
                            return could(r, n, t, why, "Stage " + t + ": " + cands.get(e).name() + "'s surplus ("
                                    + Fixed.format(surplus, dp) + ") was transferred before " + cands.get(x).name()
                                    + "'s (" + Fixed.format(before[x] - q, dp) + "); the papers affected could move "
                                    + fmt(d, dp) + ", enough to change which goes first.");
                        }
                    }
                }
                BigDecimal tt = BigDecimal.valueOf(total);
                if (tt.compareTo(d) <= 0) {
                    return could(r, n, t, why, "Stage " + t + ": the drift " + fmt(d, dp) + " reaches "
                            + cands.get(e).name() + "'s whole total.");
                }
                BigDecimal qq = BigDecimal.valueOf(q);
                BigDecimal grown = d.subtract(d.multiply(qq).divide(tt.add(d), MC.getPrecision(), RoundingMode.FLOOR))
                        .add(tt.multiply(dq.add(d)).divide(tt.subtract(d), MC))
                        .add(truncation);
                why.add("Stage " + t + ": surplus of " + cands.get(e).name() + " (" + Fixed.format(surplus, dp)
                        + " of " + Fixed.format(total, dp) + "): the drift grows from " + fmt(d, dp) + " to at most "
                        + fmt(grown, dp) + ".");
                d = grown;
                transferred.add(e);
            } else if (s.kind() == StageKind.EXCLUSION) {
                for (int c : s.excluded()) {
                    for (int x = 0; x < cands.size(); x++) {
                        if (x == c || !continuing(x, cands, elected, excluded) || s.excluded().contains(x)) {
                            continue;
                        }
                        long gap = before[x] - before[c];
                        if (BigDecimal.valueOf(gap).compareTo(d) <= 0) {
                            return could(r, n, t, why, "Stage " + t + ": " + cands.get(c).name() + " ("
                                    + Fixed.format(before[c], dp) + ") was excluded, " + Fixed.format(gap, dp)
                                    + " below " + cands.get(x).name() + "; the papers affected could move "
                                    + fmt(d, dp) + ", enough to exclude another.");
                        }
                    }
                    excluded.add(c);
                }
                why.add("Stage " + t + ": exclusion of " + String.join(", ", s.excluded().stream()
                        .map(c -> cands.get(c).name()).toList()) + ", lowest by more than " + fmt(d, dp)
                        + "; papers move at their values, so the drift stays " + fmt(d, dp) + ".");
            } else if (s.kind() != StageKind.FIRST_PREFERENCES) {
                return notProven(r, n, "Stage " + t + " is a " + s.kind().id() + " stage, which the bound does not cover.");
            }
            // Rule 47 / 52: who reaches the quota at this stage, and who does not.
            boolean filled = elected.size() + s.elected().size() >= seats;
            for (int c = 0; c < cands.size(); c++) {
                if (!continuing(c, cands, elected, excluded)) {
                    continue;
                }
                BigDecimal v = BigDecimal.valueOf(s.votesOf(c));
                boolean electedNow = s.elected().contains(c);
                if (electedNow && s.votesOf(c) < q) {
                    continue; // rule 52: elected as the continuing candidates fill the vacancies left
                }
                if (electedNow) {
                    BigDecimal low = v.subtract(d);
                    BigDecimal need = BigDecimal.valueOf(q).add(dq);
                    int cmp = low.compareTo(need);
                    if (cmp < 0 || cmp == 0 && surplusLater.contains(c)) {
                        return could(r, n, t, why, "Stage " + t + ": " + cands.get(c).name() + " reached the quota with "
                                + Fixed.format(s.votesOf(c), dp) + "; the papers affected could move " + fmt(d, dp)
                                + " and raise the quota by " + fmt(dq, dp) + ", enough to leave them short"
                                + (cmp == 0 ? " of a surplus" : "") + ".");
                    }
                } else if (!filled && v.add(d).compareTo(BigDecimal.valueOf(q)) >= 0) {
                    return could(r, n, t, why, "Stage " + t + ": " + cands.get(c).name() + " has "
                            + Fixed.format(s.votesOf(c), dp) + ", within " + fmt(d, dp) + " of the quota "
                            + Fixed.format(q, dp) + ": the papers affected could elect them here.");
                }
            }
            elected.addAll(s.elected());
            before = s.votes();
        }
        why.add("At every stage each decision's margin exceeds what the papers affected could move: the count with "
                + n + " more papers makes the same decisions and elects the same candidates.");
        return new CountCheck(r.title(), r.method(), n, Outcome.CANNOT_CHANGE, 0, -1, why);
    }

    private static boolean continuing(int c, List<Candidate> cands, Set<Integer> elected, Set<Integer> excluded) {
        return !cands.get(c).withdrawn() && !elected.contains(c) && !excluded.contains(c);
    }

    private static String fmt(BigDecimal scaled, int dp) {
        return scaled.movePointLeft(dp).setScale(dp, RoundingMode.CEILING).toPlainString();
    }

    private static CountCheck could(CountReport r, long n, int stage, List<String> why, String step) {
        why.add(step);
        return new CountCheck(r.title(), r.method(), n, Outcome.COULD_DECIDE, stage, -1, why);
    }

    private static CountCheck notProven(CountReport r, long n, String step) {
        return new CountCheck(r.title(), r.method(), n, Outcome.NOT_PROVEN, 0, -1, List.of(step));
    }
}
