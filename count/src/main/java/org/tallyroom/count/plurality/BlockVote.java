package org.tallyroom.count.plurality;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;

/**
 * Multi-member plurality ("block vote") as in English and Welsh council wards of two or three seats:
 * Local Elections (Principal Areas) (England and Wales) Rules 2006 Sch 2 (England) r.46 (a paper
 * voting for more candidates than the voter is entitled to is void), r.49 (equality settled by lot).
 * Each voter has as many votes as seats, at most one per candidate; the {@code seats} highest win.
 */
public final class BlockVote implements Rules {
    @Override
    public String method() {
        return "block";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        return PluralityCount.count(method(), contest, options, options.seats());
    }
}
