package org.tallyroom.count.stv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Lot;
import org.tallyroom.count.ReferencePaperReading;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * A slow, literal NI / ERS97 counter for differential tests: every ballot paper is its own object
 * carrying its value as a BigDecimal, piles are lists of papers, and every rule is applied by
 * walking the piles. Written from the rule texts, not from {@link LastParcelCount}; papers are read
 * by {@link ReferencePaperReading}, not by the counts' reader. Notes are not
 * produced (the differential test compares everything else).
 */
final class GregoryReferenceCount {
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal ONE = new BigDecimal("1.00");

    private static final class Paper {
        final int[] prefs;
        int at;
        BigDecimal value = ONE;
        int batch;

        Paper(int[] prefs) {
            this.prefs = prefs;
        }
    }

    private final boolean ni;
    private final Contest contest;
    private final int seats;
    private final int n;
    private final Lot lot;
    private final List<List<Paper>> pile = new ArrayList<>();
    private final String[] status;
    private final boolean[] surplusMoved;
    private final List<Integer> elected = new ArrayList<>();
    private BigDecimal quota;
    private BigDecimal exhausted = ZERO;
    private BigDecimal lost = ZERO;
    private final List<BigDecimal[]> history = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<Tie> ties = new ArrayList<>();
    private long validPapers;
    private int batchNo;

    GregoryReferenceCount(boolean ni, Contest contest, CountOptions options) {
        this.ni = ni;
        this.contest = contest;
        this.seats = options.seats();
        this.n = contest.candidates().size();
        this.lot = Lot.of(options);
        this.status = new String[n];
        this.surplusMoved = new boolean[n];
        for (int c = 0; c < n; c++) {
            pile.add(new ArrayList<>());
            status[c] = contest.candidates().get(c).withdrawn() ? "withdrawn" : "continuing";
        }
    }

    CountReport count(CountOptions options) {
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long distinct = 0;
        for (Ballot b : ((Votes.Papers) contest.votes()).ballots()) {
            ReferencePaperReading.Read read = ReferencePaperReading.read(ReferencePaperReading.figures(b),
                    java.util.Set.of(), Integer.MAX_VALUE);
            List<Integer> usable = new ArrayList<>();
            for (int c : read.preferences()) {
                if (!status[c].equals("withdrawn")) {
                    usable.add(c);
                }
            }
            if (usable.isEmpty()) {
                RejectionReason why = read.severalFirst()
                        ? RejectionReason.MULTIPLE_FIRST_PREFERENCES : RejectionReason.NO_FIRST_PREFERENCE;
                rejected.merge(why, b.weight(), Long::sum);
                continue;
            }
            distinct++;
            int[] prefs = usable.stream().mapToInt(Integer::intValue).toArray();
            for (long i = 0; i < b.weight(); i++) {
                pile.get(prefs[0]).add(new Paper(prefs));
                validPapers++;
            }
        }
        BigDecimal valid = new BigDecimal(validPapers).setScale(2);
        quota = ni ? new BigDecimal(validPapers / (seats + 1) + 1).setScale(2) : ersQuota(valid);
        history.add(totals());
        List<Integer> now = deem();
        lastPlaces(now);
        stage(StageKind.FIRST_PREFERENCES, List.of(), null, now, List.of());
        while (elected.size() < seats) {
            BigDecimal pendingTotal = ZERO;
            List<Integer> pending = new ArrayList<>();
            for (int c : elected) {
                if (!surplusMoved[c] && total(c).compareTo(quota) > 0) {
                    pending.add(c);
                    pendingTotal = pendingTotal.add(total(c).subtract(quota));
                }
            }
            if (!pending.isEmpty() && !defer(pendingTotal)) {
                surplus(pending);
                continue;
            }
            List<Integer> out = toExclude(pendingTotal);
            if (continuing().size() - out.size() == seats - elected.size()) {
                for (int c : out) {
                    status[c] = "excluded";
                }
                List<Integer> rest = sortDesc(continuing());
                for (int c : rest) {
                    elect(c);
                }
                stage(StageKind.FINAL, List.of(), null, rest, out);
                break;
            }
            exclusion(out);
        }
        Map<RejectionReason, Long> all = BallotSummary.merge(contest.rejected(), rejected);
        long rej = all.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), ni ? "stv-ni" : "stv-ers97", seats, 2, contest.candidates(),
                new BallotSummary(validPapers, rej, distinct, all), scaled(quota), elected, stages, ties,
                options.seed(), options.lot(), List.of(), Map.of(), List.of());
    }

    private void surplus(List<Integer> pending) {
        pending.sort(Comparator.comparing((Integer c) -> total(c).subtract(quota)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        BigDecimal top = total(pending.get(0)).subtract(quota);
        List<Integer> equal = new ArrayList<>();
        for (int c : pending) {
            if (total(c).subtract(quota).compareTo(top) == 0) {
                equal.add(c);
            }
        }
        equal.sort(Comparator.naturalOrder());
        int e = equal.size() == 1 ? equal.get(0) : tie(equal, false, "whose surplus to transfer first");
        BigDecimal s = total(e).subtract(quota);
        int lastBatch = pile.get(e).get(pile.get(e).size() - 1).batch;
        List<Paper> parcel = new ArrayList<>();
        for (Paper p : pile.get(e)) {
            if (p.batch == lastBatch) {
                parcel.add(p);
            }
        }
        List<Paper> moving = new ArrayList<>();
        for (Paper p : parcel) {
            if (next(p) >= 0) {
                moving.add(p);
            }
        }
        BigDecimal v = parcel.get(0).value;
        BigDecimal tv = moving.isEmpty() ? ZERO
                : s.divide(new BigDecimal(moving.size()), 2, RoundingMode.DOWN).min(v);
        batchNo++;
        BigDecimal sent = ZERO;
        for (Paper p : moving) {
            pile.get(e).remove(p);
            p.at = next(p);
            p.value = tv;
            p.batch = batchNo;
            pile.get(p.prefs[p.at]).add(p);
            sent = sent.add(tv);
        }
        // The elected candidate keeps exactly the quota; papers left behind carry what is not transferred.
        BigDecimal gone = s.subtract(sent);
        if (v.multiply(new BigDecimal(moving.size())).compareTo(s) > 0) {
            lost = lost.add(gone);
        } else {
            exhausted = exhausted.add(gone);
        }
        surplusMoved[e] = true;
        kept.put(e, quota);
        history.add(totals());
        List<Integer> now = deem();
        lastPlaces(now);
        stage(StageKind.SURPLUS, List.of(e), scaled(tv), now, List.of());
    }

    private final Map<Integer, BigDecimal> kept = new LinkedHashMap<>();

    private void exclusion(List<Integer> out) {
        for (int c : out) {
            status[c] = "excluded";
        }
        List<List<Paper>> groups = new ArrayList<>();
        List<Paper> all = new ArrayList<>();
        for (int c : out) {
            all.addAll(pile.get(c));
        }
        if (ni) {
            List<Paper> first = new ArrayList<>();
            for (Paper p : all) {
                if (p.batch == 0) {
                    first.add(p);
                }
            }
            if (!first.isEmpty()) {
                groups.add(first);
            }
            all.removeAll(first);
        }
        List<BigDecimal> values = all.stream().map(p -> p.value).distinct().sorted(Comparator.reverseOrder()).toList();
        for (BigDecimal v : values) {
            List<Paper> g = new ArrayList<>();
            for (Paper p : all) {
                if (p.value.compareTo(v) == 0) {
                    g.add(p);
                }
            }
            groups.add(g);
        }
        if (groups.isEmpty()) {
            groups.add(List.of());
        }
        List<Integer> won = new ArrayList<>();
        int moved = 0;
        for (int i = 0; i < groups.size(); i++) {
            moved++;
            batchNo++;
            for (Paper p : groups.get(i)) {
                pile.get(p.prefs[p.at]).remove(p);
                int nx = next(p);
                if (nx < 0) {
                    exhausted = exhausted.add(p.value);
                } else {
                    p.at = nx;
                    p.batch = batchNo;
                    pile.get(p.prefs[nx]).add(p);
                }
            }
            history.add(totals());
            if (!ni && elected.isEmpty() && exhausted.add(lost).signum() > 0) {
                quota = ersQuota(new BigDecimal(validPapers).setScale(2).subtract(exhausted).subtract(lost));
            }
            List<Integer> now = deem();
            Long tv = groups.get(i).isEmpty() ? null : scaled(groups.get(i).get(0).value);
            if (ni) {
                lastPlaces(now);
                stage(StageKind.EXCLUSION, out, tv, now, i == 0 ? out : List.of());
                if (elected.size() == seats) {
                    return;
                }
            } else {
                won.addAll(now);
                if (elected.size() == seats) {
                    break;
                }
            }
        }
        if (!ni) {
            lastPlaces(won);
            Long tv = moved == 1 && !groups.get(0).isEmpty() ? scaled(groups.get(0).get(0).value) : null;
            stage(StageKind.EXCLUSION, out, tv, won, out);
        }
    }

    private boolean defer(BigDecimal s) {
        List<Integer> cont = sortAsc(continuing());
        int places = seats - elected.size();
        BigDecimal gap = total(cont.get(1)).subtract(total(cont.get(0)));
        if (ni ? s.compareTo(gap) < 0 : s.compareTo(gap) <= 0) {
            return true;
        }
        for (int k = 2; k < cont.size(); k++) {
            if (!ni && k > cont.size() - places) {
                break;
            }
            if (groupFits(cont, k, s)) {
                return true;
            }
        }
        return false;
    }

    private boolean groupFits(List<Integer> cont, int k, BigDecimal s) {
        BigDecimal sum = s;
        for (int i = 0; i < k; i++) {
            sum = sum.add(total(cont.get(i)));
        }
        BigDecimal above = total(cont.get(k));
        if (ni) {
            return sum.compareTo(above) < 0;
        }
        return sum.compareTo(above) <= 0 && total(cont.get(k - 1)).compareTo(above) < 0;
    }

    private List<Integer> toExclude(BigDecimal s) {
        List<Integer> cont = sortAsc(continuing());
        int places = seats - elected.size();
        for (int k = cont.size() - places; k >= 2; k--) {
            if (k < cont.size() && groupFits(cont, k, s)) {
                List<Integer> g = new ArrayList<>(cont.subList(0, k));
                g.sort(Comparator.naturalOrder());
                return g;
            }
        }
        List<Integer> low = new ArrayList<>();
        for (int c : cont) {
            if (total(c).compareTo(total(cont.get(0))) == 0) {
                low.add(c);
            }
        }
        low.sort(Comparator.naturalOrder());
        return List.of(low.size() == 1 ? low.get(0) : tie(low, true, "which candidate to exclude"));
    }

    private List<Integer> deem() {
        List<Integer> now = new ArrayList<>();
        if (ni) {
            for (int c : sortDesc(continuing())) {
                if (total(c).compareTo(quota) >= 0 && elected.size() < seats) {
                    elect(c);
                    now.add(c);
                }
            }
            return now;
        }
        boolean again = true;
        while (again && elected.size() < seats) {
            again = false;
            int places = seats - elected.size();
            BigDecimal active = ZERO;
            for (int c : continuing()) {
                active = active.add(total(c));
            }
            for (int c : elected) {
                if (!surplusMoved[c] && total(c).compareTo(quota) > 0) {
                    active = active.add(total(c).subtract(quota));
                }
            }
            List<Integer> reach = new ArrayList<>();
            for (int c : sortDesc(continuing())) {
                BigDecimal v = total(c);
                if (v.compareTo(quota) >= 0
                        || v.signum() > 0 && v.multiply(new BigDecimal(places + 1)).compareTo(active) >= 0) {
                    reach.add(c);
                }
            }
            if (reach.isEmpty()) {
                break;
            }
            if (reach.size() <= places) {
                for (int c : reach) {
                    elect(c);
                    now.add(c);
                }
                again = true;
                continue;
            }
            BigDecimal edge = total(reach.get(places - 1));
            List<Integer> level = new ArrayList<>();
            for (int c : reach) {
                int cmp = total(c).compareTo(edge);
                if (cmp > 0) {
                    elect(c);
                    now.add(c);
                } else if (cmp == 0) {
                    level.add(c);
                }
            }
            level.sort(Comparator.naturalOrder());
            List<Integer> between = List.copyOf(level);
            while (elected.size() < seats) {
                Integer pick = forward(level, false);
                if (pick == null) {
                    break;
                }
                ties.add(new Tie(stages.size() + 1, between, Tie.Resolution.EARLIER_STAGE, pick,
                        "which candidate to deem elected first"));
                elect(pick);
                now.add(pick);
                level.remove(pick);
                between = List.copyOf(level);
            }
        }
        return now;
    }

    private void lastPlaces(List<Integer> now) {
        int places = seats - elected.size();
        if (places == 0) {
            return;
        }
        List<Integer> cont = sortDesc(continuing());
        if (cont.size() == places) {
            for (int c : cont) {
                elect(c);
                now.add(c);
            }
            return;
        }
        if (ni && places == 1) {
            BigDecimal all = ZERO;
            for (int c : cont) {
                all = all.add(total(c));
            }
            for (int c : elected) {
                if (!surplusMoved[c] && total(c).compareTo(quota) > 0) {
                    all = all.add(total(c).subtract(quota));
                }
            }
            List<Integer> clear = new ArrayList<>();
            for (int c : cont) {
                if (total(c).compareTo(all.subtract(total(c))) >= 0) {
                    clear.add(c);
                }
            }
            if (clear.size() == 1) {
                elect(clear.get(0));
                now.add(clear.get(0));
            }
        }
    }

    private int tie(List<Integer> tied, boolean lowest, String question) {
        List<Integer> left = new ArrayList<>(tied);
        Integer pick = forward(left, lowest);
        if (pick != null) {
            ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.EARLIER_STAGE, pick, question));
            return pick;
        }
        int drawn = lot.draw(left, contest.candidates());
        ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.LOT, drawn, question));
        return drawn;
    }

    /** Looks forward through the recorded totals; narrows {@code left} in place; null if never separated. */
    private Integer forward(List<Integer> left, boolean lowest) {
        List<Integer> work = new ArrayList<>(left);
        for (BigDecimal[] t : history) {
            BigDecimal best = null;
            for (int c : work) {
                if (best == null || (lowest ? t[c].compareTo(best) < 0 : t[c].compareTo(best) > 0)) {
                    best = t[c];
                }
            }
            List<Integer> keep = new ArrayList<>();
            for (int c : work) {
                if (t[c].compareTo(best) == 0) {
                    keep.add(c);
                }
            }
            work = keep;
            if (work.size() == 1) {
                return work.get(0);
            }
        }
        left.retainAll(work);
        return null;
    }

    private int next(Paper p) {
        for (int i = p.at + 1; i < p.prefs.length; i++) {
            if (status[p.prefs[i]].equals("continuing")) {
                return i;
            }
        }
        return -1;
    }

    private BigDecimal total(int c) {
        if (kept.containsKey(c)) {
            return kept.get(c);
        }
        BigDecimal t = ZERO;
        for (Paper p : pile.get(c)) {
            t = t.add(p.value);
        }
        return t;
    }

    private BigDecimal[] totals() {
        BigDecimal[] t = new BigDecimal[n];
        for (int c = 0; c < n; c++) {
            t[c] = total(c);
        }
        return t;
    }

    private void elect(int c) {
        status[c] = "elected";
        elected.add(c);
    }

    private List<Integer> continuing() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (status[c].equals("continuing")) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Integer> sortAsc(List<Integer> cs) {
        List<Integer> out = new ArrayList<>(cs);
        out.sort(Comparator.comparing(this::total).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private List<Integer> sortDesc(List<Integer> cs) {
        List<Integer> out = new ArrayList<>(cs);
        out.sort(Comparator.comparing(this::total).reversed().thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private void stage(StageKind kind, List<Integer> subject, Long tv, List<Integer> now, List<Integer> out) {
        long[] v = new long[n];
        for (int c = 0; c < n; c++) {
            v[c] = scaled(total(c));
        }
        stages.add(new Stage(stages.size() + 1, kind, subject, tv, v, scaled(exhausted.add(lost)), scaled(lost), now,
                out, ""));
    }

    private BigDecimal ersQuota(BigDecimal total) {
        BigDecimal exact = total.divide(new BigDecimal(seats + 1), 10, RoundingMode.DOWN);
        BigDecimal two = exact.setScale(2, RoundingMode.DOWN);
        return exact.compareTo(two) == 0 ? two : two.add(new BigDecimal("0.01"));
    }

    private static long scaled(BigDecimal v) {
        return v.movePointRight(2).longValueExact();
    }
}
