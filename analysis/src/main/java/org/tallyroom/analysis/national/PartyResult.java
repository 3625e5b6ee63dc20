package org.tallyroom.analysis.national;

import org.tallyroom.analysis.Fraction;

/**
 * A party's national result and its change from the previous election (zeros where there is none
 * or the party did not stand).
 *
 * @param share        votes over all votes cast
 * @param shareChange  share minus share before, as a proportion
 */
public record PartyResult(String party, int candidates, int seats, int seatsBefore, int seatChange, long votes,
                          long votesBefore, long voteChange, Fraction share, Fraction shareBefore,
                          Fraction shareChange) {
}
