package org.tallyroom.count.rcv;

import java.util.List;
import java.util.Map;

/**
 * One round of an RCTab count: the tally, then what was decided on it. Vote figures are scaled
 * integers at the rules' decimal places.
 *
 * @param number     1 for first choices
 * @param tally      each candidate's votes; {@code inTally[c]} says whether c was in this round's
 *                   tally (continuing, or elected in a multi-winner count)
 * @param inTally    see {@code tally}
 * @param threshold  votes needed to win this round
 * @param inactive   ballots (value) inactive by reason at this round
 * @param residual   residual surplus so far (value lost truncating surplus transfers)
 * @param elected    candidates elected on this round's tally
 * @param eliminated candidates eliminated on this round's tally
 * @param transfers  where the votes of those elected and eliminated went in the next round:
 *                   from candidate, to candidate or {@link #EXHAUSTED} or {@link #RESIDUAL}, value
 */
public record RcvRound(int number, long[] tally, boolean[] inTally, long threshold, Map<Inactive, Long> inactive,
                       long residual, List<Integer> elected, List<Integer> eliminated,
                       Map<Integer, Map<Integer, Long>> transfers) {
    public static final int EXHAUSTED = -1;
    public static final int RESIDUAL = -2;

    public RcvRound {
        tally = tally.clone();
        inTally = inTally.clone();
        inactive = Map.copyOf(inactive);
        elected = List.copyOf(elected);
        eliminated = List.copyOf(eliminated);
        transfers = Map.copyOf(transfers);
    }

    @Override
    public long[] tally() {
        return tally.clone();
    }

    @Override
    public boolean[] inTally() {
        return inTally.clone();
    }

    public long inactiveTotal() {
        long sum = 0;
        for (Map.Entry<Inactive, Long> e : inactive.entrySet()) {
            if (e.getKey() != Inactive.NO_RANKINGS) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    public long inactive(Inactive reason) {
        return inactive.getOrDefault(reason, 0L);
    }
}
