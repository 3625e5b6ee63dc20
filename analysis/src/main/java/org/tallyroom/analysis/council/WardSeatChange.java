package org.tallyroom.analysis.council;

import java.util.List;

/** A ward whose seats by party changed: before (actual or notional) and after. */
public record WardSeatChange(String divisionId, String divisionName, List<PartySeats> before,
                             List<PartySeats> after) {
    public WardSeatChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
