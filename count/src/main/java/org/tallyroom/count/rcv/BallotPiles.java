package org.tallyroom.count.rcv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tallyroom.count.CountException;

/**
 * The ballots of an RCTab count and where each one is: with a candidate, or inactive for a reason.
 * Ballots with the same ranks are bundled: under RCTab's rules they always move together and carry
 * the same value. Each round, {@link #tally} reads every ballot that is not already settled, as
 * RCTab's {@code computeTalliesForRound} does, rank by rank.
 */
final class BallotPiles {
    private final RcvRules rules;
    private final long one;
    private final List<Bundle> bundles = new ArrayList<>();

    /** Ballots with the same ranks. */
    private static final class Bundle {
        final int[][] ranks;
        final int maxRank;
        final int numRankings;
        long weight;
        int recipient = -1;
        Inactive status;
        final Map<Integer, Long> allocated = new HashMap<>();

        Bundle(int[][] ranks) {
            this.ranks = ranks;
            int last = 0;
            int marked = 0;
            for (int r = 0; r < ranks.length; r++) {
                if (ranks[r].length > 0) {
                    last = r + 1;
                    marked++;
                }
            }
            this.maxRank = last;
            this.numRankings = marked;
        }

        /** One ballot's value still to count: 1 less what winners keep of it. */
        long value(long one) {
            long v = one;
            for (long a : allocated.values()) {
                v -= a;
            }
            return v;
        }
    }

    private record Key(int[][] ranks) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.deepEquals(ranks, k.ranks);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(ranks);
        }
    }

    BallotPiles(List<int[][]> ballots, RcvRules rules, long one) {
        this.rules = rules;
        this.one = one;
        Map<Key, Bundle> byRanks = new LinkedHashMap<>();
        for (int[][] ranks : ballots) {
            byRanks.computeIfAbsent(new Key(ranks), k -> new Bundle(ranks)).weight++;
        }
        bundles.addAll(byRanks.values());
    }

    /** Distinct rankings. */
    int distinct() {
        return bundles.size();
    }

    /**
     * Counts one round: each ballot for its highest-ranked continuing candidate, or inactive.
     *
     * @param continuing     whether a candidate is still in the count
     * @param allSeatsFilled multi-winner: every seat is filled, so what is left is final surplus
     * @param tally          receives each candidate's votes
     * @param inactive       receives the inactive ballots' value by reason
     * @param moved          receives the transfers made: from candidate, to candidate or
     *                       {@link RcvRound#EXHAUSTED}, value
     */
    void tally(IntPredicate continuing, boolean allSeatsFilled, long[] tally, EnumMap<Inactive, Long> inactive,
               Map<Integer, Map<Integer, Long>> moved) {
        for (Bundle b : bundles) {
            long total = Math.multiplyExact(b.value(one), b.weight);
            if (b.status != null) {
                inactive.merge(b.status, total, Long::sum);
                continue;
            }
            if (b.recipient >= 0 && continuing.test(b.recipient)) {
                tally[b.recipient] += total;
                continue;
            }
            if (b.numRankings == 0) {
                select(b, -1, Inactive.NO_RANKINGS, total, inactive, moved);
            }
            int lastRankSeen = 0;
            Set<Integer> seen = new HashSet<>();
            for (int r = 1; r <= b.ranks.length; r++) {
                int[] at = b.ranks[r - 1];
                if (at.length == 0) {
                    continue;
                }
                if (rules.usesSurpluses() && allSeatsFilled) {
                    select(b, -1, Inactive.FINAL_ROUND_SURPLUS, total, inactive, moved);
                    break;
                }
                if (rules.maxSkippedRanks() != RcvRules.UNLIMITED && r - lastRankSeen > rules.maxSkippedRanks() + 1) {
                    select(b, -1, Inactive.SKIPPED_RANKINGS, total, inactive, moved);
                    break;
                }
                lastRankSeen = r;
                if (rules.exhaustOnDuplicate() && repeats(at, seen)) {
                    select(b, -1, Inactive.REPEATED_RANKINGS, total, inactive, moved);
                    break;
                }
                Overvote decision = overvote(at, continuing);
                if (decision == Overvote.EXHAUST) {
                    select(b, -1, Inactive.OVERVOTE, total, inactive, moved);
                    break;
                }
                if (decision == Overvote.SKIP) {
                    if (r == b.maxRank) {
                        select(b, -1, Inactive.EXHAUSTED_CHOICES, total, inactive, moved);
                    }
                    continue;
                }
                int chosen = -1;
                for (int c : at) {
                    if (continuing.test(c)) {
                        chosen = c;
                        break;
                    }
                }
                if (chosen >= 0) {
                    select(b, chosen, null, total, inactive, moved);
                    tally[chosen] += total;
                    break;
                }
                if (r == b.maxRank) {
                    select(b, -1, Inactive.EXHAUSTED_CHOICES, total, inactive, moved);
                }
            }
        }
    }

    /** True if a candidate at this rank was already seen on the ballot (adds the rank's candidates). */
    private static boolean repeats(int[] at, Set<Integer> seen) {
        for (int c : at) {
            if (!seen.add(c)) {
                return true;
            }
        }
        return false;
    }

    private enum Overvote { NONE, EXHAUST, SKIP }

    private Overvote overvote(int[] at, IntPredicate continuing) {
        boolean explicit = false;
        for (int c : at) {
            explicit |= c == RcvContest.OVERVOTE;
        }
        if (explicit) {
            if (rules.overvoteRule() == RcvRules.OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING) {
                throw new CountException("a cast vote record marks an overvote, which overvoteRule "
                        + rules.overvoteRule().label() + " cannot settle (RCTab allows only exhaustImmediately"
                        + " or alwaysSkipToNextRank with an overvote label)");
            }
            return rules.overvoteRule() == RcvRules.OvervoteRule.EXHAUST_IMMEDIATELY ? Overvote.EXHAUST : Overvote.SKIP;
        }
        if (at.length <= 1) {
            return Overvote.NONE;
        }
        return switch (rules.overvoteRule()) {
            case EXHAUST_IMMEDIATELY -> Overvote.EXHAUST;
            case ALWAYS_SKIP_TO_NEXT_RANK -> Overvote.SKIP;
            case EXHAUST_IF_MULTIPLE_CONTINUING -> {
                int still = 0;
                for (int c : at) {
                    still += continuing.test(c) ? 1 : 0;
                }
                yield still >= 2 ? Overvote.EXHAUST : Overvote.NONE;
            }
        };
    }

    /** Moves a bundle to {@code to} (or makes it inactive for {@code why}), recording the transfer. */
    private static void select(Bundle b, int to, Inactive why, long total, EnumMap<Inactive, Long> inactive,
                               Map<Integer, Map<Integer, Long>> moved) {
        if (total > 0 && b.recipient >= 0) {
            moved.computeIfAbsent(b.recipient, k -> new HashMap<>())
                    .merge(to >= 0 ? to : RcvRound.EXHAUSTED, total, Long::sum);
        }
        b.recipient = to;
        if (to < 0) {
            b.status = why;
            inactive.merge(why, total, Long::sum);
        }
    }

    /**
     * A winner keeps of each of their ballots its value less the surplus share,
     * {@code value × fraction} truncated, which goes on with the ballot.
     */
    void keepForWinner(int winner, long fraction) {
        for (Bundle b : bundles) {
            if (b.recipient == winner) {
                long v = b.value(one);
                b.allocated.put(winner, v - RcvTabulator.mulDiv(v, fraction, one));
            }
        }
    }

    /** What a winner keeps of all the ballots that elected them. */
    long keptBy(int winner) {
        long total = 0;
        for (Bundle b : bundles) {
            Long a = b.allocated.get(winner);
            if (a != null) {
                total += Math.multiplyExact(a, b.weight);
            }
        }
        return total;
    }
}
