package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tallyroom.io.ni.NiSheetCheck.Action;
import org.tallyroom.io.ni.NiSheetCheck.Concern;

/**
 * The decisions of a sheet replayed on its own totals, as {@code stv-ni} takes them (r.48(3), 49(10),
 * 50(1), 51, 52): after each stage, who is elected, then whose surplus moves or who is excluded, compared
 * with what the next stage of the sheet did. Where the sheet departs, it is reported and then followed.
 */
final class SheetDecisions extends SheetView {
    private static final int CONTINUING = 0;
    private static final int ELECTED = 1;
    private static final int EXCLUDED = 2;

    private final long quota;
    private final int[] electedAt;
    private final int[] excludedAt;
    private final int[] state;
    private final boolean[] surplusDone;
    private int electedCount;
    final List<Integer> rulesElected = new ArrayList<>();

    SheetDecisions(NiSheet s, List<NiSheetCheck.Finding> findings, long quota, int[] electedAt, int[] excludedAt) {
        super(s, findings);
        this.quota = quota;
        this.electedAt = electedAt;
        this.excludedAt = excludedAt;
        state = new int[n];
        surplusDone = new boolean[n];
    }

    private List<Integer> continuing() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (state[c] == CONTINUING) {
                out.add(c);
            }
        }
        return out;
    }

    /** The decisions replayed on the sheet's own totals. */
    void replay() {
        int seats = s.constituency().seats();
        int last = s.stages().size();
        int[] expectedElected = new int[n];
        for (int k = 1; k <= last; k++) {
            final int stage = k;
            if (k > 1) {
                for (int c = 0; c < n; c++) {
                    NiSheet.Figure x = fig(k, c);
                    if (state[c] != CONTINUING && x.transfers() > 0) {
                        find(Concern.FIGURES, f.count(), x.line(), k, name(c) + ", " + (state[c] == ELECTED ? "already elected"
                                : "already excluded") + ", receives " + fmt(x.transfers()));
                    }
                }
            }
            // r.48(3): reaching the quota.
            List<Integer> byVotes = new ArrayList<>(continuing());
            byVotes.sort(Comparator.comparingLong((Integer c) -> votes(stage, c)).reversed());
            for (int c : byVotes) {
                if (votes(k, c) >= quota && electedCount < seats) {
                    elect(c, k, expectedElected);
                }
            }
            lastVacancies(k, expectedElected);
            if (electedCount == seats) {
                if (k < last) {
                    find(Concern.DECISIONS, f.count(), fig(k + 1, 0).line(), k + 1, "every seat is filled at count " + k
                            + ", yet the sheet goes on to count " + last + " (r.52(3))");
                }
                break;
            }
            long pendingTotal = 0;
            List<Integer> pending = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == ELECTED && !surplusDone[c] && votes(k, c) > quota) {
                    pending.add(c);
                    pendingTotal += votes(k, c) - quota;
                }
            }
            Decision d;
            if (!pending.isEmpty() && !deferred(k, pendingTotal)) {
                long largest = pending.stream().mapToLong(c -> votes(stage, c) - quota).max().orElseThrow();
                List<Integer> tied = pending.stream().filter(c -> votes(stage, c) - quota == largest).toList();
                d = new Decision(Action.SURPLUS, lookBack(tied, k, false), false);
            } else {
                d = exclusion(k, pendingTotal, seats);
            }
            if (d.fillsLastVacancies) {
                for (int c : d.alternatives.get(0)) {
                    state[c] = EXCLUDED;
                }
                for (int c : continuing()) {
                    elect(c, k, expectedElected);
                }
                for (int c : d.alternatives.get(0)) {
                    if (excludedAt[c] != k) {
                        find(Concern.STATUSES, f.count(), fig(k, c).line(), k, name(c) + " is excluded at count " + k + " to fill the "
                                + "last vacancies (r.52(1)); the sheet says " + (excludedAt[c] == 0 ? "nothing"
                                : "count " + excludedAt[c]));
                    }
                }
                if (k < last) {
                    find(Concern.DECISIONS, f.count(), fig(k + 1, 0).line(), k + 1, "the last vacancies are filled at count " + k
                            + ", yet the sheet goes on to count " + last + " (r.52(3))");
                }
                break;
            }
            if (k == last) {
                find(Concern.DECISIONS, f.count(), fig(k, 0).line(), k, "the sheet ends with " + electedCount + " of " + seats
                        + " seats filled; the rules call for " + describe(d));
                break;
            }
            follow(k, d);
        }
        for (int c = 0; c < n; c++) {
            if (expectedElected[c] > 0) {
                rulesElected.add(c);
            }
            if (expectedElected[c] != electedAt[c]) {
                NiSheet.Figure x = fig(last, c);
                Concern concern = expectedElected[c] == 0 || electedAt[c] == 0 ? Concern.DECISIONS : Concern.STATUSES;
                find(concern, f.count(), x.line(), Math.max(expectedElected[c], electedAt[c]), name(c) + ": "
                        + (electedAt[c] == 0 ? "not elected by the sheet" : "elected at count " + electedAt[c] + " by the sheet")
                        + "; by the rules " + (expectedElected[c] == 0 ? "not elected" : "elected at count "
                        + expectedElected[c]));
            }
        }
    }

    /** What the rules call for after a stage: a surplus, or an exclusion (one of the alternatives, if tied). */
    private record Decision(Action kind, List<List<Integer>> alternatives, boolean fillsLastVacancies) {
    }

    private String describe(Decision d) {
        String who = String.join(" or ", d.alternatives.stream().map(g -> String.join(" and ",
                g.stream().map(this::name).toList())).toList());
        return d.kind == Action.SURPLUS ? "the transfer of " + who + "'s surplus" : "the exclusion of " + who;
    }

    /** Compares the next stage with the decision, reports a difference, and follows the sheet. */
    private void follow(int k, Decision d) {
        int next = k + 1;
        List<Integer> moved = subjects(next);
        boolean matches = d.alternatives.stream().anyMatch(g -> g.stream().sorted().toList().equals(moved));
        String did = moved.isEmpty() ? "moves no votes" : (moved.stream().allMatch(c -> state[c] == ELECTED)
                ? "transfers the surplus of " : "transfers the votes of ") + String.join(" and ",
                moved.stream().map(this::name).toList());
        if (!matches) {
            find(Concern.DECISIONS, f.count(), fig(next, moved.isEmpty() ? 0 : moved.get(0)).line(), next, "the sheet " + did
                    + "; the rules call for " + describe(d) + (d.kind == Action.SURPLUS ? " (r.49, 50(1))"
                    : " (r.49(10), 51)"));
        }
        for (int c : moved) {
            NiSheet.Figure x = fig(next, c);
            if (state[c] == ELECTED) {
                long surplus = votes(k, c) - quota;
                if (-x.transfers() != surplus) {
                    find(Concern.FIGURES, f.count(), x.line(), next, name(c) + "'s surplus is " + fmt(votes(k, c)) + " - quota "
                            + fmt(quota) + " = " + fmt(surplus) + ", but " + fmt(-x.transfers()) + " is transferred");
                }
                surplusDone[c] = true;
            } else if (state[c] == CONTINUING) {
                if (-x.transfers() != votes(k, c)) {
                    find(Concern.FIGURES, f.count(), x.line(), next, name(c) + " is excluded with " + fmt(votes(k, c)) + ", but "
                            + fmt(-x.transfers()) + " is transferred (r.51(2)-(9): all their votes)");
                }
                if (excludedAt[c] != k) {
                    find(Concern.STATUSES, f.count(), x.line(), next, name(c) + "'s votes are transferred at count " + next
                            + ", so the exclusion was decided at count " + k + "; the sheet says "
                            + (excludedAt[c] == 0 ? "nothing" : "count " + excludedAt[c]));
                }
                state[c] = EXCLUDED;
            } else {
                find(Concern.FIGURES, f.count(), x.line(), next, name(c) + ", already excluded, loses " + fmt(-x.transfers()));
            }
        }
    }

    private void elect(int c, int k, int[] expected) {
        state[c] = ELECTED;
        expected[c] = k;
        electedCount++;
    }

    /** r.52(1), (2). */
    private void lastVacancies(int k, int[] expected) {
        int places = s.constituency().seats() - electedCount;
        if (places == 0) {
            return;
        }
        List<Integer> cont = continuing();
        if (cont.size() == places) {
            for (int c : cont) {
                elect(c, k, expected);
            }
            return;
        }
        if (places == 1) {
            long total = 0;
            for (int c : cont) {
                total += votes(k, c);
            }
            for (int c = 0; c < n; c++) {
                if (state[c] == ELECTED && !surplusDone[c] && votes(k, c) > quota) {
                    total += votes(k, c) - quota;
                }
            }
            final long all = total;
            List<Integer> ahead = cont.stream().filter(c -> votes(k, c) >= all - votes(k, c)).toList();
            if (ahead.size() == 1) {
                elect(ahead.get(0), k, expected);
            }
        }
    }

    private List<Integer> ascending(int k) {
        List<Integer> cont = new ArrayList<>(continuing());
        cont.sort(Comparator.comparingLong((Integer c) -> votes(k, c)).thenComparing(c -> c));
        return cont;
    }

    /** r.49(10), as {@code stv-ni} reads it. */
    private boolean deferred(int k, long surplus) {
        List<Integer> cont = ascending(k);
        if (cont.size() < 2) {
            return false;
        }
        long v0 = votes(k, cont.get(0));
        if (surplus < votes(k, cont.get(1)) - v0) {
            return true;
        }
        long sum = v0;
        for (int i = 2; i <= cont.size() - 1; i++) {
            sum += votes(k, cont.get(i - 1));
            if (sum + surplus < votes(k, cont.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** r.51(1), (12), (13), and r.52(1) where excluding them leaves as many candidates as vacancies. */
    private Decision exclusion(int k, long surplus, int seats) {
        List<Integer> cont = ascending(k);
        int m = cont.size();
        int places = seats - electedCount;
        int maxK = Math.min(m - 1, m - places);
        int best = 1;
        long sum = votes(k, cont.get(0));
        for (int i = 2; i <= maxK; i++) {
            sum += votes(k, cont.get(i - 1));
            if (sum + surplus < votes(k, cont.get(i))) {
                best = i;
            }
        }
        List<List<Integer>> alternatives;
        if (best > 1) {
            alternatives = List.of(cont.subList(0, best).stream().sorted().toList());
        } else {
            long low = votes(k, cont.get(0));
            List<Integer> tied = cont.stream().filter(c -> votes(k, c) == low).toList();
            alternatives = lookBack(tied, k, true);
        }
        boolean fills = m - alternatives.get(0).size() == places;
        return new Decision(Action.EXCLUSION, alternatives, fills);
    }

    /**
     * r.50(1)(a), 51(13)(a): among tied candidates, the one highest (or lowest) at the earliest count at
     * which they differed; each still tied at every count is an alternative (the lot decides).
     */
    private List<List<Integer>> lookBack(List<Integer> tied, int upTo, boolean lowest) {
        List<Integer> cands = new ArrayList<>(tied);
        for (int k = 1; k <= upTo && cands.size() > 1; k++) {
            final int stage = k;
            long ext = votes(k, cands.get(0));
            boolean differ = false;
            for (int c : cands) {
                differ |= votes(k, c) != ext;
                ext = lowest ? Math.min(ext, votes(k, c)) : Math.max(ext, votes(k, c));
            }
            if (differ) {
                final long e = ext;
                cands.removeIf(c -> votes(stage, c) != e);
            }
        }
        return cands.stream().map(List::of).toList();
    }
}
