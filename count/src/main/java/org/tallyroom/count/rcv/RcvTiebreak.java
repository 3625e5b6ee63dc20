package org.tallyroom.count.rcv;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.tallyroom.count.CountException;
import org.tallyroom.count.Tie;

/**
 * Settles ties as RCTab's {@code Tiebreak} does, so that a seeded count draws the same lot RCTab
 * would: the tied names sorted, then the config's candidate order (the first listed is kept, the
 * last listed eliminated), a permutation shuffled once from the seed, earlier rounds' tallies, or a
 * draw from {@link Random} seeded as RCTab seeds it.
 */
final class RcvTiebreak {
    private final RcvRules rules;
    private final List<String> names;
    private final List<Integer> permutation;
    private final Draw draw;

    /** java.util.Random with its raw bits reachable, to take RCTab's draw without floating point. */
    static final class Draw extends Random {
        private static final long serialVersionUID = 1L;

        Draw(long seed) {
            super(seed);
        }

        /**
         * floor(nextDouble() * size) exactly as the JDK's double arithmetic gives it: nextDouble is
         * bits / 2^53; the product is rounded to 53 significant bits (half to even) and floored.
         */
        int index(int size) {
            long bits = ((long) next(26) << 27) + next(27);
            BigInteger p = BigInteger.valueOf(bits).multiply(BigInteger.valueOf(size));
            int excess = p.bitLength() - 53;
            if (excess > 0) {
                BigInteger q = p.shiftRight(excess);
                BigInteger rem = p.subtract(q.shiftLeft(excess));
                BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
                int cmp = rem.compareTo(half);
                if (cmp > 0 || cmp == 0 && q.testBit(0)) {
                    q = q.add(BigInteger.ONE);
                }
                p = q.shiftLeft(excess);
            }
            return p.shiftRight(53).intValueExact();
        }
    }

    RcvTiebreak(RcvRules rules, List<String> names, int writeIns) {
        this.rules = rules;
        this.names = names;
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (c != writeIns) {
                order.add(c);
            }
        }
        this.draw = rules.randomSeed() == null ? null : new Draw(rules.randomSeed());
        if (rules.tiebreakMode() == RcvRules.TiebreakMode.GENERATE_PERMUTATION) {
            List<String> sorted = new ArrayList<>(order.stream().map(names::get).toList());
            Collections.sort(sorted);
            Collections.shuffle(sorted, draw);
            order = new ArrayList<>(sorted.stream().map(names::indexOf).toList());
        }
        if (writeIns >= 0) {
            order.add(writeIns);
        }
        this.permutation = List.copyOf(order);
    }

    /**
     * Chooses among {@code tied}: the winner if {@code selectingWinner}, else the one eliminated.
     * Records the tie in {@code ties}.
     */
    int select(boolean selectingWinner, List<Integer> tied, int round, List<long[]> tallies,
               List<boolean[]> inTallies, List<Tie> ties) {
        List<Integer> sorted = new ArrayList<>(tied);
        sorted.sort((a, b) -> names.get(a).compareTo(names.get(b)));
        int chosen;
        Tie.Resolution how = Tie.Resolution.LOT;
        switch (rules.tiebreakMode()) {
            case RANDOM -> chosen = sorted.get(draw.index(sorted.size()));
            case USE_CANDIDATE_ORDER, GENERATE_PERMUTATION -> {
                List<Integer> search = new ArrayList<>(permutation);
                if (!selectingWinner) {
                    Collections.reverse(search);
                }
                chosen = search.stream().filter(sorted::contains).findFirst().orElseThrow();
            }
            case STOP_AND_ASK -> throw operatorNeeded(sorted, round);
            default -> {
                List<Integer> contention = sorted;
                Integer found = null;
                for (int back = round - 1; back > 0 && found == null; back--) {
                    long[] tally = tallies.get(back - 1);
                    // RCTab groups the tied names through a HashSet; its order decides any later draw.
                    HashSet<String> set = new HashSet<>();
                    for (int c : contention) {
                        set.add(names.get(c));
                    }
                    TreeMap<Long, List<Integer>> byVotes = new TreeMap<>();
                    for (String name : set) {
                        int c = names.indexOf(name);
                        byVotes.computeIfAbsent(tally[c], k -> new ArrayList<>()).add(c);
                    }
                    contention = selectingWinner ? byVotes.lastEntry().getValue() : byVotes.firstEntry().getValue();
                    if (contention.size() == 1) {
                        found = contention.get(0);
                    }
                }
                if (found != null) {
                    chosen = found;
                    how = Tie.Resolution.EARLIER_STAGE;
                } else if (rules.tiebreakMode() == RcvRules.TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_RANDOM) {
                    chosen = contention.get(draw.index(contention.size()));
                } else {
                    throw operatorNeeded(contention, round);
                }
            }
        }
        ties.add(new Tie(round, sorted, how, chosen,
                selectingWinner ? "which candidate to elect" : "which candidate to eliminate"));
        return chosen;
    }

    private CountException operatorNeeded(List<Integer> tied, int round) {
        return new CountException("round " + round + ": a tie between "
                + String.join(", ", tied.stream().map(names::get).toList()) + " needs the operator's decision"
                + " (tiebreakMode " + rules.tiebreakMode().label() + "); Tallyroom counts unattended:"
                + " use random, previousRoundCountsThenRandom, useCandidateOrder or generatePermutation");
    }
}
