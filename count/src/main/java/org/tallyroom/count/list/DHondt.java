package org.tallyroom.count.list;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;

/**
 * D'Hondt closed-list allocation, as the Senedd Cymru (Members and Elections) Act 2024 s.8 enacts it
 * for Senedd general elections from 2026 (Government of Wales Act 2006 s.9 as substituted): each
 * list's figure is its votes divided by one more than the seats it has been allocated; each seat in
 * turn goes to the highest figure. An individual candidate, once allocated a seat, is disregarded.
 * Where the highest figure is the same for two or more, the seat goes to the one with the greatest
 * number of votes, and if they are still equal it is decided by lot.
 *
 * <p>Divisors 1, 2, 3...; an optional threshold ({@code --threshold}) leaves out lists polling less
 * than that share of the valid list vote; the Senedd Act itself has none. The count is in
 * {@link HighestAverages}; this class fixes the divisor and the tie rule.
 */
public final class DHondt implements Rules {
    @Override
    public String method() {
        return "dhondt";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        rejectAmsOptions(method(), options);
        return HighestAverages.count(contest, options, new HighestAverages.Setup(method(),
                (listSeats, alreadyWon) -> listSeats + 1L, HighestAverages.TieRule.MOST_VOTES_THEN_LOT,
                options.thresholdPercent(), java.util.Map.of(), false,
                "most votes, then lot: Government of Wales Act 2006 s.9 as substituted by the Senedd Cymru "
                        + "(Members and Elections) Act 2024"));
    }

    static void rejectAmsOptions(String method, CountOptions options) {
        if (!options.constituencySeats().isEmpty() || options.regional()) {
            throw new CountException("constituency seats and the regional variant belong to --method ams, not "
                    + method);
        }
    }
}
