package org.tallyroom.count.plurality;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;

/**
 * First past the post: one vote, one seat, most votes wins. Representation of the People Act 1983
 * Sch 1 (parliamentary election rules) rr.44-50, in particular r.47 (rejected papers) and r.49
 * (equality of votes settled by lot); the Local Elections (Principal Areas) (England and Wales)
 * Rules 2006 for single-member wards, by-elections, GLA constituency members, and mayors and PCCs
 * from May 2024.
 *
 * <p>More than one seat is a block vote; use {@code block}.
 */
public final class Fptp implements Rules {
    @Override
    public String method() {
        return "fptp";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        if (options.seats() > 1) {
            throw new CountException("fptp fills one seat; for " + options.seats() + " seats use --method block");
        }
        return PluralityCount.count(method(), contest, options, 1);
    }
}
