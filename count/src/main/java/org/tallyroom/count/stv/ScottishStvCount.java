package org.tallyroom.count.stv;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Lot;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * One Scottish STV count in progress (rules in {@link ScottishStv}). Used once, by one thread.
 *
 * <p>Hot-path layout: every bundle is one record in a single {@code int[]} arena, and a bundle is
 * known by its record's offset: {@code [end, pos, weight (2 ints), value (2 ints), preferences...]},
 * where {@code pos} is the arena index of the preference now holding it and {@code value} its value
 * per paper scaled by 10^5. Each candidate's parcel is a growable {@code int[]} of offsets. A move
 * touches one record, usually one cache line, instead of five parallel arrays: after a few exclusions a
 * parcel's bundles lie far apart, so that is what makes five million papers count in well under a
 * second. No object per paper or per bundle.
 */
final class ScottishStvCount {
    private static final int D = ScottishStv.DECIMALS;
    private static final long ONE = Fixed.scale(D);

    private static final byte CONTINUING = 0;
    private static final byte ELECTED = 1;
    private static final byte EXCLUDED = 2;
    private static final byte WITHDRAWN = 3;

    private final String method;
    private final Contest contest;
    private final CountOptions options;
    private final List<Candidate> candidates;
    private final int n;
    private final int seats;
    private final Lot lot;

    // bundles: records in one arena (see the class comment)
    private static final int END = 0;
    private static final int POS = 1;
    private static final int WEIGHT = 2;
    private static final int VALUE = 4;
    private static final int PREFS = 6;
    private int[] arena;
    private int arenaSize;
    private int bundles;

    // candidates
    private final byte[] state;
    private final long[] total;
    private final int[][] parcel;
    private final int[] parcelSize;

    private long valid;
    private long quota;
    private long exhausted;
    private long truncation;
    private final Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
    private final List<long[]> history = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<Integer> elected = new ArrayList<>();
    private final List<Tie> ties = new ArrayList<>();

    private final PreferenceReader reader;

    ScottishStvCount(String method, Contest contest, CountOptions options, PreferenceReader reader) {
        this.method = method;
        this.reader = reader;
        this.contest = contest;
        this.options = options;
        this.candidates = contest.candidates();
        this.n = candidates.size();
        this.seats = contest.seatsToFill(options);
        this.lot = Lot.of(options);
        this.state = new byte[n];
        this.total = new long[n];
        this.parcel = new int[n][];
        this.parcelSize = new int[n];
        for (int c = 0; c < n; c++) {
            state[c] = candidates.get(c).withdrawn() ? WITHDRAWN : CONTINUING;
            parcel[c] = new int[16];
        }
    }

    CountReport run() {
        if (!(contest.votes() instanceof Votes.Papers papers)) {
            throw new CountException(method + " counts ballot papers (a BLT or ballots file), not tallies");
        }
        if (seats < 1) {
            throw new CountException("no seats to fill: give --seats");
        }
        if (continuing() < seats) {
            throw new CountException(seats + " seats but only " + continuing() + " candidates standing");
        }
        bundle(papers.ballots());
        if (valid == 0) {
            throw new CountException("no valid ballot papers to count");
        }
        // Rule 46: divide, ignore the decimal places, add one.
        quota = Fixed.of(valid / (seats + 1) + 1, D);
        firstStage();
        while (true) {
            if (elected.size() == seats || continuing() <= seats - elected.size()) {
                break;
            }
            int surplus = largestSurplus();
            if (surplus >= 0) {
                transferSurplus(surplus);
            } else {
                exclude(lowest());
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("Quota = floor(" + valid + " / (" + seats + " + 1)) + 1 (rule 46). Transfer values are truncated to "
                + D + " decimal places (rule 48(3)); non_transferable includes the value so lost, as official reports"
                + " do, and truncation_loss gives it alone.");
        Map<RejectionReason, Long> allRejected = BallotSummary.merge(contest.rejected(), rejected);
        long rejectedTotal = allRejected.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), method, seats, D, candidates,
                new BallotSummary(valid, rejectedTotal, bundles, allRejected), quota, elected, stages, ties,
                options.seed(), options.lot(), List.of(), Map.of(), notes);
    }

    // ---- rule 45: the papers and the first stage ----

    /**
     * Lays the valid bundles out in the arena, each with its usable preferences as the reader gives
     * them (withdrawn candidates read as not on the paper); rejects the rest.
     */
    private void bundle(List<Ballot> ballots) {
        arena = new int[Math.max(64, ballots.size() * (PREFS + 4))];
        boolean[] withdrawn = new boolean[n];
        for (int c = 0; c < n; c++) {
            withdrawn[c] = state[c] == WITHDRAWN;
        }
        for (Ballot ballot : ballots) {
            int ranks = ballot.rankCount();
            if (arenaSize + PREFS + ranks > arena.length) {
                long grown = Math.max((long) arena.length + PREFS + ranks, arena.length / 2 * 3L);
                if (grown > Integer.MAX_VALUE - 16) {
                    throw new CountException("too many distinct ballot markings to count in one contest");
                }
                arena = Arrays.copyOf(arena, (int) grown);
            }
            int o = arenaSize;
            int len = reader.read(ballot, ranks, withdrawn, arena, o + PREFS);
            if (len <= 0) {
                rejected.merge(len == PreferenceReader.SEVERAL_FIRST ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                        : RejectionReason.NO_FIRST_PREFERENCE, ballot.weight(), Math::addExact);
                continue;
            }
            arena[o + END] = o + PREFS + len;
            arena[o + POS] = o + PREFS;
            putLong(o + WEIGHT, ballot.weight());
            putLong(o + VALUE, ONE);
            valid = Math.addExact(valid, ballot.weight());
            arenaSize = o + PREFS + len;
            bundles++;
        }
    }

    private void firstStage() {
        for (int o = 0; o < arenaSize; o = arena[o + END]) {
            int c = arena[o + PREFS];
            give(c, o);
            total[c] = Math.addExact(total[c], Math.multiplyExact(getLong(o + WEIGHT), ONE));
        }
        record(StageKind.FIRST_PREFERENCES, List.of(), ONE, List.of(), "");
    }

    private long getLong(int i) {
        return (long) arena[i] << 32 | arena[i + 1] & 0xFFFF_FFFFL;
    }

    private void putLong(int i, long v) {
        arena[i] = (int) (v >>> 32);
        arena[i + 1] = (int) v;
    }

    // ---- rules 48 and 49: surpluses ----

    /** The elected candidate with the largest untransferred surplus (rule 49), or -1 if none. */
    private int largestSurplus() {
        List<Integer> tied = new ArrayList<>();
        long best = 0;
        for (int c = 0; c < n; c++) {
            if (state[c] == ELECTED && total[c] > quota) {
                if (tied.isEmpty() || total[c] > best) {
                    tied.clear();
                    best = total[c];
                    tied.add(c);
                } else if (total[c] == best) {
                    tied.add(c);
                }
            }
        }
        if (tied.isEmpty()) {
            return -1;
        }
        return tied.size() == 1 ? tied.get(0)
                : breakTie(tied, true, "whose surplus to transfer first (rule 49(2)-(3))");
    }

    /** Rule 48: every paper the candidate holds moves on at surplus x its value / total, truncated. */
    private void transferSurplus(int c) {
        long surplus = total[c] - quota;
        long credited = total[c];
        long moved = 0;
        long single = -1;
        int[] list = parcel[c];
        int size = parcelSize[c];
        parcel[c] = new int[16];
        parcelSize[c] = 0;
        for (int i = 0; i < size; i++) {
            int b = list[i];
            long tv = transferValue(surplus, getLong(b + VALUE), credited);
            single = single == -1 || single == tv ? tv : -2;
            moved += move(b, tv);
        }
        truncation += surplus - moved;
        total[c] = quota;
        record(StageKind.SURPLUS, List.of(c), single < 0 ? null : single, List.of(),
                single == -2 ? "papers received at different values moved at different transfer values" : "");
    }

    /** Rule 48(3): A / B with A = surplus x value of the paper, B = votes credited; 5 dp, remainder ignored. */
    static long transferValue(long surplus, long paperValue, long credited) {
        long hi = Math.multiplyHigh(surplus, paperValue);
        if (hi == 0 && surplus * paperValue >= 0) {
            return surplus * paperValue / credited;
        }
        return BigInteger.valueOf(surplus).multiply(BigInteger.valueOf(paperValue))
                .divide(BigInteger.valueOf(credited)).longValueExact();
    }

    // ---- rules 50 and 51: exclusion ----

    private int lowest() {
        List<Integer> tied = new ArrayList<>();
        long least = 0;
        for (int c = 0; c < n; c++) {
            if (state[c] == CONTINUING) {
                if (tied.isEmpty() || total[c] < least) {
                    tied.clear();
                    least = total[c];
                    tied.add(c);
                } else if (total[c] == least) {
                    tied.add(c);
                }
            }
        }
        return tied.size() == 1 ? tied.get(0) : breakTie(tied, false, "which candidate to exclude (rule 51(2))");
    }

    /** Rule 50(2)-(4): all the excluded candidate's papers move in one stage at the values they carry. */
    private void exclude(int c) {
        state[c] = EXCLUDED;
        int[] list = parcel[c];
        int size = parcelSize[c];
        parcel[c] = null;
        parcelSize[c] = 0;
        long single = -1;
        for (int i = 0; i < size; i++) {
            int b = list[i];
            long v = getLong(b + VALUE);
            single = single == -1 || single == v ? v : -2;
            move(b, v);
        }
        total[c] = 0;
        record(StageKind.EXCLUSION, List.of(c), single < 0 ? null : single, List.of(c),
                single == -2 ? "papers moved at the several values they carried (rule 50(4))" : "");
    }

    // ---- moving papers ----

    /**
     * Moves a bundle to the next continuing candidate on its papers at value {@code v} per paper, or
     * to the non-transferable papers; returns the value moved (weight x v).
     */
    private long move(int b, long v) {
        long amount = Math.multiplyExact(getLong(b + WEIGHT), v);
        int q = arena[b + POS] + 1;
        int e = arena[b + END];
        while (q < e && state[arena[q]] != CONTINUING) {
            q++;
        }
        arena[b + POS] = q;
        if (q == e) {
            exhausted += amount;
            return amount;
        }
        int to = arena[q];
        if (getLong(b + VALUE) != v) {
            putLong(b + VALUE, v);
        }
        give(to, b);
        total[to] = Math.addExact(total[to], amount);
        return amount;
    }

    private void give(int c, int b) {
        if (parcelSize[c] == parcel[c].length) {
            parcel[c] = Arrays.copyOf(parcel[c], parcelSize[c] * 2);
        }
        parcel[c][parcelSize[c]++] = b;
    }

    // ---- rules 47 and 52: election; the stage record ----

    /**
     * Closes a stage: elects those at or above the quota (rule 47), then, if the continuing candidates
     * no longer outnumber the vacancies, all of them (rule 52), and records the stage.
     */
    private void record(StageKind kind, List<Integer> subject, Long transferValue, List<Integer> excluded,
                        String note) {
        history.add(total.clone());
        List<Integer> now = new ArrayList<>();
        for (int c : byVotesDescending(x -> state[x] == CONTINUING && total[x] >= quota)) {
            if (elected.size() < seats) {
                state[c] = ELECTED;
                elected.add(c);
                now.add(c);
            }
        }
        int left = seats - elected.size();
        if (left > 0 && continuing() <= left) {
            for (int c : byVotesDescending(x -> state[x] == CONTINUING)) {
                state[c] = ELECTED;
                elected.add(c);
                now.add(c);
            }
            note = (note.isEmpty() ? "" : note + "; ") + "continuing candidates equal the vacancies left:"
                    + " elected without further transfer (rule 52)";
        }
        long inPlay = 0;
        for (long t : total) {
            inPlay += t;
        }
        long valueOfValid = Fixed.of(valid, D);
        if (valueOfValid - inPlay != exhausted + truncation) {
            throw new IllegalStateException("stage " + (stages.size() + 1) + " does not balance");
        }
        stages.add(new Stage(stages.size() + 1, kind, subject, transferValue, total, valueOfValid - inPlay,
                truncation, now, excluded, note));
    }

    private List<Integer> byVotesDescending(java.util.function.IntPredicate which) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (which.test(c)) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Long.compare(total[b], total[a]));
        return out;
    }

    private int continuing() {
        int k = 0;
        for (byte s : state) {
            if (s == CONTINUING) {
                k++;
            }
        }
        return k;
    }

    // ---- rules 49(2)-(3) and 51(2): ties ----

    /**
     * Looks back from the stage before this one to the most recent stage at which the tied candidates'
     * votes differed; the highest ({@code highest}) or lowest there is chosen. If that stage still
     * leaves some level, the look-back continues among them. Equal at every stage: lot.
     */
    private int breakTie(List<Integer> tied, boolean highest, String question) {
        int stage = stages.size() + 1;
        List<Integer> still = tied;
        for (int s = history.size() - 2; s >= 0; s--) {
            long[] h = history.get(s);
            long best = h[still.get(0)];
            boolean differ = false;
            for (int c : still) {
                if (h[c] != best) {
                    differ = true;
                }
                best = highest ? Math.max(best, h[c]) : Math.min(best, h[c]);
            }
            if (!differ) {
                continue;
            }
            List<Integer> at = new ArrayList<>();
            for (int c : still) {
                if (h[c] == best) {
                    at.add(c);
                }
            }
            still = at;
            if (still.size() == 1) {
                ties.add(new Tie(stage, tied, Tie.Resolution.EARLIER_STAGE, still.get(0), question));
                return still.get(0);
            }
        }
        int drawn = lot.draw(still, candidates);
        ties.add(new Tie(stage, tied, Tie.Resolution.LOT, drawn, question));
        return drawn;
    }
}
