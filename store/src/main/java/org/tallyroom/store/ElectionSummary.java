package org.tallyroom.store;

import java.time.LocalDate;

/**
 * What the store holds for one election (organisation election, or group where the type has no
 * organisation elections).
 *
 * @param electionId  Democracy Club id
 * @param name        its name
 * @param date        polling day
 * @param ballots     ballots filed directly under it
 * @param withResults of those, ballots with a result
 */
public record ElectionSummary(String electionId, String name, LocalDate date, int ballots, int withResults) {
}
