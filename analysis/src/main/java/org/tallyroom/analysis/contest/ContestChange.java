package org.tallyroom.analysis.contest;

import java.util.List;
import org.tallyroom.analysis.Fraction;

/**
 * A contest against the previous contest for the same division.
 *
 * @param divisionId   the division
 * @param divisionName its name (as at the later contest)
 * @param verdict      "Con hold", "Lab gain from Con" for one seat; for more, the parties' seats,
 *                     e.g. "Lab 3 (was Con 2, Lab 1)"
 * @param convention   how both contests' party shares are counted
 * @param parties      each party standing at either contest, by its later share, highest first
 */
public record ContestChange(String divisionId, String divisionName, String verdict, PartyShareConvention convention,
                            List<ShareChange> parties) {
    public ContestChange {
        parties = List.copyOf(parties);
    }

    /** The change for {@code party}: zero either side where it did not stand. */
    public ShareChange party(String party) {
        return parties.stream().filter(p -> p.party().equals(party)).findFirst()
                .orElse(new ShareChange(party, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, false, false));
    }

    /** The Butler swing between {@code a} and {@code b}: positive is towards {@code a}. */
    public Swing swing(String a, String b) {
        return Swing.of(a, party(a).change(), b, party(b).change());
    }
}
