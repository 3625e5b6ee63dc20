package org.tallyroom.store.analysis;

import java.time.LocalDate;
import java.util.Optional;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.io.InputException;
import org.tallyroom.io.report.ReportJsonReader;
import org.tallyroom.store.id.ElectionId;

/**
 * A stored ballot's current result as the analysis takes it.
 *
 * @param ballotId     the Democracy Club ballot id
 * @param id           the same, parsed
 * @param electionName the election it is filed under, by name
 * @param divisionSlug the division's slug (null for a ballot with no division: mayor, gla.a)
 * @param result       candidates, votes, elected and the ballot paper account; its division id is the
 *                     division's GSS code where known, else organisation/slug (with the boundary version)
 * @param lastSeat     for an STV count whose count report is stored with the result, how close its last seat
 *                     was ({@link LastSeat}); else empty
 */
public record StoredContest(String ballotId, ElectionId id, String electionName, String divisionSlug,
                            ContestResult result, Optional<LastSeat> lastSeat) {
    /** A contest with no last seat to give (a plurality count, or no count report stored). */
    public StoredContest(String ballotId, ElectionId id, String electionName, String divisionSlug, ContestResult result) {
        this(ballotId, id, electionName, divisionSlug, result, Optional.empty());
    }

    /**
     * The last seat an STV count's stored report gives ({@code source} names it in messages). A report
     * that cannot be read gives none: the result stands without it.
     */
    public static Optional<LastSeat> lastSeatOf(String countReport, String source) {
        try {
            return LastSeat.of(ReportJsonReader.read(countReport, source));
        } catch (InputException e) {
            return Optional.empty(); // not a report this version reads
        }
    }

    public LocalDate date() {
        return id.date();
    }

    /** This contest with another division id, to compare it with a contest for the same division. */
    public ContestResult resultAs(String divisionId) {
        ContestResult r = result;
        return new ContestResult(divisionId, r.divisionName(), r.seats(), r.candidates(), r.electorate(),
                r.validPapers(), r.rejectedPapers(), r.firstPreferences());
    }
}
