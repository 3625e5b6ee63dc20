package org.tallyroom.count.stv;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Lot;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Rules;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;

/**
 * Meek STV as New Zealand counts it: Local Electoral Regulations 2001 (SR 2001/145), Schedule 1A,
 * "New Zealand method of counting single transferable votes", Part 1. Figures to 9 decimal places,
 * held as longs scaled by 10^9.
 *
 * <ul>
 * <li>cl.5, 11: quota = (v - vnt) / (n + 1) + 0.000000001, truncated to 9 places. vnt, the votes not
 *     transferred, is taken as the valid papers less the candidates' votes, so that what clause 10's
 *     rounding creates counts against it (otherwise more candidates than seats could reach the quota).</li>
 * <li>cl.6, 12: a hopeful candidate whose votes equal or exceed the quota becomes successful.</li>
 * <li>cl.7, 17: keep values: 1 for hopeful candidates, 0 once excluded; for successful ones
 *     k = q x k / v, where q x k is truncated to 9 places and rounded up if not exact, and so is the
 *     quotient. q x k can pass 18 digits, so that one product is taken in BigInteger.</li>
 * <li>cl.10: each paper's value (1) goes down its preferences: each candidate takes value x k, and
 *     value x (1 - k) passes on; every product to 9 places, rounded up if not exact. Excluded
 *     candidates (k = 0) pass everything on; what is left after the last preference is
 *     non-transferable. Rounding up can create value, up to 10^-9 per product, so the total credited
 *     can exceed the papers: the report's {@code non_transferable} is valid papers less candidates'
 *     votes (so totals balance exactly) and {@code truncation_loss} is that figure less the value
 *     left on exhausted papers: the value created by rounding, shown as a negative number.</li>
 * <li>cl.13: the hopeful candidate with the least votes is excluded if, with the total surplus, they
 *     still have fewer votes than every other hopeful candidate, or if the total surplus is below
 *     0.0001. Tallyroom also treats as converged an iteration that changes no keep value, or that
 *     returns them to values already tried since the last election or exclusion: the same keep
 *     values give the same allocation, so the iteration is in a cycle and no further one can bring
 *     anything new. At 9 places this is how large counts end their stages: with 400,000 votes a
 *     keep value's last place moves 0.0004 of a vote, so the surplus cannot go below the limit
 *     and the keep values end up alternating between neighbours. The Schedule does not say what
 *     to do then; the cap of {@link #MAX_ITERATIONS} iterations remains only as a safeguard.</li>
 * <li>cl.3: counting is complete when the successful candidates fill the vacancies, or successful and
 *     hopeful together equal them (the hopeful are then elected).</li>
 * <li>cl.19, 40: equal lowest: the Ahead At First Difference method over the totals of every
 *     iteration (the one that was not ahead at the earliest iteration at which the tied candidates
 *     differed); failing that the lot. Tallyroom draws the lot with its own seeded or supplied
 *     {@link Lot}, not the Schedule's pseudo-random number generator (Part 5), whose published text
 *     could not be checked here.</li>
 * </ul>
 *
 * <p>Report: one stage per event. Stage 1 is first preferences (iteration 1). A stage that starts by
 * excluding a candidate is an {@code exclusion} stage with that candidate as subject; one that
 * starts after candidates were elected is a {@code surplus} stage with the successful candidates who
 * have surpluses as subject. Each runs iterations until someone reaches the quota or an exclusion is
 * due, and shows the totals of its last iteration; its note gives the number of iterations.
 *
 * <p>Hot path: a paper's value stops at its first hopeful candidate (k = 1), so the papers are
 * grouped by their continuing preferences up to that candidate ({@link MeekPaperTree}) and an
 * iteration walks the groups, not the papers; the groups change only when someone is elected or
 * excluded.
 */
public final class MeekStv implements Rules {
    static final long ONE = Fixed.scale(9);
    static final long SURPLUS_LIMIT = ONE / 10_000;
    /** A stage that has not converged after this many iterations is treated as stalled. */
    static final int MAX_ITERATIONS = 10_000;
    static final byte HOPEFUL = 0;
    static final byte SUCCESSFUL = 1;
    static final byte EXCLUDED = 2;

    private final PreferenceReader reader;

    public MeekStv() {
        this(PreferenceReader.STATUTORY);
    }

    /** Counts with another reading of the papers: for tests that check a wrong reading is caught. */
    public MeekStv(PreferenceReader reader) {
        this.reader = reader;
    }

    @Override
    public String method() {
        return "stv-meek";
    }

    @Override
    public int decimals() {
        return 9;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        return new Counter(contest, options, reader).run();
    }

    private static final class Counter {
        private final Contest contest;
        private final CountOptions options;
        private final int seats;
        private final RankedPaperRows p;
        private final MeekPaperTree tree;
        private final int n;
        private final byte[] state;
        private final long[] keep;
        private long[] votes;
        private long exhausted;
        private long quota;
        private final List<Integer> electedOrder = new ArrayList<>();
        private final List<long[]> iterations = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final List<Tie> ties = new ArrayList<>();
        private final Lot lot;
        private final long validScaled;

        Counter(Contest contest, CountOptions options, PreferenceReader reader) {
            this.contest = contest;
            this.options = options;
            this.seats = options.seats();
            RankedPaperRows.standing(contest, seats, "stv-meek");
            this.p = RankedPaperRows.read(contest, "stv-meek", reader);
            this.n = p.candidates;
            this.state = new byte[n];
            this.keep = new long[n];
            for (int c = 0; c < n; c++) {
                boolean withdrawn = contest.candidates().get(c).withdrawn();
                state[c] = withdrawn ? EXCLUDED : HOPEFUL;
                keep[c] = withdrawn ? 0 : ONE;
            }
            this.tree = new MeekPaperTree(p, state);
            this.lot = Lot.of(options);
            this.validScaled = Math.multiplyExact(p.valid, ONE);
        }

        CountReport run() {
            distribute();
            List<Integer> elected = electReachingQuota();
            if (electedOrder.size() < seats && count(HOPEFUL) + electedOrder.size() == seats) {
                elected.addAll(electAllHopeful());
            }
            addStage(StageKind.FIRST_PREFERENCES, List.of(), elected, List.of(), 1, "");
            StageKind kind = StageKind.SURPLUS;
            List<Integer> subject = withSurplus();
            List<Integer> excluded = List.of();
            int its = 0;
            boolean stalled = false;
            Set<KeepValues> seen = new HashSet<>();
            while (electedOrder.size() < seats) {
                long surplus = totalSurplus();
                int lowest = exclusionDue(surplus, stalled);
                if (lowest >= 0) {
                    if (its > 0) {
                        addStage(kind, subject, List.of(), excluded, its, "");
                    }
                    state[lowest] = EXCLUDED;
                    keep[lowest] = 0;
                    tree.moveOn(lowest);
                    seen.clear();
                    kind = StageKind.EXCLUSION;
                    subject = List.of(lowest);
                    excluded = List.of(lowest);
                    its = 0;
                    stalled = false;
                    if (count(HOPEFUL) + electedOrder.size() == seats) {
                        addStage(kind, subject, electAllHopeful(), excluded, 0,
                                "Successful and hopeful candidates now equal the vacancies (clause 3).");
                        break;
                    }
                }
                boolean changed = updateKeepValues();
                boolean repeated = !seen.add(new KeepValues(keep.clone()));
                distribute();
                its++;
                stalled = !changed && lowest < 0 || repeated || its >= MAX_ITERATIONS;
                List<Integer> now = electReachingQuota();
                if (!now.isEmpty()) {
                    seen.clear();
                    if (electedOrder.size() < seats && count(HOPEFUL) + electedOrder.size() == seats) {
                        now.addAll(electAllHopeful());
                    }
                    addStage(kind, subject, now, excluded, its, "");
                    kind = StageKind.SURPLUS;
                    subject = withSurplus();
                    excluded = List.of();
                    its = 0;
                }
            }
            List<String> notes = new ArrayList<>();
            if (p.onlyWithdrawn > 0) {
                notes.add(p.onlyWithdrawn + " papers gave preferences only for withdrawn candidates and are rejected "
                        + "as having no first preference.");
            }
            return new CountReport(contest.title(), "stv-meek", seats, 9, contest.candidates(), p.summary(contest),
                    quota, electedOrder, stages, ties, options.seed(), options.lot(), List.of(), Map.of(), notes);
        }

        /** Clause 10, then the quota of clause 5 / 11. */
        private void distribute() {
            long[] v = new long[n];
            exhausted = tree.distribute(keep, v);
            votes = v;
            iterations.add(v.clone());
            long credited = 0;
            for (long x : v) {
                credited += x;
            }
            quota = credited / (seats + 1) + 1;
        }

        /** Clause 17 for every successful candidate; true if any keep value changed. */
        private boolean updateKeepValues() {
            boolean changed = false;
            BigInteger one = BigInteger.valueOf(ONE);
            for (int c : electedOrder) {
                if (votes[c] == 0) {
                    continue;
                }
                BigInteger[] qk = BigInteger.valueOf(quota).multiply(BigInteger.valueOf(keep[c]))
                        .divideAndRemainder(one);
                BigInteger product = qk[1].signum() > 0 ? qk[0].add(BigInteger.ONE) : qk[0];
                BigInteger[] kv = product.multiply(one).divideAndRemainder(BigInteger.valueOf(votes[c]));
                long next = (kv[1].signum() > 0 ? kv[0].add(BigInteger.ONE) : kv[0]).longValueExact();
                next = Math.min(next, ONE);
                if (next != keep[c]) {
                    keep[c] = next;
                    changed = true;
                }
            }
            return changed;
        }

        /** Clause 13 (and 19 for ties); -1 when no exclusion is due. */
        private int exclusionDue(long surplus, boolean stalled) {
            List<Integer> hopeful = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == HOPEFUL) {
                    hopeful.add(c);
                }
            }
            long low = Long.MAX_VALUE;
            long second = Long.MAX_VALUE;
            for (int c : hopeful) {
                if (votes[c] < low) {
                    second = low;
                    low = votes[c];
                } else if (votes[c] < second) {
                    second = votes[c];
                }
            }
            boolean sureLoser = low + surplus < second;
            if (!sureLoser && surplus >= SURPLUS_LIMIT && !stalled) {
                return -1;
            }
            final long lowest = low;
            List<Integer> tied = new ArrayList<>(hopeful);
            tied.removeIf(c -> votes[c] != lowest);
            return tied.size() == 1 ? tied.get(0) : breakTie(tied, true, "which candidate to exclude");
        }

        private List<Integer> electReachingQuota() {
            List<Integer> out = new ArrayList<>();
            while (electedOrder.size() < seats) {
                long top = -1;
                for (int c = 0; c < n; c++) {
                    if (state[c] == HOPEFUL && votes[c] >= quota) {
                        top = Math.max(top, votes[c]);
                    }
                }
                if (top < 0) {
                    break;
                }
                List<Integer> group = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if (state[c] == HOPEFUL && votes[c] == top) {
                        group.add(c);
                    }
                }
                if (group.size() > seats - electedOrder.size()) {
                    int c = breakTie(group, false, "which candidate reaching the quota to elect");
                    group = List.of(c);
                }
                for (int c : group) {
                    elect(c);
                    out.add(c);
                }
            }
            return out;
        }

        private List<Integer> electAllHopeful() {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == HOPEFUL) {
                    out.add(c);
                }
            }
            out.sort(Comparator.<Integer>comparingLong(c -> -votes[c]).thenComparing(Comparator.naturalOrder()));
            for (int c : out) {
                elect(c);
            }
            return out;
        }

        private void elect(int c) {
            state[c] = SUCCESSFUL;
            electedOrder.add(c);
            tree.moveOn(c);
        }

        private long totalSurplus() {
            long s = 0;
            for (int c : electedOrder) {
                s += Math.max(0, votes[c] - quota);
            }
            return s;
        }

        private List<Integer> withSurplus() {
            List<Integer> out = new ArrayList<>();
            for (int c : electedOrder) {
                if (votes[c] > quota) {
                    out.add(c);
                }
            }
            out.sort(Comparator.naturalOrder());
            return out;
        }

        private int count(byte s) {
            int k = 0;
            for (byte b : state) {
                k += b == s ? 1 : 0;
            }
            return k;
        }

        /** Clause 40 (AAFD) over every iteration's totals, then the lot. */
        private int breakTie(List<Integer> tied, boolean lowest, String question) {
            List<Integer> cands = new ArrayList<>(tied);
            for (long[] it : iterations) {
                long ext = it[cands.get(0)];
                boolean differ = false;
                for (int c : cands) {
                    differ |= it[c] != ext;
                    ext = lowest ? Math.min(ext, it[c]) : Math.max(ext, it[c]);
                }
                if (differ) {
                    final long e = ext;
                    cands.removeIf(c -> it[c] != e);
                    break;
                }
            }
            int stage = stages.size() + 1;
            if (cands.size() == 1) {
                ties.add(new Tie(stage, tied, Tie.Resolution.EARLIER_STAGE, cands.get(0), question));
                return cands.get(0);
            }
            int chosen = lot.draw(cands, contest.candidates());
            ties.add(new Tie(stage, tied, Tie.Resolution.LOT, chosen, question));
            return chosen;
        }

        private void addStage(StageKind kind, List<Integer> subject, List<Integer> elected, List<Integer> excluded,
                              int its, String extra) {
            long credited = 0;
            for (long x : votes) {
                credited += x;
            }
            long nonTransferable = validScaled - credited;
            String note = (its == 1 ? "1 iteration." : its + " iterations.") + (extra.isEmpty() ? "" : " " + extra);
            stages.add(new Stage(stages.size() + 1, kind, subject, null, votes, nonTransferable,
                    nonTransferable - exhausted, elected, excluded, note));
        }

    }

    /** a x b / 10^9, rounded up if not exact; a, b at most 10^9 so the product fits a long. */
    static long ceilMul(long a, long b) {
        long prod = a * b;
        long q = prod / ONE;
        return prod % ONE == 0 ? q : q + 1;
    }

    /** One iteration's keep values, compared by value. */
    private record KeepValues(long[] k) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeepValues other && Arrays.equals(k, other.k);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(k);
        }

        @Override
        public String toString() {
            return Arrays.toString(k);
        }
    }

}
