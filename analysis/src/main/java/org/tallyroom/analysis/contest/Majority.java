package org.tallyroom.analysis.contest;

import java.util.Optional;
import org.tallyroom.analysis.Fraction;

/**
 * A contest's majority: the votes by which the last elected candidate beat the first not elected
 * (for one seat, the winner over the runner-up).
 *
 * @param votes           the gap in votes; 0 where the last seat was decided by lot
 * @param ofValid         the gap over valid ballot papers, where they are known (always, for one seat)
 * @param lastElected     the last elected candidate (the winner, for one seat)
 * @param firstNotElected the highest candidate not elected (the runner-up)
 */
public record Majority(long votes, Optional<Fraction> ofValid, String lastElected, String firstNotElected) {
}
