package org.tallyroom.analysis.ward;

/**
 * A candidate's (or list's) total as declared for the whole ballot, to check a roll-up against.
 *
 * @param votes the declared votes; null where the declaration does not give them (the 2016 mayoral file
 *              lacks one candidate's first preferences)
 */
public record DeclaredTotal(String name, String party, Long votes) {
}
