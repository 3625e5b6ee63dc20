package org.tallyroom.analysis.ward;

import java.util.List;

/**
 * The roll-up's total against the declared total for the whole ballot, candidate by candidate.
 *
 * @param agrees   every declared figure equals the sum of the areas and no row was left unplaced
 * @param lines    one per candidate, in the roll-up's order, then any declared candidate with no figures
 * @param unplaced rows not placed in an area (left out of the areas, so the sum shows them missing)
 */
public record RollupCheck(boolean agrees, List<Line> lines, List<String> unplaced) {
    public RollupCheck {
        lines = List.copyOf(lines);
        unplaced = List.copyOf(unplaced);
    }

    /** A candidate's summed and declared totals. */
    public record Line(String name, String party, long summed, Long declared, Status status) {
    }

    /** How the two totals compare. */
    public enum Status {
        EQUAL, DIFFERS, NOT_DECLARED
    }

    /** The lines whose figures differ. */
    public List<Line> mismatches() {
        return lines.stream().filter(l -> l.status() == Status.DIFFERS).toList();
    }
}
