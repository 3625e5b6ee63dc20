package org.tallyroom.analysis.national;

/** Seats that passed from one party to another. */
public record Flow(String from, String to, int seats) {
}
