package org.tallyroom.analysis.national;

/** A seat won by a different party than at the previous election. */
public record SeatChange(String divisionId, String divisionName, String from, String to) {
}
