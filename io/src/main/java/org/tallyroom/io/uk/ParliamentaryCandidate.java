package org.tallyroom.io.uk;

/**
 * One candidate's row in a by-candidate general election file.
 *
 * @param firstName               the first name as published
 * @param surname                 the surname as published
 * @param gender                  "Male" / "Female" as published; empty if absent
 * @param party                   the party (name, abbreviation, Electoral Commission id where given)
 * @param votes                   votes cast for the candidate
 * @param sittingMp               the file's "Sitting MP" flag
 * @param formerMp                the file's "Former MP" flag
 * @param democracyClubPersonId   Democracy Club person id (2017 file); empty where absent
 * @param line                    the line of the file the row is on
 */
public record ParliamentaryCandidate(String firstName, String surname, String gender, Party party, long votes,
                                     boolean sittingMp, boolean formerMp, String democracyClubPersonId,
                                     long line) {
    /** The name as a declaration gives it: first name then surname. */
    public String name() {
        return firstName.isEmpty() ? surname : firstName + " " + surname;
    }
}
