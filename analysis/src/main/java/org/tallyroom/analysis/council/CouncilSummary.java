package org.tallyroom.analysis.council;

import java.util.List;

/**
 * A council after an ordinary election.
 *
 * @param name      the election, "Barnet 2022"
 * @param seats     the council's seats
 * @param byParty   seats by party, most first
 * @param control   control, threshold, largest party and seats short
 */
public record CouncilSummary(String name, int seats, List<PartySeats> byParty, Control control) {
    public CouncilSummary {
        byParty = List.copyOf(byParty);
    }

    /** Seats held by {@code party} (0 if none). */
    public int seatsOf(String party) {
        return byParty.stream().filter(p -> p.party().equals(party)).mapToInt(PartySeats::seats).sum();
    }
}
