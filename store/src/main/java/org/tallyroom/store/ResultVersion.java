package org.tallyroom.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of a ballot's result, as read back. Versions count from 1; the current result is the
 * highest.
 *
 * @param version     1, 2, ...
 * @param status      provisional, declared or corrected
 * @param recordedBy  who recorded it (the importer or the user)
 * @param recordedAt  when
 * @param reason      why, for a correction; else null
 * @param source      the source file's name, or null
 * @param decimals    decimal places of the votes
 * @param turnout     the ballot paper account
 * @param candidates  every candidate's figures, in ballot-paper order
 * @param countMethod the method Tallyroom counted it by, or null
 * @param countReport the count report JSON, or null
 * @param note        the importer's note for readers (what the source lacks), or null
 */
public record ResultVersion(int version, ResultStatus status, String recordedBy, Instant recordedAt, String reason,
                            String source, int decimals, Turnout turnout, List<Figures> candidates,
                            String countMethod, String countReport, String note) {
    public ResultVersion {
        candidates = List.copyOf(candidates);
    }

    /** A version without a note. */
    public ResultVersion(int version, ResultStatus status, String recordedBy, Instant recordedAt, String reason,
                         String source, int decimals, Turnout turnout, List<Figures> candidates,
                         String countMethod, String countReport) {
        this(version, status, recordedBy, recordedAt, reason, source, decimals, turnout, candidates, countMethod,
                countReport, null);
    }

    /**
     * One candidate's figures.
     *
     * @param candidate    the candidacy
     * @param votes        exact votes at the result's decimals, or null
     * @param elected      elected
     * @param rank         1 = most votes
     * @param tieBreakNote how a tie was settled, or null
     */
    public record Figures(BallotView.Candidate candidate, BigDecimal votes, boolean elected, Integer rank,
                          String tieBreakNote) {
    }
}
