package org.tallyroom.count.list;

import java.math.BigDecimal;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;

/**
 * The additional member system's list seats: the London Assembly's London members (Greater London
 * Authority Act 1999 s.4 and Sch 2 Part II) and, with {@code regional}, the Scottish Parliament's
 * regional members (Scotland Act 1998 ss.6-8).
 *
 * <p>London (Sch 2): each registered party's London figure is its London votes divided by one plus
 * the number of its candidates returned as constituency members and as London members so far; an
 * individual candidate's figure is his London votes (para 7). A party or individual candidate with
 * less than 5 per cent of the total London votes is disregarded (para 7). Each London member seat in
 * turn goes to the highest London figure, recalculated after each allocation (para 8(1)-(3)); an
 * individual candidate once returned is disregarded (para 8); seats allocated to a party are filled
 * from its list in order (para 8(5), which this count does not need: it allocates seats to lists).
 *
 * <p>Scotland (ss.7-8): the same per region with regional figures; no threshold; an individual
 * candidate already returned as a constituency or regional member is disregarded (s.8(3)).
 *
 * <p>Equal highest figures: the Act's Explanatory Notes (para 53) put the London rule as: the tied
 * figures are recalculated as though each had one more seat, the highest takes the seat, and if
 * still equal it is settled by lot. Recalculating with one more seat orders tied lists exactly as
 * their votes do (tied at q with divisors d1 &gt; d2 means v1 &gt; v2 and v1/(d1+1) &gt; v2/(d2+1)), so
 * the count applies "most votes, then lot", which gives the same seat. Scotland Act s.8(7) as
 * modified by order under s.12(2)(f) is to the same effect where the seats left cannot go to each.
 *
 * <p>Constituency seats come in {@link CountOptions#constituencySeats()} keyed by list name; the
 * report's seats by party add them to the list seats. The 5% threshold is the default for London;
 * {@link CountOptions#thresholdPercent()} overrides it (0 for none).
 */
public final class AdditionalMember implements Rules {
    private static final BigDecimal LONDON_THRESHOLD = BigDecimal.valueOf(5);

    @Override
    public String method() {
        return "ams";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        BigDecimal threshold = options.thresholdPercent() != null ? options.thresholdPercent()
                : options.regional() ? null : LONDON_THRESHOLD;
        String citation = options.regional()
                ? "most votes, then lot: Scotland Act 1998 s.8(7) as modified under s.12(2)(f)"
                : "recalculated as if each had one more seat, i.e. most votes, then lot: GLA Act 1999 Sch 2 para 8";
        return HighestAverages.count(contest, options, new HighestAverages.Setup(method(),
                (listSeats, alreadyWon) -> 1L + alreadyWon + listSeats, HighestAverages.TieRule.MOST_VOTES_THEN_LOT,
                threshold, options.constituencySeats(), true, citation));
    }
}
