package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tallyroom.count.Fixed;

/**
 * Checks an NI count sheet against the Northern Ireland STV rules as Tallyroom's {@code stv-ni} count
 * applies them (Local Elections (NI) Order 1985 Sch Part IV rules 48-52, which the NI Assembly
 * (Elections) Order 2001 applies): with no ballots published, what can be checked is every figure
 * the sheet gives and every decision it records.
 *
 * <ul>
 * <li>The poll: valid poll = total poll less spoiled papers; the first preferences add up to the valid
 *     poll; quota = valid papers / (seats + 1), fraction disregarded, plus one (r.48(1)-(2)), from the
 *     first preferences counted.</li>
 * <li>Each stage: every candidate's total = the previous total plus the transfer; first preferences
 *     repeated unchanged; the transfers and the stage's non-transferable figure cancel (r.50(2)(c),
 *     51(10)(c)); the totals with all non-transferable papers so far equal the valid first preferences
 *     (r.50(2)(d), 51(10)(d)).</li>
 * <li>The decisions, replayed on the sheet's own totals: a candidate reaching the quota is elected at
 *     that stage (r.48(3)); the largest surplus is transferred first, all of it, unless r.49(10) defers
 *     it; otherwise the lowest candidate is excluded, with all their votes, or two or more together
 *     under r.51(12), ties by the earliest stage at which they differed (r.51(13)); the last vacancies
 *     are filled under r.52, after which nothing more is transferred; nobody already elected or
 *     excluded receives votes; the statuses and the counts they say they arose at agree with all this.</li>
 * </ul>
 *
 * <p>The sheets record an exclusion at the stage where it is decided (the stage after which the
 * candidate is lowest) and transfer the votes at the next stage, all sub-parcels together as one
 * stage (r.51(4)); Tallyroom's own count reports each sub-parcel as a stage, so its stage numbers
 * differ, not its decisions. Where the sheet departs from the rules the check says so and then
 * follows the sheet, so that one slip is reported once, not at every later stage. Transfer values
 * cannot be checked: the sheets give no numbers of papers.
 */
public final class NiSheetCheck {
    private NiSheetCheck() {
    }

    /** What a finding is about. */
    public enum Concern {
        /** A figure that does not add up: the poll, the quota, a total, a transfer, non-transferable. */
        FIGURES,
        /** A decision other than the rules' (as {@code stv-ni} reads them): whose surplus or exclusion, who wins. */
        DECISIONS,
        /** A status or the count it is said to have arisen at, disagreeing with the figures. */
        STATUSES
    }

    /**
     * A figure or decision that does not agree with the rules or the rest of the sheet.
     *
     * @param concern what it is about
     * @param file    the file holding the figure
     * @param line    its line (0: the file as a whole)
     * @param stage   the count (stage) it concerns, or 0 for the poll
     * @param message what was found, and what the rules or the other figures call for
     */
    public record Finding(Concern concern, String file, long line, int stage, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + concern.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + (stage > 0 ? "count " + stage + ": " : "") + message;
        }
    }

    /** What a stage did, as the sheet records it. */
    public enum Action { FIRST_PREFERENCES, SURPLUS, EXCLUSION }

    /**
     * One stage as the sheet records it: whose votes moved and who was elected or excluded.
     *
     * @param number   the count number
     * @param action   first preferences, a surplus or an exclusion
     * @param subjects candidate indexes whose votes moved (negative transfers)
     * @param elected  candidates the sheet says were elected at this count, highest total first
     * @param excluded candidates the sheet says were excluded at this count
     * @param nonTransferable the non-transferable votes so far (the stated figures, or where a stage
     *                 has none, what its transfers leave)
     */
    public record Step(int number, Action action, List<Integer> subjects, List<Integer> elected, List<Integer> excluded,
                       long nonTransferable) {
        public Step {
            subjects = List.copyOf(subjects);
            elected = List.copyOf(elected);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * The outcome for one sheet.
     *
     * @param sheet    the sheet
     * @param quota    the quota the count used (the sheet's, or computed where it gives none), hundredths
     * @param steps    every stage as the sheet records it
     * @param findings every disagreement; none when the sheet adds up
     * @param notes    what the check had to supply (figures the sheet lacks)
     * @param rulesElected the candidates the rules elect, replayed on the sheet's totals, in candidate order
     */
    public record Result(NiSheet sheet, long quota, List<Step> steps, List<Finding> findings, List<String> notes,
                         List<Integer> rulesElected) {
        public Result {
            rulesElected = List.copyOf(rulesElected);
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }

        /** True when every figure adds up (decisions and statuses aside). */
        public boolean addsUp() {
            return findings.stream().noneMatch(x -> x.concern() == Concern.FIGURES);
        }

        /** The findings of one concern. */
        public List<Finding> findings(Concern concern) {
            return findings.stream().filter(x -> x.concern() == concern).toList();
        }

        /** Candidate indexes in the order the sheet elects them. */
        public List<Integer> elected() {
            return steps.stream().flatMap(s -> s.elected().stream()).toList();
        }
    }

    public static Result check(NiSheet sheet) {
        return new Replay(sheet).run();
    }

    static String fmt(long hundredths) {
        return Fixed.format(hundredths, 2);
    }

    /** The state of one check. */
    private static final class Replay {
        private static final int CONTINUING = 0;
        private static final int ELECTED = 1;
        private static final int EXCLUDED = 2;

        private final NiSheet s;
        private final int n;
        private final NiSheet.Files f;
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final int[] state;
        private final boolean[] surplusDone;
        private final int[] electedAt;
        private final int[] excludedAt;
        private int electedCount;
        private final List<Integer> rulesElected = new ArrayList<>();
        private long quota;

        Replay(NiSheet s) {
            this.s = s;
            this.n = s.candidates().size();
            this.f = s.files();
            state = new int[n];
            surplusDone = new boolean[n];
            electedAt = new int[n];
            excludedAt = new int[n];
        }

        private void find(Concern concern, String file, long line, int stage, String message) {
            findings.add(new Finding(concern, file, line, stage, message));
        }

        private String name(int c) {
            return s.candidates().get(c).name();
        }

        private NiSheet.Figure fig(int stage, int c) {
            return s.stages().get(stage - 1).figures().get(c);
        }

        private long votes(int stage, int c) {
            return fig(stage, c).total();
        }

        Result run() {
            long firstPrefs = s.stages().get(0).total();
            poll(firstPrefs);
            List<Long> nt = arithmetic(firstPrefs);
            statuses();
            replay();
            List<String> all = new ArrayList<>(s.notes());
            all.addAll(notes);
            return new Result(s, quota, steps(nt), findings, all, rulesElected);
        }

        private void poll(long firstPrefs) {
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
        private List<Long> arithmetic(long firstPrefs) {
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
        private void statuses() {
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

        private List<Integer> subjects(int stage) {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (fig(stage, c).transfers() < 0) {
                    out.add(c);
                }
            }
            return out;
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
        private void replay() {
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

        /** Every stage as the sheet records it. */
        private List<Step> steps(List<Long> nt) {
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
                out.add(new Step(k, kind, moved, el, ex, nt.get(k - 1)));
            }
            return out;
        }
    }
}
