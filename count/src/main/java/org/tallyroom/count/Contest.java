package org.tallyroom.count;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a count needs to know about one contest.
 *
 * @param title      the contest's name as the input gives it
 * @param candidates the candidates (or party lists) in ballot-paper order
 * @param votes      the ballot papers or the tallies
 * @param rejected   papers already rejected before the engine sees them (tallies files that carry
 *                   rejected-paper counts); the engine adds the ones it rejects itself
 * @param seats      vacancies the input itself names (a BLT file's header), or 0 where it names none;
 *                   {@link CountOptions#seats()} overrides it when not 0
 */
public record Contest(String title, List<Candidate> candidates, Votes votes,
                      Map<RejectionReason, Long> rejected, int seats) {
    public Contest {
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative, was " + seats);
        }
        title = title == null ? "" : title;
        candidates = List.copyOf(candidates);
        rejected = rejected.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rejected));
        int n = candidates.size();
        switch (votes) {
            case Votes.Tallies t when t.votes().length != n ->
                throw new IllegalArgumentException("tallies give " + t.votes().length + " totals for " + n + " candidates");
            case Votes.SupplementaryTallies s when s.first().length != n ->
                throw new IllegalArgumentException("tallies give " + s.first().length + " totals for " + n + " candidates");
            default -> { }
        }
    }

    public Contest(String title, List<Candidate> candidates, Votes votes,
                   Map<RejectionReason, Long> rejected) {
        this(title, candidates, votes, rejected, 0);
    }

    public Contest(String title, List<Candidate> candidates, Votes votes) {
        this(title, candidates, votes, Map.of(), 0);
    }

    /** The seats to fill: the options' where given (not 0), else the input's; 0 if neither says. */
    public int seatsToFill(CountOptions options) {
        return options.seats() > 0 ? options.seats() : seats;
    }

    /** Index of the candidate with this exact name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
