package org.tallyroom.analysis.contest;

import org.tallyroom.analysis.ContestResult;

/**
 * How a party's vote and share in one contest are counted. In a single-member contest each party
 * normally has one candidate and the conventions agree; in a multi-member ward each elector has as
 * many votes as seats, and a party's candidates' votes summed would count its supporters several
 * times, so the analysis uses its best-placed candidate instead, as Rallings and Thrasher's local
 * election handbooks do. Every result that shows a party share says which convention made it.
 */
public enum PartyShareConvention {
    /**
     * A party's vote is the sum of its candidates' votes; its share is that over all votes cast.
     * Used for single-member contests (where two independents are one "Ind" line).
     */
    ALL_CANDIDATES("party vote = all its candidates' votes; share of all votes cast"),
    /**
     * A party's vote is its top candidate's votes; its share is that over the sum of every party's
     * top candidate's votes. Used for multi-member wards.
     */
    TOP_CANDIDATE("party vote = its top candidate's votes; share of all parties' top candidates' votes");

    private final String description;

    PartyShareConvention(String description) {
        this.description = description;
    }

    /** What the convention means, in words for a table's footnote. */
    public String description() {
        return description;
    }

    /**
     * The convention for a contest: {@link #forSeats} of its seats, except that an STV count's first
     * preferences are one per elector whatever the seats, so a party's are summed ({@link #ALL_CANDIDATES}).
     */
    public static PartyShareConvention of(ContestResult contest) {
        return contest.firstPreferences() ? ALL_CANDIDATES : forSeats(contest.seats());
    }

    /**
     * The convention for comparing two contests: {@link #ALL_CANDIDATES} where both count one vote per
     * elector (single seats or STV first preferences), else {@link #TOP_CANDIDATE}.
     */
    public static PartyShareConvention of(ContestResult after, ContestResult before) {
        return of(after) == ALL_CANDIDATES && of(before) == ALL_CANDIDATES ? ALL_CANDIDATES : TOP_CANDIDATE;
    }

    /** {@link #ALL_CANDIDATES} for one seat, {@link #TOP_CANDIDATE} for more. */
    public static PartyShareConvention forSeats(int seats) {
        return seats > 1 ? TOP_CANDIDATE : ALL_CANDIDATES;
    }
}
