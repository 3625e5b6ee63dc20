package org.tallyroom.cli;

import java.util.List;
import java.util.Optional;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.text.PlainText;
import org.tallyroom.analysis.ward.WardBreakdown;
import org.tallyroom.analysis.ward.WardSwings;
import org.tallyroom.analysis.ward.Wards;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.analysis.StoredWards;

/** {@code analyse wards}: a stored ward breakdown, and the swing by ward against another. */
final class WardAnalysis {
    private WardAnalysis() {
    }

    /** What {@code analyse wards} reports. */
    record WardReport(String ballotId, WardBreakdown breakdown, Optional<String> comparedWith,
                      Optional<WardSwings> swing) {
    }

    static AnalyseCommand.Output run(StoredElections stored, Store store, String ballotId, String compare,
                                     String swingParties) {
        StoredWards now = stored.wards(ballotId);
        WardBreakdown breakdown = Wards.breakdown(now.contestName(), now.wards());
        StringBuilder text = new StringBuilder(PlainText.render(breakdown));
        if (compare == null) {
            if (swingParties != null) {
                throw new IllegalArgumentException("--swing needs --compare (the earlier contest)");
            }
            return new AnalyseCommand.Output(text.toString(), new WardReport(ballotId, breakdown, Optional.empty(),
                    Optional.empty()));
        }
        StoredWards then = stored.wards(compare);
        String a;
        String b;
        List<ContestResult> both = new java.util.ArrayList<>(now.wards());
        both.addAll(then.wards());
        if (swingParties != null) {
            String[] p = swingParties.split(",");
            if (p.length != 2) {
                throw new IllegalArgumentException("expected --swing A,B (two parties), found '" + swingParties + "'");
            }
            a = AnalyseCommand.party(both, "these contests", p[0]);
            b = AnalyseCommand.party(both, "these contests", p[1]);
        } else {
            var lead = breakdown.total().shares();
            if (lead.size() < 2) {
                throw new IllegalArgumentException("a swing needs two parties; give --swing A,B");
            }
            a = lead.get(0).party();
            b = lead.get(1).party();
        }
        WardSwings swings = Wards.swing(now.wards(), then.wards(), a, b);
        text.append("\nAgainst ").append(compare).append('\n').append(PlainText.render(swings));
        return new AnalyseCommand.Output(text.toString(), new WardReport(ballotId, breakdown, Optional.of(compare),
                Optional.of(swings)));
    }
}
