package org.tallyroom.analysis;

import java.util.Objects;

/**
 * One candidate's result in a contest, as the analysis takes it.
 *
 * @param name    the candidate's name
 * @param party   the party key the analysis groups by ("Con", "Lab", "Ind"); the caller chooses one
 *                spelling per party across elections (the analysis matches keys exactly), and the
 *                same key for every independent. Never empty: use "Ind" or similar for none
 * @param votes   votes cast for the candidate
 * @param elected whether the declaration elected the candidate; if no candidate in a contest is
 *                flagged, the winners are found from the votes (see {@link ContestResult#elected()})
 */
public record CandidateVotes(String name, String party, long votes, boolean elected) {
    public CandidateVotes {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        if (party.isBlank()) {
            throw new IllegalArgumentException("candidate " + name + " has no party key; use e.g. \"Ind\"");
        }
        if (votes < 0) {
            throw new IllegalArgumentException("candidate " + name + " has " + votes + " votes");
        }
    }

    /** A candidate not flagged either way: winners are found from the votes. */
    public CandidateVotes(String name, String party, long votes) {
        this(name, party, votes, false);
    }
}
