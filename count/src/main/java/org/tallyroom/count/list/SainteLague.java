package org.tallyroom.count.list;

import java.util.Map;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;

/**
 * Sainte-Laguë highest averages: each list's votes are divided by 1, 3, 5, 7... (twice its seats
 * plus one) and each seat in turn goes to the highest quotient. No UK statute uses it, so the
 * statutory model is New Zealand's Electoral Act 1993 s.191 (party votes divided by 1, 3, 5, 7...;
 * the highest quotients take the seats). Equal quotients are settled as RULES.md sets for both
 * highest-averages methods, following the UK list statute (Government of Wales Act 2006 s.9 as
 * substituted by the Senedd Cymru (Members and Elections) Act 2024): the list with more votes, then
 * lot. (NZ s.191(8) would go to lot directly; where the votes are equal the two agree.) Every tie is
 * recorded.
 *
 * <p>An optional threshold ({@code --threshold}) leaves out lists polling less than that share of
 * the valid list vote (NZ's 5% rule, s.191(4), without its electorate-seat exception). An individual
 * candidate takes at most one seat. The count is in {@link HighestAverages}.
 */
public final class SainteLague implements Rules {
    @Override
    public String method() {
        return "sainte-lague";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        DHondt.rejectAmsOptions(method(), options);
        return HighestAverages.count(contest, options, new HighestAverages.Setup(method(),
                (listSeats, alreadyWon) -> 2L * listSeats + 1, HighestAverages.TieRule.MOST_VOTES_THEN_LOT,
                options.thresholdPercent(), Map.of(), false, "most votes, then lot (as for D'Hondt)"));
    }
}
