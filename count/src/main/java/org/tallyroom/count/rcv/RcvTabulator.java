package org.tallyroom.count.rcv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tallyroom.count.CountException;
import org.tallyroom.count.Tie;

/**
 * Counts a ranked-choice contest round by round as RCTab 2.0 does (BrightSpots/rcv,
 * {@code Tabulator}): each round every ballot counts for its highest-ranked continuing candidate
 * unless its skipped ranks, an overvote or a repeated candidate make it inactive first; then
 * winners are identified against the threshold or candidates eliminated (undeclared write-ins
 * first, then everyone under the minimum vote threshold, then a batch that cannot overtake, then
 * the last); in multi-winner counts each winner's surplus goes on with every ballot at a reduced
 * value. Arithmetic is fixed-point at the config's decimal places, truncating as RCTab does.
 *
 * <p>These are a US jurisdiction's configurable rules, applied only to contests whose RCTab config
 * asks for them; the UK methods keep their own statutory classes.
 */
public final class RcvTabulator {
    private final RcvContest contest;
    private final RcvRules rules;
    private final int n;
    private final long one;
    private final BallotPiles piles;
    private final Map<Integer, Integer> wonInRound = new LinkedHashMap<>();
    private final Map<Integer, Integer> eliminatedInRound = new LinkedHashMap<>();
    private final List<long[]> tallies = new ArrayList<>();
    private final List<boolean[]> inTallies = new ArrayList<>();
    private final List<Long> thresholds = new ArrayList<>();
    private final List<EnumMap<Inactive, Long>> inactives = new ArrayList<>();
    private final List<Long> residuals = new ArrayList<>();
    /** Transfers made while tallying round r (index r - 1): from, to, value. */
    private final List<Map<Integer, Map<Integer, Long>>> movedIn = new ArrayList<>();
    private final List<List<Integer>> electedAt = new ArrayList<>();
    private final List<List<Integer>> eliminatedAt = new ArrayList<>();
    private final List<Tie> ties = new ArrayList<>();
    private final RcvTiebreak tiebreak;
    private final int declared;
    private int round;

    private RcvTabulator(RcvContest contest, RcvRules rules) {
        this.contest = contest;
        this.rules = rules;
        this.n = contest.candidates().size();
        this.one = pow10(rules.decimals());
        this.declared = n - (contest.writeIns() >= 0 ? 1 : 0);
        this.piles = new BallotPiles(contest.ballots(), rules, one);
        this.tiebreak = new RcvTiebreak(rules, contest.candidates(), contest.writeIns());
    }

    /** Counts the contest. */
    public static RcvResult tabulate(RcvContest contest, RcvRules rules) {
        RcvTabulator t = new RcvTabulator(contest, rules);
        t.run();
        return t.result();
    }

    private void run() {
        while (shouldContinue()) {
            round++;
            movedIn.add(new HashMap<>());
            electedAt.add(new ArrayList<>());
            eliminatedAt.add(new ArrayList<>());
            boolean[] inTally = new boolean[n];
            long[] tally = new long[n];
            EnumMap<Inactive, Long> inactive = new EnumMap<>(Inactive.class);
            for (int c = 0; c < n; c++) {
                inTally[c] = continuing(c);
            }
            piles.tally(this::continuing, wonInRound.size() == rules.winners(), tally, inactive, movedIn.get(round - 1));
            tallies.add(tally);
            inTallies.add(inTally);
            inactives.add(inactive);
            residuals.add(round == 1 ? 0L : residuals.get(round - 2));
            boolean recompute = rules.winners() > 1 ? round == 1 : !rules.firstRoundThreshold() || round == 1;
            thresholds.add(recompute ? threshold(sum(tally, inTally)) : thresholds.get(round - 2));
            long threshold = thresholds.get(round - 1);
            TreeMap<Long, List<Integer>> byVotes = byVotes(tally, inTally);
            List<Integer> winners = identifyWinners(tally, inTally, byVotes, threshold);
            if (!winners.isEmpty()) {
                for (int w : winners) {
                    wonInRound.put(w, round);
                }
                electedAt.get(round - 1).addAll(winners);
                if (rules.usesSurpluses()) {
                    for (int w : winners) {
                        long votes = tally[w];
                        long extra = votes - threshold;
                        long fraction = extra > 0 ? mulDiv(extra, one, votes) : 0;
                        piles.keepForWinner(w, fraction);
                    }
                }
            } else if (wonInRound.size() < rules.winners()
                    || rules.continueUntilTwo() && eliminatedInRound.size() < n - 2) {
                List<Integer> out = eliminate(tally, byVotes);
                for (int c : out) {
                    eliminatedInRound.put(c, round);
                }
                eliminatedAt.get(round - 1).addAll(out);
            }
            if (rules.winners() > 1) {
                updateWinnerTallies(tally, inTally);
            }
            if (round > 10_000) {
                throw new CountException("the count did not finish in 10,000 rounds");
            }
        }
    }

    private boolean shouldContinue() {
        int out = eliminatedInRound.size();
        int won = wonInRound.size();
        if (rules.stopAfterRound() > 0 && round >= rules.stopAfterRound()) {
            return false;
        }
        if (won == declared && rules.winners() > n) {
            return false;
        }
        if (rules.continueUntilTwo()) {
            return out + won + 1 < n || eliminatedInRound.containsValue(round);
        }
        return won < rules.winners() || rules.usesSurpluses() && wonInRound.containsValue(round);
    }

    private boolean continuing(int c) {
        if (c < 0 || contest.excluded()[c] || eliminatedInRound.containsKey(c)) {
            return false;
        }
        return !wonInRound.containsKey(c) || rules.continueUntilTwo();
    }

    private long threshold(long total) {
        int divisor = rules.hareQuota() ? rules.winners() : rules.winners() + 1;
        long unit = rules.nonIntegerThreshold() ? 1 : one;
        long step = Math.multiplyExact(unit, divisor);
        long t;
        if (rules.hareQuota()) {
            t = Math.ceilDiv(total, step) * unit;
        } else {
            t = Math.floorDiv(total, step) * unit + unit;
        }
        long min = rules.minimumVoteThreshold();
        return min > 0 && min > t ? min : t;
    }

    private TreeMap<Long, List<Integer>> byVotes(long[] tally, boolean[] inTally) {
        TreeMap<Long, List<Integer>> map = new TreeMap<>();
        for (int c = 0; c < n; c++) {
            if (inTally[c]) {
                map.computeIfAbsent(tally[c], k -> new ArrayList<>()).add(c);
            }
        }
        return map;
    }

    private List<Integer> identifyWinners(long[] tally, boolean[] inTally, TreeMap<Long, List<Integer>> byVotes,
                                          long threshold) {
        List<Integer> selected = new ArrayList<>();
        int w = contest.writeIns();
        if (w >= 0 && inTally[w] && tally[w] != 0) {
            return selected;
        }
        int active = 0;
        for (boolean b : inTally) {
            active += b ? 1 : 0;
        }
        int unfilled = rules.winners() - wonInRound.size();
        if (unfilled > 0) {
            if (active <= unfilled) {
                for (int c = 0; c < n; c++) {
                    if (inTally[c]) {
                        selected.add(c);
                    }
                }
            } else if (rules.firstRoundThreshold() && active - 1 == rules.winners()) {
                selected = new ArrayList<>(byVotes.lastEntry().getValue());
            } else if (rules.winnerMode() != RcvRules.WinnerMode.BOTTOMS_UP) {
                for (Map.Entry<Long, List<Integer>> e : byVotes.entrySet()) {
                    if (e.getKey() >= threshold) {
                        for (int c : e.getValue()) {
                            if (c != w) {
                                selected.add(c);
                            }
                        }
                    }
                }
            }
        }
        boolean tieMany = selected.size() > 1
                && (rules.winnerMode() == RcvRules.WinnerMode.MULTI_WINNER_ONE_PER_ROUND || rules.firstRoundThreshold());
        boolean tieNone = rules.winners() == 1 && selected.isEmpty() && active == 2 && unfilled == 1
                && byVotes.keySet().stream().allMatch(v -> v >= rules.minimumVoteThreshold());
        if (tieMany || tieNone) {
            long max = byVotes.lastKey();
            selected = new ArrayList<>(byVotes.get(max));
            if (selected.size() > 1) {
                int chosen = tiebreak.select(true, selected, round, tallies, inTallies, ties);
                selected = new ArrayList<>(List.of(chosen));
            }
        }
        // Several winners in one round: the one with most votes first (config order among equals).
        selected.sort((a, b) -> Long.compare(tally[b], tally[a]));
        return selected;
    }

    private List<Integer> eliminate(long[] tally, TreeMap<Long, List<Integer>> byVotes) {
        List<Integer> out = new ArrayList<>();
        int w = contest.writeIns();
        if (w >= 0 && continuing(w) && tally[w] > 0) {
            out.add(w);
            return out;
        }
        long min = rules.minimumVoteThreshold();
        if (min > 0 && byVotes.firstKey() < min) {
            for (Map.Entry<Long, List<Integer>> e : byVotes.headMap(min).entrySet()) {
                out.addAll(e.getValue());
            }
            if (out.size() == declared) {
                throw new CountException("every declared candidate is under the minimum vote threshold");
            }
            return out;
        }
        if (rules.batchElimination()) {
            List<Integer> batch = batch(byVotes);
            if (batch.size() > 1) {
                return batch;
            }
        }
        List<Integer> last = byVotes.firstEntry().getValue();
        if (last.size() > 1) {
            out.add(tiebreak.select(false, last, round, tallies, inTallies, ties));
        } else {
            out.add(last.get(0));
        }
        return out;
    }

    /** Everyone who could not overtake the next-lowest even with all the lower candidates' votes. */
    private List<Integer> batch(TreeMap<Long, List<Integer>> byVotes) {
        long running = 0;
        List<Integer> seen = new ArrayList<>();
        List<Integer> eliminations = new ArrayList<>();
        List<Integer> previous = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> e : byVotes.entrySet()) {
            List<Integer> next = new ArrayList<>(eliminations);
            if (running < e.getKey()) {
                for (int c : seen) {
                    if (!next.contains(c)) {
                        next.add(c);
                    }
                }
            }
            running += e.getKey() * e.getValue().size();
            seen.addAll(e.getValue());
            if (next.size() > eliminations.size()) {
                previous = eliminations;
                eliminations = next;
            }
        }
        if (rules.continueUntilTwo() && eliminations.size() + eliminatedInRound.size() == n - 1) {
            eliminations = previous;
        }
        return eliminations;
    }

    /** Multi-winner: past winners' totals, with any residual surplus set aside. */
    private void updateWinnerTallies(long[] tally, boolean[] inTally) {
        Map<Integer, Map<Integer, Long>> moved = movedIn.get(round - 1);
        for (Map.Entry<Integer, Integer> e : wonInRound.entrySet()) {
            int winner = e.getKey();
            int wonAt = e.getValue();
            if (wonAt == round) {
                continue;
            }
            inTally[winner] = true;
            if (wonAt < round - 1) {
                tally[winner] = tallies.get(round - 2)[winner];
                continue;
            }
            long total = piles.keptBy(winner);
            long threshold = thresholds.get(round - 1);
            long residual = total - threshold;
            if (residual > 0) {
                residuals.set(round - 1, residuals.get(round - 1) + residual);
                total = threshold;
                moved.computeIfAbsent(winner, k -> new HashMap<>()).merge(RcvRound.RESIDUAL, residual, Long::sum);
            }
            tally[winner] = total;
        }
    }

    private RcvResult result() {
        List<RcvRound> rounds = new ArrayList<>();
        for (int r = 1; r <= round; r++) {
            Map<Integer, Map<Integer, Long>> transfers = new HashMap<>();
            if (r < round) {
                Map<Integer, Map<Integer, Long>> next = movedIn.get(r);
                for (int c : electedAt.get(r - 1)) {
                    transfers.put(c, Map.copyOf(next.getOrDefault(c, Map.of())));
                }
                for (int c : eliminatedAt.get(r - 1)) {
                    transfers.put(c, Map.copyOf(next.getOrDefault(c, Map.of())));
                }
            }
            rounds.add(new RcvRound(r, tallies.get(r - 1), inTallies.get(r - 1), thresholds.get(r - 1),
                    inactives.get(r - 1), residuals.get(r - 1), electedAt.get(r - 1), eliminatedAt.get(r - 1),
                    transfers));
        }
        List<Integer> winners = new ArrayList<>();
        for (List<Integer> e : electedAt) {
            winners.addAll(e);
        }
        return new RcvResult(contest, rules, rounds, winners, ties, piles.distinct());
    }

    private static long sum(long[] tally, boolean[] inTally) {
        long s = 0;
        for (int c = 0; c < tally.length; c++) {
            s += inTally[c] ? tally[c] : 0;
        }
        return s;
    }

    private static long pow10(int d) {
        long p = 1;
        for (int i = 0; i < d; i++) {
            p *= 10;
        }
        return p;
    }

    /** floor(a * b / c) for non-negative a, b and positive c, exactly. */
    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            return a * b / c;
        }
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .divide(java.math.BigInteger.valueOf(c)).longValueExact();
    }
}
