package org.tallyroom.count.stv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * A slow, literal Meek (NZ Schedule 1A) counter for differential tests: one list entry per ballot
 * paper, BigDecimal at 9 places, every product rounded up as clause 10 says. Written from the
 * Schedule's steps, not from {@link MeekStv}.
 */
final class MeekReferenceCount {
    private static final BigDecimal ONE = BigDecimal.ONE.setScale(9);
    private static final BigDecimal LIMIT = new BigDecimal("0.000100000");
    private static final BigDecimal TINY = new BigDecimal("0.000000001");

    private final Contest contest;
    private final int seats;
    private final int n;
    private final Lot lot;
    private final List<int[]> papers = new ArrayList<>();
    private final BigDecimal[] keep;
    private final String[] status;
    private BigDecimal[] votes;
    private BigDecimal left;
    private BigDecimal quota;
    private final List<Integer> elected = new ArrayList<>();
    private final List<BigDecimal[]> steps = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<Tie> ties = new ArrayList<>();

    MeekReferenceCount(Contest contest, CountOptions options) {
        this.contest = contest;
        this.seats = options.seats();
        this.n = contest.candidates().size();
        this.lot = Lot.of(options);
        keep = new BigDecimal[n];
        status = new String[n];
        for (int c = 0; c < n; c++) {
            boolean w = contest.candidates().get(c).withdrawn();
            status[c] = w ? "withdrawn" : "hopeful";
            keep[c] = w ? BigDecimal.ZERO.setScale(9) : ONE;
        }
    }

    CountReport count(CountOptions options) {
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long distinct = 0;
        for (Ballot b : ((Votes.Papers) contest.votes()).ballots()) {
            ReferencePaperReading.Read read = ReferencePaperReading.read(ReferencePaperReading.figures(b),
                    java.util.Set.of(), Integer.MAX_VALUE);
            int[] usable = java.util.Arrays.stream(read.toArray())
                    .filter(c -> !contest.candidates().get(c).withdrawn()).toArray();
            if (usable.length == 0) {
                rejected.merge(read.severalFirst() ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                        : RejectionReason.NO_FIRST_PREFERENCE, b.weight(), Long::sum);
                continue;
            }
            distinct++;
            for (long i = 0; i < b.weight(); i++) {
                papers.add(usable);
            }
        }
        allocate();
        List<Integer> now = reachQuota();
        if (elected.size() < seats && hopefuls().size() + elected.size() == seats) {
            now.addAll(allHopeful());
        }
        record(StageKind.FIRST_PREFERENCES, List.of(), now, List.of(), 1, "");
        StageKind kind = StageKind.SURPLUS;
        List<Integer> subject = surplusHolders();
        List<Integer> out = List.of();
        int its = 0;
        boolean converged = false;
        java.util.Set<List<BigDecimal>> tried = new java.util.HashSet<>();
        while (elected.size() < seats) {
            BigDecimal surplus = BigDecimal.ZERO;
            for (int c : elected) {
                surplus = surplus.add(votes[c].subtract(quota).max(BigDecimal.ZERO));
            }
            List<Integer> hope = hopefuls();
            hope.sort(Comparator.comparing((Integer c) -> votes[c]).thenComparing(Comparator.naturalOrder()));
            boolean exclude = surplus.compareTo(LIMIT) < 0 || converged
                    || votes[hope.get(0)].add(surplus).compareTo(votes[hope.get(1)]) < 0;
            int x = -1;
            if (exclude) {
                List<Integer> low = new ArrayList<>();
                for (int c : hope) {
                    if (votes[c].compareTo(votes[hope.get(0)]) == 0) {
                        low.add(c);
                    }
                }
                low.sort(Comparator.naturalOrder());
                x = low.size() == 1 ? low.get(0) : aafd(low, true, "which candidate to exclude");
                if (its > 0) {
                    record(kind, subject, List.of(), out, its, "");
                }
                status[x] = "excluded";
                keep[x] = BigDecimal.ZERO.setScale(9);
                kind = StageKind.EXCLUSION;
                subject = List.of(x);
                out = List.of(x);
                its = 0;
                converged = false;
                tried.clear();
                if (hopefuls().size() + elected.size() == seats) {
                    record(kind, subject, allHopeful(), out, 0,
                            "Successful and hopeful candidates now equal the vacancies (clause 3).");
                    break;
                }
            }
            boolean moved = false;
            for (int c : elected) {
                if (votes[c].signum() == 0) {
                    continue;
                }
                BigDecimal qk = quota.multiply(keep[c]).setScale(9, RoundingMode.UP);
                BigDecimal k = qk.divide(votes[c], 9, RoundingMode.UP).min(ONE);
                if (k.compareTo(keep[c]) != 0) {
                    moved = true;
                }
                keep[c] = k;
            }
            // Keep values already tried since the last exclusion or election: the same keep values give
            // the same allocation, so the iteration has entered a cycle and can get no closer.
            boolean again = !tried.add(List.of(keep));
            allocate();
            its++;
            converged = !moved && x < 0 || again || its >= MeekStv.MAX_ITERATIONS;
            List<Integer> got = reachQuota();
            if (!got.isEmpty()) {
                tried.clear();
                if (elected.size() < seats && hopefuls().size() + elected.size() == seats) {
                    got.addAll(allHopeful());
                }
                record(kind, subject, got, out, its, "");
                kind = StageKind.SURPLUS;
                subject = surplusHolders();
                out = List.of();
                its = 0;
            }
        }
        Map<RejectionReason, Long> all = BallotSummary.merge(contest.rejected(), rejected);
        long rej = all.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), "stv-meek", seats, 9, contest.candidates(),
                new BallotSummary(papers.size(), rej, distinct, all), scaled(quota), elected, stages, ties,
                options.seed(), options.lot(), List.of(), Map.of(), List.of());
    }

    /** Clause 10, paper by paper; then clause 11's quota. */
    private void allocate() {
        votes = new BigDecimal[n];
        java.util.Arrays.fill(votes, BigDecimal.ZERO.setScale(9));
        left = BigDecimal.ZERO.setScale(9);
        for (int[] paper : papers) {
            BigDecimal value = ONE;
            for (int c : paper) {
                if (value.signum() == 0) {
                    break;
                }
                votes[c] = votes[c].add(value.multiply(keep[c]).setScale(9, RoundingMode.UP));
                value = value.multiply(ONE.subtract(keep[c])).setScale(9, RoundingMode.UP);
            }
            left = left.add(value);
        }
        steps.add(votes.clone());
        BigDecimal credited = BigDecimal.ZERO;
        for (BigDecimal v : votes) {
            credited = credited.add(v);
        }
        quota = credited.divide(new BigDecimal(seats + 1), 9, RoundingMode.DOWN).add(TINY);
    }

    private List<Integer> reachQuota() {
        List<Integer> got = new ArrayList<>();
        while (elected.size() < seats) {
            List<Integer> over = new ArrayList<>();
            for (int c : hopefuls()) {
                if (votes[c].compareTo(quota) >= 0) {
                    over.add(c);
                }
            }
            if (over.isEmpty()) {
                break;
            }
            BigDecimal top = over.stream().map(c -> votes[c]).max(Comparator.naturalOrder()).orElseThrow();
            List<Integer> best = new ArrayList<>(over);
            best.removeIf(c -> votes[c].compareTo(top) != 0);
            if (best.size() > seats - elected.size()) {
                best = List.of(aafd(best, false, "which candidate reaching the quota to elect"));
            }
            for (int c : best) {
                status[c] = "successful";
                elected.add(c);
                got.add(c);
            }
        }
        return got;
    }

    private List<Integer> allHopeful() {
        List<Integer> h = hopefuls();
        h.sort(Comparator.comparing((Integer c) -> votes[c]).reversed().thenComparing(Comparator.naturalOrder()));
        for (int c : h) {
            status[c] = "successful";
            elected.add(c);
        }
        return h;
    }

    private int aafd(List<Integer> tied, boolean lowest, String question) {
        List<Integer> pool = new ArrayList<>(tied);
        for (BigDecimal[] s : steps) {
            BigDecimal ext = null;
            boolean same = true;
            for (int c : pool) {
                if (ext != null && s[c].compareTo(ext) != 0) {
                    same = false;
                }
                if (ext == null || (lowest ? s[c].compareTo(ext) < 0 : s[c].compareTo(ext) > 0)) {
                    ext = s[c];
                }
            }
            if (!same) {
                final BigDecimal e = ext;
                pool.removeIf(c -> s[c].compareTo(e) != 0);
                break;
            }
        }
        if (pool.size() == 1) {
            ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.EARLIER_STAGE, pool.get(0), question));
            return pool.get(0);
        }
        int d = lot.draw(pool, contest.candidates());
        ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.LOT, d, question));
        return d;
    }

    private List<Integer> hopefuls() {
        List<Integer> h = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (status[c].equals("hopeful")) {
                h.add(c);
            }
        }
        return h;
    }

    private List<Integer> surplusHolders() {
        List<Integer> s = new ArrayList<>();
        for (int c : elected) {
            if (votes[c].compareTo(quota) > 0) {
                s.add(c);
            }
        }
        s.sort(Comparator.naturalOrder());
        return s;
    }

    private void record(StageKind kind, List<Integer> subject, List<Integer> got, List<Integer> out, int its,
                        String extra) {
        long[] v = new long[n];
        BigDecimal credited = BigDecimal.ZERO;
        for (int c = 0; c < n; c++) {
            v[c] = scaled(votes[c]);
            credited = credited.add(votes[c]);
        }
        BigDecimal nt = new BigDecimal(papers.size()).subtract(credited);
        String note = (its == 1 ? "1 iteration." : its + " iterations.") + (extra.isEmpty() ? "" : " " + extra);
        stages.add(new Stage(stages.size() + 1, kind, subject, null, v, scaled(nt), scaled(nt.subtract(left)), got, out,
                note));
    }

    private static long scaled(BigDecimal v) {
        return v.setScale(9, RoundingMode.UNNECESSARY).movePointRight(9).longValueExact();
    }
}
