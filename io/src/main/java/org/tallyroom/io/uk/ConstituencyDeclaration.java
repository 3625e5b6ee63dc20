package org.tallyroom.io.uk;

/**
 * One row of a by-constituency general election file: the declared result's summary.
 *
 * @param constituency     the seat
 * @param declarationTime  as published, e.g. {@code 13/12/2019 02:30}; empty if absent
 * @param result           e.g. "Lab hold", "Con gain from Lab"
 * @param firstParty       the winner's party abbreviation as this file spells it ("Con", "Spk", "APNI")
 * @param secondParty      the runner-up's party abbreviation
 * @param electorate       registered electors
 * @param validVotes       valid votes as this file states them
 * @param invalidVotes     rejected ballot papers
 * @param majority         the winner's majority over the runner-up
 * @param memberFirstName  the elected member's first name (2019 file); empty where the file has none
 * @param memberSurname    the elected member's surname (2019 file); empty where the file has none
 * @param line             the line of the file the row is on
 */
public record ConstituencyDeclaration(Constituency constituency, String declarationTime, String result,
                                      String firstParty, String secondParty, long electorate, long validVotes,
                                      long invalidVotes, long majority, String memberFirstName,
                                      String memberSurname, long line) {
    /** True where the file names the elected member. */
    public boolean namesMember() {
        return !memberSurname.isEmpty();
    }
}
