package org.tallyroom.io.selection;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The shortlist the party recorded: who may be ranked, who drew it up and when.
 *
 * @param candidates   the names in the file's order (white space folded)
 * @param drawnUpBy    who drew it up ("Chipping Barnet CLP executive", "NEC panel")
 * @param drawnUpOn    the day it was drawn up
 */
public record Shortlist(List<String> candidates, String drawnUpBy, LocalDate drawnUpOn) {
    public Shortlist {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(drawnUpBy, "drawnUpBy");
        Objects.requireNonNull(drawnUpOn, "drawnUpOn");
    }
}
