package org.tallyroom.io.uk;

import java.util.Optional;

/**
 * One candidate in a London borough ward.
 *
 * @param surname           the surname
 * @param forenames         the forenames (may be empty)
 * @param incumbent         the 2018 file's {@code *} mark for a sitting councillor; empty where the
 *                          file does not say (2022)
 * @param party             the party: 2018 as published (long name and code); 2022 normalised
 *                          through the party-name lookup (official name and code)
 * @param partyAsPublished  the party description exactly as the file gives it (2022 names are raw
 *                          and sometimes misspelt: "Labour Party Candiate")
 * @param votes             votes for the candidate
 * @param elected           the file's elected flag
 * @param line              the line of the file the row is on
 */
public record BoroughCandidate(String surname, String forenames, Optional<Boolean> incumbent, Party party,
                               String partyAsPublished, long votes, boolean elected, long line) {
    /** Forenames then surname, as the contest names the candidate. */
    public String name() {
        return forenames.isEmpty() ? surname : forenames + " " + surname;
    }
}
