package org.tallyroom.analysis.irregularity;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Stage;

/**
 * The supplementary vote (GLA Act 1999 Sch 2 para 4; Local Government Act 2000 Sch 2): could N more
 * papers, marked in any way, have changed who is returned? Each paper adds one first choice and at
 * most one second choice. The reasoning, stage by stage:
 *
 * <ol>
 *   <li>Outright majority (more than half the first choices): the winner W keeps it whatever N papers
 *       say exactly when N &lt; 2·first(W) − valid; otherwise N papers could decide stage 1, and the
 *       check proves nothing further.</li>
 *   <li>Who stays in (the top two and everyone level with the second): a candidate c left out could
 *       be brought level with the lowest of those who stayed, s, by s − first(c) papers; a candidate x
 *       who stayed is put out only when two others pass first(x), which costs the two cheapest
 *       max(0, first(x) + 1 − first(y)); another candidate could win outright with valid − 2·first(c) + 1
 *       papers. If N reaches any of these, N papers could decide stage 1 (not proven safe).</li>
 *   <li>Otherwise the candidates who stay are the same whatever the N papers say, and each can gain at
 *       most N in the second round while the winner loses nothing: the result could change exactly
 *       when N reaches the winner's second-round margin over another who stayed (at the margin, a tie
 *       settled by lot).</li>
 * </ol>
 * So "cannot change" is proven, and a could-change at stage 2 is exact; at stage 1 it is a bound.
 */
final class SvBound {
    private SvBound() {
    }

    static CountCheck check(CountReport r, long n) {
        List<String> why = new ArrayList<>();
        List<Candidate> cands = r.candidates();
        long[] first = r.stages().get(0).votes();
        long valid = 0;
        for (long f : first) {
            valid += f;
        }
        int k = cands.size();
        if (r.elected().isEmpty() || k < 2) {
            return new CountCheck(r.title(), r.method(), n, Outcome.UNCONTESTED, 0, -1, List.of("No candidate was defeated."));
        }
        int w = r.elected().get(0);
        String wn = cands.get(w).name();
        boolean lotDecided = r.ties().stream().anyMatch(t -> t.between().contains(w));
        if (lotDecided) {
            return new CountCheck(r.title(), r.method(), n, Outcome.COULD_TIE, r.stages().size(), 0,
                    List.of(wn + " was returned by lot: a single paper could change the result."));
        }
        if (r.stages().size() == 1) {
            long margin = 2 * first[w] - valid;
            why.add(wn + " has " + first[w] + " of " + valid + " first choices, more than half: N more papers leave "
                    + "a majority while N < 2 x " + first[w] + " - " + valid + " = " + margin + ".");
            if (n < margin) {
                why.add(n + " < " + margin + ": " + wn + " keeps more than half of the first choices and is returned.");
                return new CountCheck(r.title(), r.method(), n, Outcome.CANNOT_CHANGE, 0, margin, why);
            }
            why.add(n + " papers for other candidates could leave " + wn + " without a majority; the second round "
                    + "would then decide, which this check does not bound.");
            return new CountCheck(r.title(), r.method(), n, Outcome.COULD_DECIDE, 1, -1, why);
        }
        long[] total = r.stages().get(1).votes();
        List<Integer> stayed = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (!r.stages().get(1).excluded().contains(c)) {
                stayed.add(c);
            }
        }
        long s = Long.MAX_VALUE;
        for (int c : stayed) {
            s = Math.min(s, first[c]);
        }
        why.add("Stage 1: no candidate has more than half of the " + valid + " first choices; "
                + String.join(", ", stayed.stream().map(c -> cands.get(c).name() + " (" + first[c] + ")").toList())
                + " stay in.");
        // Who stays in: could N papers bring another in or put one out, or give another a majority?
        for (int c = 0; c < k; c++) {
            if (stayed.contains(c)) {
                continue;
            }
            long cost = s - first[c];
            if (n >= cost) {
                why.add(n + " papers could bring " + cands.get(c).name() + " (" + first[c] + ") level with " + s
                        + " and into the second round (" + cost + " needed).");
                return new CountCheck(r.title(), r.method(), n, Outcome.COULD_DECIDE, 1, -1, why);
            }
        }
        for (int x : stayed) {
            long cost = costToPutOut(first, x);
            if (n >= cost) {
                why.add(n + " papers could lift two others above " + cands.get(x).name() + "'s " + first[x]
                        + " first choices and put them out of the second round (" + cost + " needed).");
                return new CountCheck(r.title(), r.method(), n, Outcome.COULD_DECIDE, 1, -1, why);
            }
        }
        for (int c = 0; c < k; c++) {
            long cost = valid - 2 * first[c] + 1;
            if (c != w && n >= cost) {
                why.add(n + " papers could give " + cands.get(c).name() + " more than half of the first choices ("
                        + cost + " needed).");
                return new CountCheck(r.title(), r.method(), n, Outcome.COULD_DECIDE, 1, -1, why);
            }
        }
        why.add("No " + n + " papers can change who stays in: each candidate left out is more than " + n
                + " short of " + s + ", no one who stayed can be passed by two others, and no other candidate "
                + "can reach a majority.");
        long margin = Long.MAX_VALUE;
        int closest = -1;
        for (int c : stayed) {
            if (c != w && total[w] - total[c] < margin) {
                margin = total[w] - total[c];
                closest = c;
            }
        }
        String cn = cands.get(closest).name();
        why.add("Stage 2: " + wn + " " + total[w] + ", " + cn + " " + total[closest] + " after second choices: margin "
                + margin + ". Each paper affected could add one vote to " + cn
                + " (a first choice, or a second choice after a candidate left out) and none to " + wn + ".");
        Outcome o = n < margin ? Outcome.CANNOT_CHANGE : n == margin ? Outcome.COULD_TIE : Outcome.COULD_OVERTURN;
        why.add(n + (n < margin ? " is less than the margin: the result stands." : n == margin
                ? " equals the margin: a tie, settled by lot." : " exceeds the margin."));
        return new CountCheck(r.title(), r.method(), n, o, o == Outcome.CANNOT_CHANGE ? 0 : 2, margin, why);
    }

    /** Papers needed to lift two other candidates strictly above x's first choices. */
    private static long costToPutOut(long[] first, int x) {
        long a = Long.MAX_VALUE;
        long b = Long.MAX_VALUE;
        for (int y = 0; y < first.length; y++) {
            if (y == x) {
                continue;
            }
            long cost = Math.max(0, first[x] + 1 - first[y]);
            if (cost < a) {
                b = a;
                a = cost;
            } else if (cost < b) {
                b = cost;
            }
        }
        return b == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
    }
}
