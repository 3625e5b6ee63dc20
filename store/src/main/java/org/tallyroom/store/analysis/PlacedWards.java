package org.tallyroom.store.analysis;

import java.util.List;
import org.tallyroom.analysis.ward.DeclaredTotal;
import org.tallyroom.analysis.ward.PlacedWard;

/**
 * A stored ballot's current result by ward, each row with its borough and Assembly constituency, and the
 * declared totals for the whole ballot to check a roll-up against.
 *
 * @param ballotId    the ballot
 * @param contestName its name for display
 * @param rows        one per ward row, in the source's order (first preferences, for a supplementary vote)
 * @param declared    every candidate's votes in the current result (null where the result does not give them)
 */
public record PlacedWards(String ballotId, String contestName, List<PlacedWard> rows, List<DeclaredTotal> declared) {
    public PlacedWards {
        rows = List.copyOf(rows);
        declared = List.copyOf(declared);
    }
}
