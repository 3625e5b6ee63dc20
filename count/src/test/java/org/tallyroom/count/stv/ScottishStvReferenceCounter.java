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
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Lot;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * A slow, obvious Scottish STV count for differential testing: one object per ballot paper, values
 * in {@link BigDecimal}, every candidate's total recomputed from the papers they hold at every stage.
 * It follows rules 45-52 as literally as it can and shares nothing with {@link ScottishStvCount} but
 * the report records and the {@link Lot}.
 */
final class ScottishStvReferenceCounter {
    private static final BigDecimal ONE = BigDecimal.ONE.setScale(5);

    private static final class Paper {
        final int[] prefs;
        int at;
        BigDecimal value = ONE;

        Paper(int[] prefs) {
            this.prefs = prefs;
        }
    }

    private enum State { CONTINUING, ELECTED, EXCLUDED, WITHDRAWN }

    private ScottishStvReferenceCounter() {
    }

    static CountReport count(Contest contest, CountOptions options) {
        List<Candidate> cands = contest.candidates();
        int n = cands.size();
        int seats = options.seats() > 0 ? options.seats() : contest.seats();
        State[] state = new State[n];
        for (int c = 0; c < n; c++) {
            state[c] = cands.get(c).withdrawn() ? State.WITHDRAWN : State.CONTINUING;
        }
        List<List<Paper>> piles = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            piles.add(new ArrayList<>());
        }
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long valid = 0;
        long distinct = 0;
        for (Ballot b : ((Votes.Papers) contest.votes()).ballots()) {
            List<Integer> order = new ArrayList<>();
            boolean severalFirst = false;
            for (int r = 0; r < b.rankCount(); r++) {
                List<Integer> live = new ArrayList<>();
                for (int c : b.atRank(r)) {
                    if (state[c] != State.WITHDRAWN && !live.contains(c)) {
                        live.add(c);
                    }
                }
                if (b.atRank(r).length == 0) {
                    break;
                }
                if (live.size() > 1) {
                    severalFirst = order.isEmpty();
                    break;
                }
                if (live.size() == 1 && !order.contains(live.get(0))) {
                    order.add(live.get(0));
                }
            }
            if (order.isEmpty()) {
                rejected.merge(severalFirst ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                        : RejectionReason.NO_FIRST_PREFERENCE, b.weight(), Long::sum);
                continue;
            }
            distinct++;
            int[] prefs = order.stream().mapToInt(Integer::intValue).toArray();
            for (long i = 0; i < b.weight(); i++) {
                valid++;
                piles.get(prefs[0]).add(new Paper(prefs));
            }
        }
        BigDecimal quota = BigDecimal.valueOf(valid / (seats + 1) + 1).setScale(5);
        BigDecimal[] fixed = new BigDecimal[n]; // totals no longer the sum of papers held
        BigDecimal exhausted = ONE.subtract(ONE);
        List<BigDecimal[]> history = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        List<Integer> elected = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        Lot lot = Lot.of(options);

        StageKind kind = StageKind.FIRST_PREFERENCES;
        List<Integer> subject = List.of();
        List<Integer> excluded = List.of();
        while (true) {
            BigDecimal[] totals = new BigDecimal[n];
            BigDecimal sum = ONE.subtract(ONE);
            for (int c = 0; c < n; c++) {
                if (fixed[c] != null) {
                    totals[c] = fixed[c];
                } else {
                    totals[c] = piles.get(c).stream().map(p -> p.value).reduce(ONE.subtract(ONE), BigDecimal::add);
                }
                sum = sum.add(totals[c]);
            }
            history.add(totals);
            List<Integer> now = new ArrayList<>();
            List<Integer> reach = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == State.CONTINUING && totals[c].compareTo(quota) >= 0) {
                    reach.add(c);
                }
            }
            reach.sort(Comparator.comparing((Integer c) -> totals[c]).reversed());
            for (int c : reach) {
                if (elected.size() < seats) {
                    state[c] = State.ELECTED;
                    elected.add(c);
                    now.add(c);
                }
            }
            List<Integer> cont = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == State.CONTINUING) {
                    cont.add(c);
                }
            }
            boolean rule52 = elected.size() < seats && cont.size() <= seats - elected.size();
            if (rule52) {
                cont.sort(Comparator.comparing((Integer c) -> totals[c]).reversed());
                for (int c : cont) {
                    state[c] = State.ELECTED;
                    elected.add(c);
                    now.add(c);
                }
            }
            BigDecimal validValue = BigDecimal.valueOf(valid).setScale(5);
            BigDecimal nonTransferable = validValue.subtract(sum);
            stages.add(new Stage(stages.size() + 1, kind, subject, null, scaled(totals),
                    nonTransferable.unscaledValue().longValueExact(),
                    nonTransferable.subtract(exhausted).unscaledValue().longValueExact(), now, excluded, ""));
            if (elected.size() == seats) {
                break;
            }
            // Rule 49: the largest surplus first.
            List<Integer> surplus = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (state[c] == State.ELECTED && fixed[c] == null && totals[c].compareTo(quota) > 0) {
                    surplus.add(c);
                }
            }
            if (!surplus.isEmpty()) {
                BigDecimal top = surplus.stream().map(c -> totals[c]).max(BigDecimal::compareTo).orElseThrow();
                List<Integer> tied = surplus.stream().filter(c -> totals[c].compareTo(top) == 0).toList();
                int c = tied.size() == 1 ? tied.get(0)
                        : tie(tied, true, history, lot, cands, ties, stages.size() + 1,
                        "whose surplus to transfer first (rule 49(2)-(3))");
                BigDecimal s = totals[c].subtract(quota);
                for (Paper p : piles.get(c)) {
                    p.value = s.multiply(p.value).divide(totals[c], 5, RoundingMode.DOWN);
                    exhausted = exhausted.add(pass(p, state, piles));
                }
                piles.get(c).clear();
                fixed[c] = quota;
                kind = StageKind.SURPLUS;
                subject = List.of(c);
                excluded = List.of();
            } else {
                BigDecimal low = cont.stream().map(c -> totals[c]).min(BigDecimal::compareTo).orElseThrow();
                List<Integer> tied = cont.stream().filter(c -> totals[c].compareTo(low) == 0).sorted().toList();
                int c = tied.size() == 1 ? tied.get(0)
                        : tie(tied, false, history, lot, cands, ties, stages.size() + 1,
                        "which candidate to exclude (rule 51(2))");
                state[c] = State.EXCLUDED;
                for (Paper p : piles.get(c)) {
                    exhausted = exhausted.add(pass(p, state, piles));
                }
                piles.get(c).clear();
                fixed[c] = ONE.subtract(ONE);
                kind = StageKind.EXCLUSION;
                subject = List.of(c);
                excluded = List.of(c);
            }
        }
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), "stv-scotland", seats, 5, cands,
                new BallotSummary(valid, rejectedTotal, distinct, rejected), quota.unscaledValue().longValueExact(),
                elected, stages, ties, options.seed(), options.lot(), List.of(), Map.of(), List.of());
    }

    /** Passes a paper to its next continuing preference; returns its value if it has none. */
    private static BigDecimal pass(Paper p, State[] state, List<List<Paper>> piles) {
        for (int i = p.at + 1; i < p.prefs.length; i++) {
            if (state[p.prefs[i]] == State.CONTINUING) {
                p.at = i;
                piles.get(p.prefs[i]).add(p);
                return ONE.subtract(ONE);
            }
        }
        p.at = p.prefs.length;
        return p.value;
    }

    private static int tie(List<Integer> tied, boolean highest, List<BigDecimal[]> history, Lot lot,
                           List<Candidate> cands, List<Tie> ties, int stage, String question) {
        List<Integer> still = List.copyOf(tied);
        for (int s = history.size() - 2; s >= 0; s--) {
            BigDecimal[] h = history.get(s);
            List<Integer> cur = still;
            if (cur.stream().allMatch(c -> h[c].compareTo(h[cur.get(0)]) == 0)) {
                continue;
            }
            BigDecimal best = cur.stream().map(c -> h[c])
                    .reduce((a, b) -> highest ? a.max(b) : a.min(b)).orElseThrow();
            still = cur.stream().filter(c -> h[c].compareTo(best) == 0).toList();
            if (still.size() == 1) {
                ties.add(new Tie(stage, tied, Tie.Resolution.EARLIER_STAGE, still.get(0), question));
                return still.get(0);
            }
        }
        int drawn = lot.draw(still, cands);
        ties.add(new Tie(stage, tied, Tie.Resolution.LOT, drawn, question));
        return drawn;
    }

    private static long[] scaled(BigDecimal[] totals) {
        long[] out = new long[totals.length];
        for (int i = 0; i < totals.length; i++) {
            out[i] = totals[i].setScale(5).unscaledValue().longValueExact();
        }
        return out;
    }
}
