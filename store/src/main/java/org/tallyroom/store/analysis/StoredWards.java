package org.tallyroom.store.analysis;

import java.util.List;
import org.tallyroom.analysis.ContestResult;

/**
 * A stored ward breakdown of one ballot's current result: each ward (or postal pseudo-ward, or area
 * counted whole) as a one-seat contest of the ballot's candidates, in the source's order.
 *
 * @param ballotId    the ballot
 * @param contestName its name for display
 * @param wards       one per row; id the ward's GSS code, or {@code row:N} (the source's row) where the row
 *                    has none or repeats a code
 */
public record StoredWards(String ballotId, String contestName, List<ContestResult> wards) {
    public StoredWards {
        wards = List.copyOf(wards);
    }
}
