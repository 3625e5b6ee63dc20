package org.tallyroom.analysis.irregularity;

/**
 * One elected candidate against the electors affected.
 *
 * @param winner               the elected candidate
 * @param party                their party
 * @param nearestLoser         the highest candidate not elected
 * @param margin               the winner's votes minus the nearest loser's
 * @param affected             electors affected
 * @param affectedMinusMargin  affected minus margin: below 0, the result stands by that many votes to
 *                             spare; 0, a tie; above 0, the loser could have won by that many
 * @param outcome              the verdict
 */
public record WinnerCheck(String winner, String party, String nearestLoser, long margin, long affected,
                          long affectedMinusMargin, Outcome outcome) {
}
