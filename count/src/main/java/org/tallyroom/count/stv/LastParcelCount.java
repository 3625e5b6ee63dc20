package org.tallyroom.count.stv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Lot;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;

/**
 * What Northern Ireland STV ({@link NorthernIrelandCount}) and ERS97 ({@link Ers97Count}) truly share:
 * papers that move in parcels at two decimal places, a surplus arising from a transfer taken from the
 * parcel last received (Gregory), ties settled by looking forward from the first point of difference,
 * then by lot. Everything the two texts word differently (the quota, when a surplus waits, who is
 * excluded and how their papers move, who is deemed elected) is in the subclass for that text; this
 * class never asks which one it is.
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
 * NI r.50(1)(a), 51(13)(a); ERS97 5.2.3, 5.2.5, 5.6.2) over the totals recorded at every point the
 * subclass records (NI: every stage; ERS97: every batch, which the text counts as a point in the
 * count). Where three or more are tied and the earliest difference still leaves several lowest (or
 * highest), the look-forward continues among those; then the lot.
 */
abstract class LastParcelCount {
    static final long ONE = Fixed.scale(2);
    static final byte CONTINUING = 0;
    static final byte ELECTED = 1;
    static final byte EXCLUDED = 2;
    static final byte WITHDRAWN = 3;

    private final String method;
    final Contest contest;
    final RankedPaperRows p;
    final int n;
    final int seats;
    private final Lot lot;

    final long[] votes;
    long exhausted;
    long loss;
    final int[] holder;
    final long[] value;
    final int[] pos;
    final int[] arrival;
    final int[][] held;
    final int[] heldSize;
    final int[] lastArrival;
    final byte[] state;
    private final boolean[] surplusDone;
    final List<Integer> electedOrder = new ArrayList<>();
    long quota;
    int batch;

    private final List<long[]> points = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    final List<Tie> ties = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    final StringBuilder note = new StringBuilder();
    private List<Integer> narrowed = List.of();

    LastParcelCount(String method, Contest contest, CountOptions options, PreferenceReader reader) {
        this.method = method;
        this.contest = contest;
        this.seats = options.seats();
        RankedPaperRows.standing(contest, seats, method);
        this.p = RankedPaperRows.read(contest, method, reader);
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

    // ---------------------------------------------------------------- what each text says its own way

    /** The quota on the valid papers, scaled to 2 dp. */
    abstract long quota(long validPapers);

    /** Whether surpluses totalling {@code surplus} wait, the count going to an exclusion instead. */
    abstract boolean deferred(long surplus);

    /** The note for a deferral. */
    abstract String deferralNote(long surplus);

    /** Who is excluded next, with any surpluses deferred ({@code surplus}) counted with them. */
    abstract List<Integer> chooseExclusion(long surplus);

    /** Excludes the group and moves their papers, recording the stage or stages. */
    abstract void exclude(List<Integer> group);

    /** Deems elected whoever the text says is elected now; returns them in order. */
    abstract List<Integer> deemElected();

    /** The note when an exclusion would leave as many continuing candidates as places. */
    abstract String lastVacanciesByExclusionNote();

    /** The note when continuing candidates equal the places left. */
    abstract String continuingEqualPlacesNote();

    // ---------------------------------------------------------------- the count

    final CountReport run(CountOptions options) {
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
                note.append(deferralNote(surplus));
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
                electedOrder, stages, ties, options.seed(), options.lot(), List.of(), Map.of(), notes);
    }

    private void firstStage() {
        for (int r = 0; r < p.rows; r++) {
            int c = p.prefs[p.start[r]];
            pos[r] = p.start[r];
            value[r] = ONE;
            give(r, c, 0);
            votes[c] += p.weight[r] * ONE;
        }
        quota = quota(p.valid);
        recordPoint();
        List<Integer> elected = deemElected();
        lastVacancies(elected);
        addStage(StageKind.FIRST_PREFERENCES, List.of(), null, elected, List.of());
    }

    /** NI r.49(1)-(8), 50; ERS97 5.3: the largest surplus, from the parcel last received. */
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
        recordPoint();
        List<Integer> elected = deemElected();
        lastVacancies(elected);
        addStage(StageKind.SURPLUS, List.of(e), tv, elected, List.of());
    }

    /** Moves one parcel of an excluded candidate's rows to their next continuing preferences, as one batch. */
    final void moveParcel(int[] rows) {
        batch++;
        for (int r : rows) {
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
        recordPoint();
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
        note.append(lastVacanciesByExclusionNote());
        addStage(StageKind.FINAL, List.of(), null, rest, group);
    }

    /** NI r.52(1); ERS97 4.3 and 5.5.1: the continuing candidates are elected when they fill the places. */
    void lastVacancies(List<Integer> elected) {
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
            note.append(continuingEqualPlacesNote());
        }
    }

    final List<Integer> pendingSurpluses() {
        List<Integer> out = new ArrayList<>();
        for (int c : electedOrder) {
            if (!surplusDone[c] && votes[c] > quota) {
                out.add(c);
            }
        }
        return out;
    }

    /** The lowest continuing candidate, a tie settled by the earliest point of difference, then lot. */
    final int lowest(List<Integer> ascending) {
        long low = votes[ascending.get(0)];
        List<Integer> tied = new ArrayList<>();
        for (int c : ascending) {
            if (votes[c] == low) {
                tied.add(c);
            }
        }
        tied.sort(Comparator.naturalOrder());
        return tied.size() == 1 ? tied.get(0) : breakTie(tied, true, "which candidate to exclude");
    }

    // ---------------------------------------------------------------- ties

    /** Settles a tie by the earliest point of difference, then by lot; records it. */
    final int breakTie(List<Integer> tied, boolean lowest, String question) {
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
    final int lookBack(List<Integer> tied, boolean lowest) {
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

    /** The totals now, as a point the look-forward can use. */
    final void recordPoint() {
        points.add(votes.clone());
    }

    final int stagesSoFar() {
        return stages.size();
    }

    // ---------------------------------------------------------------- helpers

    final int nextPreference(int r) {
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

    final void elect(int c) {
        state[c] = ELECTED;
        electedOrder.add(c);
    }

    final List<Integer> continuing() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (state[c] == CONTINUING) {
                out.add(c);
            }
        }
        return out;
    }

    final List<Integer> byVotesAscending(List<Integer> cands) {
        List<Integer> out = new ArrayList<>(cands);
        out.sort(Comparator.<Integer>comparingLong(c -> votes[c]).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    final List<Integer> byVotesDescending(List<Integer> cands) {
        List<Integer> out = new ArrayList<>(cands);
        out.sort(Comparator.<Integer>comparingLong(c -> -votes[c]).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    final void addStage(StageKind kind, List<Integer> subject, Long tv, List<Integer> elected,
                        List<Integer> excluded) {
        stages.add(new Stage(stages.size() + 1, kind, subject, tv, votes, exhausted + loss, loss, elected, excluded,
                note.toString().strip()));
        note.setLength(0);
    }

    static String fmt(long v) {
        return Fixed.format(v, 2);
    }
}
