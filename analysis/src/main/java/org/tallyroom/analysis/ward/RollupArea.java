package org.tallyroom.analysis.ward;

/**
 * One area of a roll-up.
 *
 * @param line   every row of the area summed (wards, postal votes, an area counted whole): votes and
 *               share of the area's votes by candidate, and the leader (more than one where level)
 * @param wards  how many ward rows (not postal) it has
 * @param postal the area's postal votes on their own (shares of the postal votes), where the source
 *               gives them as rows of their own; else null
 */
public record RollupArea(WardLine line, int wards, WardLine postal) {
}
