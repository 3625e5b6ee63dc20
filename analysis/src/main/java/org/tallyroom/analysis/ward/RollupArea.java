package org.tallyroom.analysis.ward;

/**
 * One area of a roll-up.
 *
 * @param line   every row of the area summed (wards, postal votes, an area counted whole): votes and
 *               share of the area's votes by candidate, and the leader (more than one where level)
 * @param wards  how many rows other than postal votes it has: wards, or an area counted whole (the City of
 *               London is one)
 * @param postal the area's postal votes on their own (shares of the postal votes), where the source
 *               gives them as rows of their own; else null
 */
public record RollupArea(WardLine line, int wards, WardLine postal) {
}
