package org.tallyroom.analysis.ward;

import java.util.Objects;
import org.tallyroom.analysis.ContestResult;

/**
 * One row of a ward breakdown with the areas it belongs to.
 *
 * @param ward         the row's figures (a ward, a borough's postal votes, or an area counted whole)
 * @param postal       whether the row is a borough's postal votes: part of the borough and constituency,
 *                     in no ward
 * @param borough      its borough; null where the row could not be placed (it is then listed, never dropped
 *                     silently)
 * @param constituency its Assembly constituency; null where it could not be placed
 * @param unplaced     why the row has no area, where it has none; else null
 */
public record PlacedWard(ContestResult ward, boolean postal, Area borough, Area constituency, String unplaced) {
    public PlacedWard {
        Objects.requireNonNull(ward, "ward");
    }

    /** The area at a level; null where the row has none. */
    public Area area(AreaLevel level) {
        return level == AreaLevel.BOROUGH ? borough : constituency;
    }
}
