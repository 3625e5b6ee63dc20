package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tallyroom.io.ni.NiSheetCheck.Action;
import org.tallyroom.io.ni.NiSheetCheck.Concern;
import org.tallyroom.io.ni.NiSheetCheck.Step;

/**
 * The figures of a sheet: the poll and quota (r.48), every stage's totals, transfers and
 * non-transferable (r.50(2), 51(10)), and whether each status stays put once shown. Also reads what
 * each stage did, and who the sheet says was elected or excluded when, for {@link SheetDecisions}.
 */
final class SheetFigures extends SheetView {
    final List<String> notes = new ArrayList<>();
    final int[] electedAt;
    final int[] excludedAt;
    long quota;
    List<Long> nonTransferable;

    SheetFigures(NiSheet s, List<NiSheetCheck.Finding> findings) {
        super(s, findings);
        electedAt = new int[n];
        excludedAt = new int[n];
    }

    void run() {
        long firstPrefs = s.stages().get(0).total();
        poll(firstPrefs);
        nonTransferable = arithmetic(firstPrefs);
        statuses();
    }

    void poll(long firstPrefs) {
        NiSheet.Poll p = s.poll();
        String cc = f.constituencyCount();
        if (!p.filledIn().isEmpty()) {
            notes.add("ConstituencyCount.csv leaves " + String.join(", ", p.filledIn())
                    + " blank: taken from NI/all-constituency-info.csv");
        }
        if (p.totalPoll() != null && p.spoiled() != null && p.validPoll() != null
                && p.totalPoll() - p.spoiled() != p.validPoll()) {
            find(Concern.FIGURES, cc, p.line(), 0, "valid poll " + p.validPoll() + " is not the total poll " + p.totalPoll()
                    + " less " + p.spoiled() + " spoiled (" + (p.totalPoll() - p.spoiled()) + ")");
        }
        if (firstPrefs % 100 != 0) {
            find(Concern.FIGURES, f.count(), s.stages().get(0).figures().get(0).line(), 1, "first preferences add up to "
                    + fmt(firstPrefs) + ", not a whole number of papers");
        }
        if (p.validPoll() != null && p.validPoll() * 100 != firstPrefs) {
            find(Concern.FIGURES, cc, p.line(), 0, "valid poll " + p.validPoll() + ", but the first preferences in Count.csv add up to "
                    + fmt(firstPrefs));
        }
        long seats = s.constituency().seats();
        long computed = (firstPrefs / 100 / (seats + 1) + 1) * 100;
        if (p.quota() == null) {
            notes.add("the sheet states no quota: " + fmt(computed) + " computed from the first preferences (r.48)");
            quota = computed;
        } else {
            quota = p.quota() * 100;
            if (quota != computed) {
                find(Concern.FIGURES, cc, p.line(), 0, "quota " + p.quota() + "; " + fmt(firstPrefs / 100 * 100) + " valid papers / "
                        + (seats + 1) + ", fraction disregarded, plus one, is " + computed / 100 + " (r.48)");
            }
        }
    }

    /** Stage arithmetic; returns the non-transferable votes so far after each stage. */
    List<Long> arithmetic(long firstPrefs) {
        List<Long> cumulative = new ArrayList<>();
        List<Integer> derived = new ArrayList<>();
        long nt = 0;
        long lastImbalance = 0;
        for (NiSheet.Stage st : s.stages()) {
            int k = st.number();
            for (int c = 0; c < n; c++) {
                NiSheet.Figure x = st.figures().get(c);
                long fp = s.stages().get(0).figures().get(c).total();
                if (k == 1) {
                    if (x.transfers() != 0 || x.total() != x.firstPreferences()) {
                        find(Concern.FIGURES, f.count(), x.line(), 1, name(c) + ": first preferences " + fmt(x.firstPreferences())
                                + ", transfers " + fmt(x.transfers()) + ", total " + fmt(x.total())
                                + " (at the first count the total is the first preferences)");
                    }
                    continue;
                }
                if (x.firstPreferences() != s.stages().get(0).figures().get(c).firstPreferences()) {
                    find(Concern.FIGURES, f.count(), x.line(), k, name(c) + ": first preferences given as " + fmt(x.firstPreferences())
                            + ", at count 1 " + fmt(fp));
                }
                long prev = votes(k - 1, c);
                if (prev + x.transfers() != x.total()) {
                    find(Concern.FIGURES, f.count(), x.line(), k, name(c) + ": " + fmt(prev) + (x.transfers() < 0 ? " - " : " + ")
                            + fmt(Math.abs(x.transfers())) + " = " + fmt(prev + x.transfers()) + ", but the total is "
                            + fmt(x.total()));
                }
            }
            long stageNt;
            if (k == 1) {
                stageNt = st.nonTransferable() == null ? 0 : st.nonTransferable();
                if (stageNt != 0) {
                    find(Concern.FIGURES, f.nonTransferable(), st.ntLine(), 1, "non-transferable " + fmt(stageNt)
                            + " at the first count, where nothing is transferred");
                }
            } else if (st.nonTransferable() == null) {
                stageNt = -st.transferred();
                derived.add(k);
            } else {
                stageNt = st.nonTransferable();
                if (st.transferred() + stageNt != 0) {
                    find(Concern.FIGURES, f.nonTransferable(), st.ntLine(), k, "the transfers add up to " + fmt(st.transferred())
                            + " and non-transferable is " + fmt(stageNt) + "; together they should be nil, so "
                            + "non-transferable should be " + fmt(-st.transferred()) + " (r.50(2)(c), 51(10)(c))");
                }
            }
            nt += stageNt;
            cumulative.add(nt);
            long imbalance = st.total() + nt - firstPrefs;
            if (imbalance != lastImbalance) {
                find(Concern.FIGURES, f.count(), st.figures().get(0).line(), k, "candidates' totals " + fmt(st.total())
                        + " plus non-transferable so far " + fmt(nt) + " make " + fmt(st.total() + nt)
                        + ", not the " + fmt(firstPrefs) + " valid first preferences (r.50(2)(d))");
            }
            lastImbalance = imbalance;
        }
        if (!derived.isEmpty()) {
            notes.add("NonTransferable.csv gives no figure for " + (derived.size() == s.stages().size() - 1
                    ? "any count" : "count " + derived.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
                    .orElse("")) + ": taken as what each count's transfers leave");
        }
        return cumulative;
    }

    /** A status, once shown, stays, with the same count; it first shows at the count it names. */
    void statuses() {
        for (int c = 0; c < n; c++) {
            NiSheet.Figure last = fig(s.stages().size(), c);
            NiSheet.Status status = null;
            Integer occurred = null;
            int firstShown = 0;
            for (NiSheet.Stage st : s.stages()) {
                NiSheet.Figure x = st.figures().get(c);
                if (status == null && x.status() != null) {
                    status = x.status();
                    occurred = x.occurredOn();
                    firstShown = st.number();
                    if (occurred == null) {
                        find(Concern.STATUSES, f.count(), x.line(), st.number(), name(c) + ": " + status.name().toLowerCase(java.util.Locale.ROOT)
                                + " without the count it arose at");
                    } else if (occurred != firstShown) {
                        find(Concern.STATUSES, f.count(), x.line(), st.number(), name(c) + ": first shown "
                                + status.name().toLowerCase(java.util.Locale.ROOT) + " at count " + firstShown
                                + ", but said to have arisen at count " + occurred);
                    }
                } else if (status != null && (x.status() != status || !java.util.Objects.equals(x.occurredOn(), occurred))) {
                    find(Concern.STATUSES, f.count(), x.line(), st.number(), name(c) + ": status " + x.status() + " at count "
                            + x.occurredOn() + " after " + status + " at count " + occurred);
                    break;
                }
            }
            if (last.status() == NiSheet.Status.ELECTED) {
                electedAt[c] = last.occurredOn() == null ? firstShown : last.occurredOn();
            } else if (last.status() == NiSheet.Status.EXCLUDED) {
                excludedAt[c] = last.occurredOn() == null ? firstShown : last.occurredOn();
            }
        }
    }

    /** Every stage as the sheet records it. */
    List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (NiSheet.Stage st : s.stages()) {
            int k = st.number();
            List<Integer> moved = k == 1 ? List.of() : subjects(k);
            Action kind = k == 1 ? Action.FIRST_PREFERENCES
                    : moved.stream().allMatch(c -> electedAt[c] > 0 && electedAt[c] < k) && !moved.isEmpty()
                    ? Action.SURPLUS : Action.EXCLUSION;
            List<Integer> el = new ArrayList<>();
            List<Integer> ex = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (electedAt[c] == k) {
                    el.add(c);
                }
                if (excludedAt[c] == k) {
                    ex.add(c);
                }
            }
            el.sort(Comparator.comparingLong((Integer c) -> votes(k, c)).reversed());
            out.add(new Step(k, kind, moved, el, ex, nonTransferable.get(k - 1)));
        }
        return out;
    }
}
