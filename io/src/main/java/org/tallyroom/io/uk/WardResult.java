package org.tallyroom.io.uk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Votes;

/**
 * One London borough ward's election: seats, candidates in file order, and (2022) the poll.
 *
 * @param ward          the ward
 * @param electionDate  the poll date where the file states it (2022); empty otherwise
 * @param seats         councillors to elect
 * @param candidates    the candidates, at least one
 * @param poll          the ballot paper account where the files give one (2022 wards file)
 * @param line          the line of the candidates file its first row is on
 */
public record WardResult(Ward ward, Optional<LocalDate> electionDate, int seats, List<BoroughCandidate> candidates,
                         Optional<WardPoll> poll, long line) {
    public WardResult {
        candidates = List.copyOf(candidates);
    }

    /** "Borough: Ward". */
    public String title() {
        return ward.borough() + ": " + ward.name();
    }

    /** The names the file flags as elected, in file order. */
    public List<String> electedAsPublished() {
        return candidates.stream().filter(BoroughCandidate::elected).map(c -> Candidate.fold(c.name())).toList();
    }

    /**
     * The contest for a block-vote count (seats from {@link #seats()}): candidates "Forenames
     * Surname" with their party's name, votes as tallies, and the rejected papers by reason where
     * the poll is known.
     */
    public Contest contest() {
        List<Candidate> people = candidates.stream()
                .map(c -> new Candidate(Candidate.fold(c.name()), c.party().name()))
                .toList();
        long[] votes = candidates.stream().mapToLong(BoroughCandidate::votes).toArray();
        Map<RejectionReason, Long> rejected = new HashMap<>();
        poll.ifPresent(p -> p.rejectedByReason().forEach((reason, n) -> {
            if (n != 0) {
                rejected.put(reason, n);
            }
        }));
        return new Contest(title(), people, new Votes.Tallies(votes), rejected);
    }
}
