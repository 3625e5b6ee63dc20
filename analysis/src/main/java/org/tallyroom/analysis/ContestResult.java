package org.tallyroom.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One declared result of a plurality contest (first past the post, or block vote in a multi-member
 * ward): the unit every analysis is built from. A store maps its rows into these; the tests map the
 * published files.
 *
 * <p>Divisions are matched across elections by {@code divisionId} alone: the same id means the same
 * boundaries. A caller that has no codes may use names, but must give a redrawn ward a new id.
 *
 * @param divisionId     identifies the division (ward or constituency) and its boundaries: a GSS code
 * @param divisionName   its name for display
 * @param seats          seats filled at this contest (1 for a constituency)
 * @param candidates     the candidates, in any order
 * @param electorate     electors entitled to vote, where known
 * @param validPapers    valid ballot papers, where known; for a single-member contest, when absent,
 *                       the sum of the candidates' votes (one vote per valid paper)
 * @param rejectedPapers rejected ballot papers, where known
 * @param firstPreferences the votes are the first preferences of a single transferable vote count: who was
 *                       elected is the count's, but no majority follows from these figures
 */
public record ContestResult(String divisionId, String divisionName, int seats, List<CandidateVotes> candidates,
                            OptionalLong electorate, OptionalLong validPapers, OptionalLong rejectedPapers,
                            boolean firstPreferences) {
    /** Highest votes first; equal votes keep their input order. */
    private static final Comparator<CandidateVotes> BY_VOTES = Comparator.comparingLong(CandidateVotes::votes).reversed();

    public ContestResult {
        Objects.requireNonNull(divisionId, "divisionId");
        Objects.requireNonNull(divisionName, "divisionName");
        candidates = List.copyOf(candidates);
        if (seats < 1) {
            throw new IllegalArgumentException(divisionName + ": " + seats + " seats");
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(divisionName + ": no candidates");
        }
        long flagged = candidates.stream().filter(CandidateVotes::elected).count();
        if (flagged > seats) {
            throw new IllegalArgumentException(divisionName + ": " + flagged + " candidates flagged elected for "
                    + seats + " seats");
        }
        if (seats == 1 && validPapers.isEmpty()) {
            validPapers = OptionalLong.of(candidates.stream().mapToLong(CandidateVotes::votes).sum());
        }
    }

    /** A plurality contest (or a preferential count's final round): its votes are the votes. */
    public ContestResult(String divisionId, String divisionName, int seats, List<CandidateVotes> candidates,
                         OptionalLong electorate, OptionalLong validPapers, OptionalLong rejectedPapers) {
        this(divisionId, divisionName, seats, candidates, electorate, validPapers, rejectedPapers, false);
    }

    /** A contest without a ballot paper account (electorate, rejected papers unknown). */
    public ContestResult(String divisionId, String divisionName, int seats, List<CandidateVotes> candidates) {
        this(divisionId, divisionName, seats, candidates, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** This contest with its ballot paper account. */
    public ContestResult withPoll(OptionalLong electorate, OptionalLong validPapers, OptionalLong rejectedPapers) {
        return new ContestResult(divisionId, divisionName, seats, candidates, electorate, validPapers,
                rejectedPapers, firstPreferences);
    }

    /** Votes cast for all candidates together. */
    public long totalVotes() {
        long sum = 0;
        for (CandidateVotes c : candidates) {
            sum = Math.addExact(sum, c.votes());
        }
        return sum;
    }

    /** The candidates, highest votes first (equal votes in input order). */
    public List<CandidateVotes> byVotes() {
        List<CandidateVotes> sorted = new ArrayList<>(candidates);
        sorted.sort(BY_VOTES);
        return sorted;
    }

    /**
     * The elected candidates, highest votes first. Where the input flags any candidate elected,
     * exactly those (a tie decided by lot, or a result declared otherwise, is the declaration's to
     * say). Where none is flagged, the {@code seats} highest; where that would split candidates on
     * equal votes, the result cannot be known from the votes and this says so.
     */
    public List<CandidateVotes> elected() {
        List<CandidateVotes> sorted = byVotes();
        if (candidates.stream().anyMatch(CandidateVotes::elected)) {
            return sorted.stream().filter(CandidateVotes::elected).toList();
        }
        if (sorted.size() <= seats) {
            return sorted;
        }
        if (sorted.get(seats - 1).votes() == sorted.get(seats).votes()) {
            throw new IllegalArgumentException(divisionName + ": " + sorted.get(seats - 1).name() + " and "
                    + sorted.get(seats).name() + " tie for the last seat on " + sorted.get(seats).votes()
                    + " votes; flag the candidates the returning officer declared elected");
        }
        return List.copyOf(sorted.subList(0, seats));
    }

    /**
     * Whether the winners are known: flagged in the input, or found from the votes without a tie
     * for the last seat.
     */
    public boolean winnersKnown() {
        if (candidates.stream().anyMatch(CandidateVotes::elected) || candidates.size() <= seats) {
            return true;
        }
        List<CandidateVotes> sorted = byVotes();
        return sorted.get(seats - 1).votes() != sorted.get(seats).votes();
    }

    /** The candidates not elected, highest votes first. */
    public List<CandidateVotes> notElected() {
        List<CandidateVotes> won = elected();
        return byVotes().stream().filter(c -> !won.contains(c)).toList();
    }
}
