package org.tallyroom.io.uk;

import java.util.List;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * One constituency's candidates and votes from a by-candidate file, in file order.
 *
 * @param constituency the seat
 * @param candidates   its candidates, at least one
 * @param line         the line its first row is on
 */
public record ConstituencyResult(Constituency constituency, List<ParliamentaryCandidate> candidates, long line) {
    public ConstituencyResult {
        candidates = List.copyOf(candidates);
    }

    /** Votes cast for all candidates. */
    public long totalVotes() {
        return candidates.stream().mapToLong(ParliamentaryCandidate::votes).sum();
    }

    /**
     * The contest for a first-past-the-post count: titled with the constituency's name, candidates
     * "First Surname" with their party's name, votes as tallies. The files carry no rejected papers
     * by reason (the by-constituency file has only a total), so none are attached.
     */
    public Contest contest() {
        List<Candidate> people = candidates.stream()
                .map(c -> new Candidate(Candidate.fold(c.name()), c.party().name()))
                .toList();
        long[] votes = candidates.stream().mapToLong(ParliamentaryCandidate::votes).toArray();
        return new Contest(constituency.name(), people, new Votes.Tallies(votes));
    }
}
