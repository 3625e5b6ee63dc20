package org.tallyroom.analysis.contest;

import org.tallyroom.analysis.Fraction;

/**
 * One candidate's line in a contest summary.
 *
 * @param share votes over all votes cast for all candidates
 */
public record CandidateLine(String name, String party, long votes, Fraction share, boolean elected) {
}
