package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;

/**
 * What changed from one version of a result to the next, as a reader of a correction wants it: each
 * candidate's votes before and after with the difference, who is elected now or no longer, candidates
 * whose figures were added or removed, and each figure of the ballot paper account that changed.
 *
 * <p>Candidates are matched by their candidacy (the store's row id), not by position or name, so a
 * corrected spelling or a reordering cannot pair the wrong figures. The ballot paper account compares
 * only figures stated in both versions or in one of them; a figure unknown in both is not a change.
 *
 * @param candidates every candidate of either version: the later version's in ballot-paper order, then any
 *                   it no longer has
 * @param account    the ballot paper account's figures that differ, in the order a declaration reads them
 */
public record VersionDiff(List<CandidateChange> candidates, List<FigureChange> account) {
    public VersionDiff {
        candidates = List.copyOf(candidates);
        account = List.copyOf(account);
    }

    /** How a candidate's line changed. */
    public enum Kind {
        /** in both versions, the same votes and the same elected */
        SAME,
        /** in both versions, votes or elected differ */
        CHANGED,
        /** figures only in the later version */
        ADDED,
        /** figures only in the earlier version */
        REMOVED
    }

    /**
     * One candidate's line.
     *
     * @param before         votes in the earlier version, or null (added, or not stated)
     * @param after          votes in the later version, or null (removed, or not stated)
     * @param electedBefore  elected in the earlier version (false if absent there)
     * @param electedAfter   elected in the later version (false if absent there)
     */
    public record CandidateChange(BallotView.Candidate candidate, BigDecimal before, BigDecimal after, boolean electedBefore,
                                  boolean electedAfter, Kind kind) {
        /** after − before, or null where either is not stated. */
        public BigDecimal difference() {
            return before == null || after == null ? null : after.subtract(before);
        }

        public boolean electedChanged() {
            return electedBefore != electedAfter;
        }
    }

    /** A figure of the ballot paper account; {@code before} or {@code after} null where that version does not state it. */
    public record FigureChange(Figure figure, BigDecimal before, BigDecimal after) {
        public BigDecimal difference() {
            return before == null || after == null ? null : after.subtract(before);
        }
    }

    /** The figures of the ballot paper account compared, in the order a declaration reads them. */
    public enum Figure {
        ELECTORATE("Electorate"), BALLOT_PAPERS_ISSUED("Ballot papers issued"), TURNOUT("Turnout (%)"),
        VALID("Valid votes"), REJECTED("Rejected papers");

        private final String label;

        Figure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The changes from {@code before} to {@code after} (two versions of the same ballot's result). */
    public static VersionDiff between(ResultVersion before, ResultVersion after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<Long, ResultVersion.Figures> earlier = new LinkedHashMap<>();
        before.candidates().forEach(f -> earlier.put(f.candidate().id(), f));
        List<CandidateChange> lines = new ArrayList<>();
        for (ResultVersion.Figures f : after.candidates()) {
            ResultVersion.Figures old = earlier.remove(f.candidate().id());
            if (old == null) {
                lines.add(new CandidateChange(f.candidate(), null, f.votes(), false, f.elected(), Kind.ADDED));
            } else {
                boolean same = sameNumber(old.votes(), f.votes()) && old.elected() == f.elected();
                lines.add(new CandidateChange(f.candidate(), old.votes(), f.votes(), old.elected(), f.elected(),
                        same ? Kind.SAME : Kind.CHANGED));
            }
        }
        for (ResultVersion.Figures old : earlier.values()) {
            lines.add(new CandidateChange(old.candidate(), old.votes(), null, old.elected(), false, Kind.REMOVED));
        }
        Turnout a = before.turnout() == null ? Turnout.UNKNOWN : before.turnout();
        Turnout b = after.turnout() == null ? Turnout.UNKNOWN : after.turnout();
        List<FigureChange> account = new ArrayList<>();
        figure(account, Figure.ELECTORATE, big(a.electorate()), big(b.electorate()));
        figure(account, Figure.BALLOT_PAPERS_ISSUED, big(a.ballotPapersIssued()), big(b.ballotPapersIssued()));
        figure(account, Figure.TURNOUT, a.percentage(), b.percentage());
        figure(account, Figure.VALID, a.valid(), b.valid());
        figure(account, Figure.REJECTED, big(a.rejected()), big(b.rejected()));
        return new VersionDiff(lines, account);
    }

    /** Nothing a reader would see differs: every candidate the same and the account unchanged. */
    public boolean unchanged() {
        return account.isEmpty() && candidates.stream().allMatch(c -> c.kind() == Kind.SAME);
    }

    private static void figure(List<FigureChange> out, Figure f, BigDecimal before, BigDecimal after) {
        if (!sameNumber(before, after)) {
            out.add(new FigureChange(f, before, after));
        }
    }

    /** Equal as numbers: 1200 and 1200.00 (a result stored with decimals) are the same figure. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal big(Long n) {
        return n == null ? null : BigDecimal.valueOf(n);
    }
}
