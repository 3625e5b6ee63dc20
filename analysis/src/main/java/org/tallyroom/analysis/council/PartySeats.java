package org.tallyroom.analysis.council;

/** A party's seats. */
public record PartySeats(String party, int seats) {
}
