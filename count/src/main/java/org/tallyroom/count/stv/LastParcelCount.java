package org.tallyroom.count.stv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Lot;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;

/**
 * The count shared by Northern Ireland STV and ERS97: Gregory transfers of the last parcel received
 * at two decimal places, deferred surpluses, exclusion in batches by transfer value. The rule classes
 * ({@link NorthernIrelandStv}, {@link Ers97Stv}) cite the rules; this class marks each place where
 * the two texts differ with {@code ni}.
 *
 * <p>Data layout: papers are the rows of {@link RankedPaperRows} (identical papers never split),
 * and each row records who holds it ({@code holder}), its value per paper ({@code value}, scaled to
 * 2 dp), how far along its preferences it has been read ({@code pos}) and the transfer it arrived
 * with ({@code arrival}). Each candidate keeps the rows it received in arrival order, so "the parcel
 * last received" is the tail of that list and an excluded candidate's papers are the whole list.
 * Rows only ever leave an elected candidate (a surplus) or an excluded one, neither of which takes
 * papers again, so the lists are append-only.
 *
 * <p>Ties look forward from the first stage ("the earliest stage at which they had unequal votes",
 * NI r.50(1)(a), 51(13)(a); ERS97 5.2.3, 5.2.5, 5.6.2) over the totals recorded after every transfer
 * (NI: every stage; ERS97: every batch, which the text counts as a point in the count). Where three or
 * more are tied and the earliest difference still leaves several lowest (or highest), the look-forward
 * continues among those; then the lot.
 */
final class LastParcelCount {
    private static final long ONE = Fixed.scale(2);
    private static final byte CONTINUING = 0;
    private static final byte ELECTED = 1;
    private static final byte EXCLUDED = 2;
    private static final byte WITHDRAWN = 3;

    private final boolean ni;
    private final String method;
    private final Contest contest;
    private final RankedPaperRows p;
    private final int n;
    private final int seats;
    private final Lot lot;

    private final long[] votes;
    private long exhausted;
    private long loss;
    private final int[] holder;
    private final long[] value;
    private final int[] pos;
    private final int[] arrival;
    private final int[][] held;
    private final int[] heldSize;
    private final int[] lastArrival;
    private final byte[] state;
    private final boolean[] surplusDone;
    private final List<Integer> electedOrder = new ArrayList<>();
    private long quota;
    private int batch;

    private final List<long[]> points = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final List<Tie> ties = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder note = new StringBuilder();
    private List<Integer> narrowed = List.of();

    private LastParcelCount(boolean ni, String method, Contest contest, CountOptions options) {
        this.ni = ni;
        this.method = method;
        this.contest = contest;
        this.seats = options.seats();
        RankedPaperRows.standing(contest, seats, method);
        this.p = RankedPaperRows.read(contest, method);
        this.n = p.candidates;
        this.lot = Lot.of(options);
        votes = new long[n];
        holder = new int[p.rows];
        value = new long[p.rows];
        pos = new int[p.rows];
        arrival = new int[p.rows];
        held = new int[n][];
        heldSize = new int[n];
        lastArrival = new int[n];
        state = new byte[n];
        surplusDone = new boolean[n];
        for (int c = 0; c < n; c++) {
            held[c] = new int[4];
            state[c] = contest.candidates().get(c).withdrawn() ? WITHDRAWN : CONTINUING;
        }
    }

    static CountReport count(boolean ni, String method, Contest contest, CountOptions options) {
        return new LastParcelCount(ni, method, contest, options).run(options);
    }

    private CountReport run(CountOptions options) {
        firstStage();
        while (electedOrder.size() < seats) {
            List<Integer> pending = pendingSurpluses();
            long surplus = 0;
            for (int c : pending) {
                surplus += votes[c] - quota;
            }
            if (!pending.isEmpty()) {
                if (!deferred(surplus)) {
                    transferSurplus(pending);
                    continue;
                }
                note.append(ni ? "Surpluses totalling " + fmt(surplus) + " deferred: they could not alter the "
                        + "order of the lowest candidates (rule 49(10)). "
                        : "Surpluses totalling " + fmt(surplus) + " deferred (5.2.2). ");
            }
            List<Integer> group = chooseExclusion(surplus);
            if (continuing().size() - group.size() == seats - electedOrder.size()) {
                fillLastVacancies(group);
                break;
            }
            exclude(group);
        }
        if (p.onlyWithdrawn > 0) {
            notes.add(p.onlyWithdrawn + " papers gave preferences only for withdrawn candidates and are rejected "
                    + "as having no first preference.");
        }
        return new CountReport(contest.title(), method, seats, 2, contest.candidates(), p.summary(contest), quota,
                electedOrder, stages, ties, options.seed(), options.lot(), List.of(), java.util.Map.of(), notes);
    }

    // ---------------------------------------------------------------- stages

    private void firstStage() {
        for (int r = 0; r < p.rows; r++) {
            int c = p.prefs[p.start[r]];
            pos[r] = p.start[r];
            value[r] = ONE;
            give(r, c, 0);
            votes[c] += p.weight[r] * ONE;
        }
        quota = ni ? Fixed.of(p.valid / (seats + 1) + 1, 2) : ersQuota(Fixed.of(p.valid, 2));
        points.add(votes.clone());
        List<Integer> elected = deemElected();
        lastVacancies(elected);
        addStage(StageKind.FIRST_PREFERENCES, List.of(), null, elected, List.of());
    }

    /** NI r.49(1)-(8), 50; ERS97 5.3. */
    private void transferSurplus(List<Integer> pending) {
        long largest = 0;
        for (int c : pending) {
            largest = Math.max(largest, votes[c] - quota);
        }
        List<Integer> tied = new ArrayList<>();
        for (int c : pending) {
            if (votes[c] - quota == largest) {
                tied.add(c);
            }
        }
        tied.sort(Comparator.naturalOrder());
        int e = tied.size() == 1 ? tied.get(0) : breakTie(tied, false, "whose surplus to transfer first");
        long s = votes[e] - quota;
        int from = heldSize[e];
        while (from > 0 && arrival[held[e][from - 1]] == lastArrival[e]) {
            from--;
        }
        long v = value[held[e][heldSize[e] - 1]];
        int[] next = new int[heldSize[e] - from];
        long transferable = 0;
        for (int i = from; i < heldSize[e]; i++) {
            int r = held[e][i];
            next[i - from] = nextPreference(r);
            if (next[i - from] >= 0) {
                transferable += p.weight[r];
            }
        }
        long tv = transferable == 0 ? 0 : Math.min(s / transferable, v);
        batch++;
        for (int i = from; i < heldSize[e]; i++) {
            int r = held[e][i];
            if (next[i - from] >= 0) {
                pos[r] = next[i - from];
                value[r] = tv;
                int c = p.prefs[pos[r]];
                give(r, c, batch);
                votes[c] += p.weight[r] * tv;
            }
        }
        long moved = transferable * tv;
        votes[e] -= s;
        if (transferable * v > s) {
            loss += s - moved;
        } else {
            exhausted += s - moved;
        }
        surplusDone[e] = true;
        note.append("Surplus of ").append(fmt(s)).append(" from ")
                .append(lastArrival[e] == 0 ? "all the papers (first preferences)" : "the parcel last received")
                .append(": ").append(transferable).append(" transferable papers at ").append(fmt(tv)).append(". ");
        points.add(votes.clone());
        List<Integer> elected = deemElected();
        lastVacancies(elected);
        addStage(StageKind.SURPLUS, List.of(e), tv, elected, List.of());
    }

    /** NI r.51(1)-(10); ERS97 5.4. */
    private void exclude(List<Integer> group) {
        for (int x : group) {
            state[x] = EXCLUDED;
        }
        // Parcels in the order the rules take them: value (scaled) -> rows; NI puts first preferences first.
        List<int[]> parcels = new ArrayList<>();
        List<Long> parcelValues = new ArrayList<>();
        TreeMap<Long, IntBag> byValue = new TreeMap<>(Comparator.reverseOrder());
        IntBag firstPrefs = new IntBag();
        for (int x : group) {
            for (int i = 0; i < heldSize[x]; i++) {
                int r = held[x][i];
                if (ni && arrival[r] == 0) {
                    firstPrefs.add(r);
                } else {
                    byValue.computeIfAbsent(value[r], k -> new IntBag()).add(r);
                }
            }
        }
        if (firstPrefs.size > 0) {
            parcels.add(firstPrefs.toArray());
            parcelValues.add(ONE);
        }
        byValue.forEach((v, bag) -> {
            parcels.add(bag.toArray());
            parcelValues.add(v);
        });
        if (parcels.isEmpty()) {
            parcels.add(new int[0]);
            parcelValues.add(null);
        }
        List<Integer> stageElected = new ArrayList<>();
        int done = 0;
        for (int k = 0; k < parcels.size(); k++) {
            done++;
            batch++;
            Long v = parcelValues.get(k);
            for (int r : parcels.get(k)) {
                int x = holder[r];
                long amount = p.weight[r] * value[r];
                votes[x] -= amount;
                int nx = nextPreference(r);
                if (nx < 0) {
                    holder[r] = -1;
                    exhausted += amount;
                } else {
                    pos[r] = nx;
                    int c = p.prefs[nx];
                    give(r, c, batch);
                    votes[c] += amount;
                }
            }
            points.add(votes.clone());
            if (!ni && electedOrder.isEmpty() && exhausted + loss > 0) {
                long newQuota = ersQuota(Fixed.of(p.valid, 2) - exhausted - loss);
                if (newQuota != quota) {
                    quota = newQuota;
                    note.append("Papers have become non-transferable before anyone was elected: quota recalculated as ")
                            .append(fmt(quota)).append(" (5.4.8). ");
                }
            }
            List<Integer> elected = deemElected();
            if (ni) {
                lastVacancies(elected);
                if (parcels.size() > 1) {
                    note.append("Sub-parcel ").append(k + 1).append(" of ").append(parcels.size()).append(ni && k == 0
                            && firstPrefs.size > 0 ? " (first preferences, rule 51(2)-(3))" : " (rule 51(5)-(9))")
                            .append(". ");
                }
                addStage(StageKind.EXCLUSION, group, v, elected, k == 0 ? group : List.of());
                if (electedOrder.size() == seats) {
                    return;
                }
            } else {
                stageElected.addAll(elected);
                if (electedOrder.size() == seats) {
                    break;
                }
            }
        }
        if (!ni) {
            lastVacancies(stageElected);
            if (done > 1) {
                note.append(done).append(" batches transferred in descending order of value (5.4.1-5.4.11). ");
            }
            if (done < parcels.size()) {
                note.append("All places filled after batch ").append(done).append(" of ").append(parcels.size())
                        .append(": no further transfer (5.5.2). ");
            }
            addStage(StageKind.EXCLUSION, group, done == 1 ? parcelValues.get(0) : null, stageElected, group);
        }
    }

    /** NI r.52(1) and (3) at the point of exclusion; ERS97 5.5.1. */
    private void fillLastVacancies(List<Integer> group) {
        for (int x : group) {
            state[x] = EXCLUDED;
        }
        List<Integer> rest = byVotesDescending(continuing());
        for (int c : rest) {
            elect(c);
        }
        note.append(ni ? "Excluding them leaves as many continuing candidates as vacancies: those are deemed elected "
                + "and no further transfer is made (rule 52(1), (3)). "
                : "The proposed exclusion leaves as many continuing candidates as places: they are deemed "
                        + "elected (5.5.1). ");
        addStage(StageKind.FINAL, List.of(), null, rest, group);
    }

    // ---------------------------------------------------------------- decisions

    private List<Integer> pendingSurpluses() {
        List<Integer> out = new ArrayList<>();
        for (int c : electedOrder) {
            if (!surplusDone[c] && votes[c] > quota) {
                out.add(c);
            }
        }
        return out;
    }

    /** NI r.49(10); ERS97 5.2.2. */
    private boolean deferred(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        long v0 = votes[cont.get(0)];
        long v1 = votes[cont.get(1)];
        if (ni ? surplus < v1 - v0 : surplus <= v1 - v0) {
            return true;
        }
        int maxK = ni ? m - 1 : Math.min(m - 1, m - (seats - electedOrder.size()));
        long sum = v0;
        for (int k = 2; k <= maxK; k++) {
            sum += votes[cont.get(k - 1)];
            long next = votes[cont.get(k)];
            if (ni ? sum + surplus < next : sum + surplus <= next && votes[cont.get(k - 1)] < next) {
                return true;
            }
        }
        return false;
    }

    /** NI r.51(1), (12), (13); ERS97 5.2.5. */
    private List<Integer> chooseExclusion(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        int maxK = Math.min(m - 1, m - (seats - electedOrder.size()));
        int best = 1;
        long sum = votes[cont.get(0)];
        for (int k = 2; k <= maxK; k++) {
            sum += votes[cont.get(k - 1)];
            long next = votes[cont.get(k)];
            if (ni ? sum + surplus < next : sum + surplus <= next && votes[cont.get(k - 1)] < next) {
                best = k;
            }
        }
        if (best > 1) {
            List<Integer> group = new ArrayList<>(cont.subList(0, best));
            group.sort(Comparator.naturalOrder());
            note.append(ni ? "The lowest candidates together, with any surplus not transferred, have fewer votes than "
                    + "the next lowest: excluded in one operation (rule 51(12)). "
                    : "Candidates excluded together (5.2.5). ");
            return group;
        }
        long low = votes[cont.get(0)];
        List<Integer> tied = new ArrayList<>();
        for (int c : cont) {
            if (votes[c] == low) {
                tied.add(c);
            }
        }
        tied.sort(Comparator.naturalOrder());
        return List.of(tied.size() == 1 ? tied.get(0) : breakTie(tied, true, "which candidate to exclude"));
    }

    /** NI r.48(3); ERS97 5.1.7, 5.3.13, 5.4.9, 5.6.2. */
    private List<Integer> deemElected() {
        List<Integer> out = new ArrayList<>();
        if (ni) {
            for (int c : byVotesDescending(continuing())) {
                if (votes[c] >= quota && electedOrder.size() < seats) {
                    elect(c);
                    out.add(c);
                }
            }
            return out;
        }
        while (electedOrder.size() < seats) {
            int places = seats - electedOrder.size();
            long active = 0;
            for (int c : continuing()) {
                active += votes[c];
            }
            for (int c : pendingSurpluses()) {
                active += votes[c] - quota;
            }
            List<Integer> qualify = new ArrayList<>();
            for (int c : byVotesDescending(continuing())) {
                if (votes[c] >= quota || votes[c] > 0 && votes[c] * (places + 1) >= active) {
                    qualify.add(c);
                }
            }
            if (qualify.isEmpty()) {
                break;
            }
            if (qualify.size() <= places) {
                for (int c : qualify) {
                    elect(c);
                    out.add(c);
                }
                continue;
            }
            long boundary = votes[qualify.get(places - 1)];
            List<Integer> group = new ArrayList<>();
            for (int c : qualify) {
                if (votes[c] > boundary) {
                    elect(c);
                    out.add(c);
                } else if (votes[c] == boundary) {
                    group.add(c);
                }
            }
            group.sort(Comparator.naturalOrder());
            int need = seats - electedOrder.size();
            while (need > 0) {
                int chosen = lookBack(group, false);
                if (chosen < 0) {
                    note.append("Candidates equal at every point cannot all be deemed elected; none of them is "
                            + "deemed elected at this stage (5.6.2). ");
                    break;
                }
                ties.add(new Tie(stages.size() + 1, group, Tie.Resolution.EARLIER_STAGE, chosen,
                        "which candidate to deem elected first"));
                elect(chosen);
                out.add(chosen);
                group.remove(Integer.valueOf(chosen));
                need--;
            }
            break;
        }
        return out;
    }

    /** NI r.52(1), (2); ERS97 4.3 and 5.5.1: elect the continuing candidates when they fill the places. */
    private void lastVacancies(List<Integer> elected) {
        int places = seats - electedOrder.size();
        if (places == 0) {
            return;
        }
        List<Integer> cont = byVotesDescending(continuing());
        if (cont.size() == places) {
            for (int c : cont) {
                elect(c);
                elected.add(c);
            }
            note.append(ni ? "Continuing candidates equal the vacancies: deemed elected (rule 52(1)). "
                    : "Continuing candidates equal the places left: deemed elected (5.5.1). ");
            return;
        }
        if (ni && places == 1) {
            long total = 0;
            for (int c : cont) {
                total += votes[c];
            }
            for (int c : pendingSurpluses()) {
                total += votes[c] - quota;
            }
            List<Integer> ahead = new ArrayList<>();
            for (int c : cont) {
                if (votes[c] >= total - votes[c]) {
                    ahead.add(c);
                }
            }
            if (ahead.size() == 1) {
                elect(ahead.get(0));
                elected.add(ahead.get(0));
                note.append("One vacancy left and this candidate's votes at least equal all other continuing "
                        + "candidates' with any surplus not transferred: deemed elected (rule 52(2)). ");
            }
        }
    }

    /** Settles a tie by the earliest point of difference, then by lot; records it. */
    private int breakTie(List<Integer> tied, boolean lowest, String question) {
        int chosen = lookBack(tied, lowest);
        if (chosen >= 0) {
            ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.EARLIER_STAGE, chosen, question));
            return chosen;
        }
        List<Integer> still = narrowed;
        chosen = lot.draw(still, contest.candidates());
        ties.add(new Tie(stages.size() + 1, tied, Tie.Resolution.LOT, chosen, question));
        return chosen;
    }

    /**
     * The candidate singled out by looking forward from the first point; -1 if none, and then
     * {@link #narrowed} holds those still equal.
     */
    private int lookBack(List<Integer> tied, boolean lowest) {
        List<Integer> cands = new ArrayList<>(tied);
        for (long[] pt : points) {
            long ext = pt[cands.get(0)];
            boolean differ = false;
            for (int c : cands) {
                differ |= pt[c] != ext;
                ext = lowest ? Math.min(ext, pt[c]) : Math.max(ext, pt[c]);
            }
            if (differ) {
                final long e = ext;
                cands.removeIf(c -> pt[c] != e);
                if (cands.size() == 1) {
                    return cands.get(0);
                }
            }
        }
        narrowed = cands;
        return -1;
    }

    // ---------------------------------------------------------------- helpers

    private int nextPreference(int r) {
        int end = p.start[r + 1];
        for (int i = pos[r] + 1; i < end; i++) {
            if (state[p.prefs[i]] == CONTINUING) {
                return i;
            }
        }
        return -1;
    }

    private void give(int r, int c, int arrivedWith) {
        holder[r] = c;
        arrival[r] = arrivedWith;
        lastArrival[c] = arrivedWith;
        if (heldSize[c] == held[c].length) {
            held[c] = Arrays.copyOf(held[c], held[c].length * 2);
        }
        held[c][heldSize[c]++] = r;
    }

    private void elect(int c) {
        state[c] = ELECTED;
        electedOrder.add(c);
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

    private List<Integer> byVotesAscending(List<Integer> cands) {
        List<Integer> out = new ArrayList<>(cands);
        out.sort(Comparator.<Integer>comparingLong(c -> votes[c]).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private List<Integer> byVotesDescending(List<Integer> cands) {
        List<Integer> out = new ArrayList<>(cands);
        out.sort(Comparator.<Integer>comparingLong(c -> -votes[c]).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private void addStage(StageKind kind, List<Integer> subject, Long tv, List<Integer> elected,
                          List<Integer> excluded) {
        stages.add(new Stage(stages.size() + 1, kind, subject, tv, votes, exhausted + loss, loss, elected, excluded,
                note.toString().strip()));
        note.setLength(0);
    }

    /** ERS97 5.1.6: the division to two places; if not exact, the remainder ignored and 0.01 added. */
    private long ersQuota(long totalScaled) {
        long q = totalScaled / (seats + 1);
        return q * (seats + 1) == totalScaled ? q : q + 1;
    }

    private static String fmt(long v) {
        return Fixed.format(v, 2);
    }

    /** A growable list of row numbers. */
    private static final class IntBag {
        int[] items = new int[8];
        int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
