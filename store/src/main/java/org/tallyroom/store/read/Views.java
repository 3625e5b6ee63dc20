package org.tallyroom.store.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.analysis.contest.Majority;
import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.headline.Headline;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.analysis.national.SeatChange;
import org.tallyroom.analysis.projection.ProjectionResult;
import org.tallyroom.store.history.CompositionHistory;
import tools.jackson.databind.JsonNode;

/**
 * What the pages and the JSON API show, kept by the store's read model ({@link ReadModel}; elections at write time, contests per ballot).
 * The API serialises these records as they are, so their component names are the JSON field names
 * (described in /openapi.json).
 */
public final class Views {
    private Views() {
    }

    /** One election in the list. kind: council, national, or other (a group of ballots). */
    public record ElectionItem(String id, String name, LocalDate date, String kind, int ballots, int declared,
                               boolean byElections) {
    }

    /** A result version's header: ETag is what If-Match must carry to change the result. */
    public record ResultInfo(int version, String status, String recordedBy, Instant recordedAt, String reason,
                             String etag) {
    }

    /**
     * One candidate's line in a contest.
     *
     * @param votes       exact, at the result's decimals (a string, so 1234.56789 keeps its digits): for a
     *                    preferential count, the total at the last stage
     * @param firstPreferences for a count of more than one stage, the first-stage total; else null
     * @param share       % of all votes for candidates (first preferences where there are stages), 2 dp
     * @param partyChange the change in the party's share since the previous contest, points to 2 dp, or null
     */
    public record CandidateRow(int position, String name, String party, String partyKey, String votes,
                               String firstPreferences, BigDecimal share, BigDecimal partyChange, boolean elected, String tieBreakNote) {
    }

    /**
     * A contest: ballot, its public result (declared or corrected; none while provisional) and its analysis.
     * {@code headline} (as on the council and national summaries): the sentence the page opens with and its
     * supporting figures; null where there is nothing to say yet (awaiting declaration, a tie not yet decided).
     * {@code majority} is null for an STV count, whose votes here are first preferences; {@code lastSeat} then
     * says how close its last seat was, where its count report is stored ({@link LastSeat}); else null.
     */
    public record Contest(String ballotId, String name, String electionId, String electionName, String organisation,
                          String division, LocalDate date, int seats, String votingSystem, boolean byElection,
                          boolean cancelled, ResultInfo result, List<CandidateRow> candidates, Long electorate,
                          Long ballotPapersIssued, String validVotes, Long rejected, Map<String, Long> rejectedByReason,
                          BigDecimal turnout, Majority majority, BigDecimal majorityPercent, LastSeat lastSeat, String verdict,
                          String previousBallotId, List<ShareChange> shareChanges, SwingLine swing, JsonNode count,
                          Headline headline) {
    }

    /** Butler swing between the top two parties since the previous contest, points to 2 dp, towards {@code to}. */
    public record SwingLine(String from, String to, BigDecimal points) {
    }

    /**
     * A ward or constituency line on an election page. {@code majority} is null for an STV count (its votes
     * are first preferences); {@code lastSeat} then says how close its last seat was, where its count report
     * is stored ({@link LastSeat}); else null.
     */
    public record SeatRow(String ballotId, String name, int seats, String status, List<String> elected,
                          List<String> parties, String verdict, BigDecimal turnout, Long majority, LastSeat lastSeat) {
    }

    /** A council's ordinary election (or any organisation election of multi-member or single-member seats), with its headline. */
    public record Council(String electionId, String name, LocalDate date, String organisationSlug, String organisation,
                          int seats, int seatsDeclared, int ballots, int ballotsDeclared, List<PartySeats> seatsByParty,
                          Control control, String previousElectionId, String comparedOn, List<PartyChange> changes,
                          String verdict, BigDecimal turnout, List<SeatRow> wards, Headline headline) {
    }

    /**
     * A general election, nationally, with its headline. {@code comparedOn}: what change and seats changing
     * hands are measured against, in words, where it is not simply the previous election's declared results
     * ("notional 2019 results on the 2024 boundaries"), else null.
     */
    public record National(String electionId, String name, LocalDate date, String previousElectionId, int seats,
                           int seatsDeclared, Control control, List<PartyResult> parties, List<SeatChange> changingHands,
                           List<MarginalSeat> marginals, List<SeatRow> seatsList, Headline headline, String comparedOn) {
    }

    /**
     * An organisation's by-elections and events between elections, and its composition across every stored
     * election ({@code composition}: the control facts before the earliest, each election's result and each
     * event after it, every step with its source; null where neither an election nor a fact is stored).
     */
    public record Timeline(String organisationSlug, String organisation, List<SeatRow> byElections,
                           List<TimelineEvent> events, CompositionHistory.History composition) {
    }

    /** One event: a by-election, defection, resignation... */
    public record TimelineEvent(LocalDate date, String type, String person, String partyFrom, String partyTo,
                                String division, String ballotId, String note) {
    }

    /** A ballot in the count team's list, with its current result's status and version (none yet: null). */
    public record CountRow(String ballotId, String name, String electionName, String status, Integer version) {
    }

    /** A projection for the swing calculator. */
    public record Projected(String electionId, ProjectionResult projection) {
    }
}
