package org.tallyroom.analysis.irregularity;

import java.util.List;

/**
 * Whether an irregularity affecting a number of electors could have changed a contest's result.
 *
 * @param couldChange  whether any winner's election could have changed (a tie counts)
 * @param winners      each elected candidate, highest votes first
 */
public record IrregularityCheck(String divisionId, String divisionName, long affected, boolean couldChange,
                                List<WinnerCheck> winners) {
    public IrregularityCheck {
        winners = List.copyOf(winners);
    }
}
