package org.tallyroom.analysis.irregularity;

import java.util.List;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;

/**
 * The irregularity check (could N electors affected have changed the result?) for a count by any
 * method, from its report. Each elector affected could have cast one more valid paper, marked in
 * any way. Plurality counts: {@link Irregularity}; the supplementary vote: {@link SvBound}; list and
 * AMS counts: {@link ListBound}; Scottish STV: {@link StvBound}. The verdict is
 * {@link Outcome#CANNOT_CHANGE} only where the reasoning proves it.
 */
public final class CountIrregularity {
    private CountIrregularity() {
    }

    public static CountCheck check(CountReport report, CountOptions options, long affected) {
        if (affected < 0) {
            throw new IllegalArgumentException("electors affected must be 0 or more, found " + affected);
        }
        return switch (report.method()) {
            case "sv" -> SvBound.check(report, affected);
            case "dhondt", "sainte-lague", "ams" -> ListBound.check(report, options, affected);
            case "stv-scotland" -> StvBound.check(report, affected);
            case "fptp", "block" -> PluralityBound.check(report, affected);
            default -> new CountCheck(report.title(), report.method(), affected, Outcome.NOT_PROVEN, 0, -1,
                    List.of("No bound is implemented for " + report.method() + " counts (bounds exist for fptp, "
                            + "block, sv, dhondt, sainte-lague, ams and stv-scotland), so nothing is proven."));
        };
    }
}
