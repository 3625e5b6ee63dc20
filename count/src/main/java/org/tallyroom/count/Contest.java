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
 */
public record Contest(String title, List<Candidate> candidates, Votes votes,
                      Map<RejectionReason, Long> rejected) {
    public Contest {
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

    public Contest(String title, List<Candidate> candidates, Votes votes) {
        this(title, candidates, votes, Map.of());
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
