package org.tallyroom.analysis.contest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tallyroom.analysis.Fraction;

/**
 * What the morning after asks of one contest.
 *
 * @param divisionId        the division's id
 * @param divisionName      its name
 * @param seats             seats filled
 * @param totalVotes        votes for all candidates together
 * @param electorate        electors, where known
 * @param validPapers       valid ballot papers, where known
 * @param rejectedPapers    rejected ballot papers, where known
 * @param turnout           (valid + rejected papers) / electorate, the ballot-box turnout, where all are known
 * @param validVoteTurnout  valid papers / electorate, the House of Commons Library's turnout, where known
 * @param candidates        every candidate, highest votes first
 * @param elected           the elected candidates' names, highest votes first
 * @param majority          the majority; empty for an uncontested return (no candidate not elected)
 * @param convention        how the party lines are counted
 * @param parties           each party's vote and share, highest first
 * @param firstPreferences  the votes are an STV count's first preferences (no majority follows from them)
 * @param lastSeat          for an STV count whose report is stored, how close its last seat was; else empty
 */
public record ContestSummary(String divisionId, String divisionName, int seats, long totalVotes,
                             OptionalLong electorate, OptionalLong validPapers, OptionalLong rejectedPapers,
                             Optional<Fraction> turnout, Optional<Fraction> validVoteTurnout,
                             List<CandidateLine> candidates, List<String> elected, Optional<Majority> majority,
                             PartyShareConvention convention, List<PartyLine> parties, boolean firstPreferences,
                             Optional<LastSeat> lastSeat) {
    public ContestSummary {
        candidates = List.copyOf(candidates);
        elected = List.copyOf(elected);
        parties = List.copyOf(parties);
    }

    /** The party line for {@code party}, if it stood. */
    public Optional<PartyLine> party(String party) {
        return parties.stream().filter(p -> p.party().equals(party)).findFirst();
    }
}
