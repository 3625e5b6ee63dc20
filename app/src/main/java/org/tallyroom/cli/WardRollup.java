package org.tallyroom.cli;

import org.tallyroom.analysis.text.RollupText;
import org.tallyroom.analysis.ward.AreaLevel;
import org.tallyroom.analysis.ward.Rollup;
import org.tallyroom.analysis.ward.Rollups;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PlacedWards;
import org.tallyroom.store.analysis.StoredWardAreas;

/** {@code analyse wards --by borough|constituency}: a stored ward breakdown added up to areas. */
final class WardRollup {
    /** What the ward files say of turnout, printed with every roll-up. */
    static final String TURNOUT = "Turnout: not given; the ward-level files give no electorate.";

    private WardRollup() {
    }

    /** What {@code analyse wards --by} reports. */
    record RollupReport(String ballotId, Rollup rollup, String turnout) {
    }

    static AnalyseCommand.Output run(Store store, String ballotId, String by, String compare, String swingParties) {
        AreaLevel level = AreaLevel.parse(by);
        if (compare != null || swingParties != null) {
            throw new IllegalArgumentException("--by adds up one contest; give --compare and --swing without it");
        }
        PlacedWards wards = new StoredWardAreas(store).wards(ballotId);
        Rollup rollup = Rollups.rollup(wards.contestName(), level, wards.rows(), wards.declared());
        String text = RollupText.render(rollup) + TURNOUT + "\n";
        return new AnalyseCommand.Output(text, new RollupReport(ballotId, rollup, TURNOUT));
    }
}
