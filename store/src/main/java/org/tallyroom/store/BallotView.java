package org.tallyroom.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A stored ballot and its candidates, as read back.
 *
 * @param ballotId     Democracy Club ballot id
 * @param name         contest name
 * @param electionId   the election it is filed under (organisation election or group)
 * @param electionName that election's name
 * @param organisation the organisation's name
 * @param division     the division's name, or null
 * @param gss          the division's GSS code, or null
 * @param date         polling day
 * @param seats        seats contested
 * @param votingSystem method id, or null
 * @param byElection   a by-election
 * @param cancelled    the poll was cancelled
 * @param candidates   in ballot-paper order
 */
public record BallotView(String ballotId, String name, String electionId, String electionName, String organisation,
                         String division, String gss, LocalDate date, int seats, String votingSystem, boolean byElection,
                         boolean cancelled, List<Candidate> candidates) {
    public BallotView {
        candidates = List.copyOf(candidates);
    }

    /**
     * A candidacy as read back.
     *
     * @param id                the candidacy's row id
     * @param position          ballot-paper order, from 1
     * @param name              name on the ballot paper
     * @param personKey         the person's key
     * @param party             party name, or null
     * @param partyAbbreviation or null
     * @param partyEcId         Electoral Commission id, or null
     * @param listPosition      or null
     */
    public record Candidate(long id, int position, String name, String personKey, String party,
                            String partyAbbreviation, String partyEcId, Integer listPosition) {
        /** The party's short form where there is one, else its name, else empty. */
        public String partyLabel() {
            return partyAbbreviation != null ? partyAbbreviation : party != null ? party : "";
        }
    }
}
