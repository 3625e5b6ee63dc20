package org.tallyroom.analysis.council;

import java.util.List;

/**
 * Notional previous result for a new ward: the seats each party would have won there at the
 * previous election (as published by Rallings and Thrasher or a council), supplied by the caller.
 *
 * @param divisionId the new ward's id, as at the later election
 * @param seats      seats by party; they must add up to the ward's seats
 */
public record NotionalWard(String divisionId, List<PartySeats> seats) {
    public NotionalWard {
        seats = List.copyOf(seats);
    }
}
