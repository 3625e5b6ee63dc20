package org.tallyroom.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one source says about one ballot: the ballot, the candidates and, if the source has them,
 * the figures. The easiest way to write an importer is to build one of these per ballot and hand it to
 * {@link Ingest#declare}.
 *
 * @param ballot      the ballot
 * @param candidates  the candidates in ballot-paper order, each with their figures (or none)
 * @param status      the result's status (ignored when no candidate has votes)
 * @param turnout     the ballot paper account, or {@link Turnout#UNKNOWN}
 * @param decimals    decimal places of the votes (0 for plurality counts, 5 for Scottish STV)
 * @param countMethod the method that counted it, where Tallyroom counted it; else null
 * @param countReport the count report JSON (REPORT-FORMAT.md), or null
 * @param reason      why, for a correction; else null
 * @param note        a note for readers of the result (what the source lacks, how a figure was derived), or null
 */
public record Declaration(BallotSpec ballot, List<Entry> candidates, ResultStatus status, Turnout turnout,
                          int decimals, String countMethod, String countReport, String reason, String note) {
    public Declaration {
        note = note == null || note.isBlank() ? null : note.strip();
        Objects.requireNonNull(ballot, "ballot");
        candidates = List.copyOf(candidates);
        turnout = turnout == null ? Turnout.UNKNOWN : turnout;
        status = status == null ? ResultStatus.DECLARED : status;
    }

    /** A declaration without a note. */
    public Declaration(BallotSpec ballot, List<Entry> candidates, ResultStatus status, Turnout turnout,
                       int decimals, String countMethod, String countReport, String reason) {
        this(ballot, candidates, status, turnout, decimals, countMethod, countReport, reason, null);
    }

    /** The same declaration with a note. */
    public Declaration withNote(String text) {
        return new Declaration(ballot, candidates, status, turnout, decimals, countMethod, countReport, reason, text);
    }

    /** Candidates and votes, declared, whole votes. */
    public static Declaration of(BallotSpec ballot, List<Entry> candidates, Turnout turnout) {
        return new Declaration(ballot, candidates, ResultStatus.DECLARED, turnout, 0, null, null, null);
    }

    /** True when the source gives figures for this ballot. */
    public boolean hasResult() {
        return candidates.stream().anyMatch(e -> e.votes() != null);
    }

    /**
     * One candidate and their figures.
     *
     * @param person          who
     * @param party           their party, or null for an independent without a description
     * @param ballotPaperName the name as printed on the ballot paper; null: the person's name
     * @param listPosition    position on a party list, or null
     * @param votes           votes (exact), or null where the source has no figures
     * @param elected         elected at this result
     * @param rank            the source's rank (1 = most votes), or null to derive it from the votes
     * @param tieBreakNote    how a tie was settled (e.g. "won by lot"), or null
     */
    public record Entry(Person person, Party party, String ballotPaperName, Integer listPosition,
                        BigDecimal votes, boolean elected, Integer rank, String tieBreakNote) {
        public Entry {
            Objects.requireNonNull(person, "person");
            ballotPaperName = ballotPaperName == null || ballotPaperName.isBlank() ? person.name() : ballotPaperName.strip();
        }

        public static Entry of(Person person, Party party, long votes, boolean elected) {
            return new Entry(person, party, null, null, BigDecimal.valueOf(votes), elected, null, null);
        }
    }
}
