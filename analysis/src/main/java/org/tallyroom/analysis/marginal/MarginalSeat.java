package org.tallyroom.analysis.marginal;

import org.tallyroom.analysis.Fraction;

/**
 * A seat as a target: how far its holder is ahead of a challenger.
 *
 * @param holder          the winning party
 * @param winner          the winning candidate
 * @param challenger      the challenging party (the runner-up's, in {@link Marginals#bySeat})
 * @param majorityVotes   the winner's votes minus the challenger's best candidate's votes
 * @param majorityShare   that gap over all votes cast in the seat (the majority in %)
 * @param swingNeeded     half the gap: the Butler swing from holder to challenger that would tie
 *                        the seat (any more takes it)
 */
public record MarginalSeat(int rank, String divisionId, String divisionName, String holder, String winner,
                           String challenger, long majorityVotes, Fraction majorityShare, Fraction swingNeeded) {
}
