package org.tallyroom.store.read;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.id.ElectionId;

/**
 * A ballot's published result as the analysis takes it ({@link StoredContest}), as stored in
 * read_ballots.published_contest: what an election's summary is built from, so a summary reads one
 * small row per ballot instead of its results, candidates and parties.
 */
record Digest(String ballotId, String electionName, String divisionSlug, String divisionId, String divisionName, int seats,
              List<Candidate> candidates, Long electorate, Long validPapers, Long rejectedPapers, boolean firstPreferences,
              LastSeat lastSeat) {

    /** A candidate's votes, by party key. */
    record Candidate(String name, String party, long votes, boolean elected) {
    }

    static Digest of(StoredContest c) {
        ContestResult r = c.result();
        return new Digest(c.ballotId(), c.electionName(), c.divisionSlug(), r.divisionId(), r.divisionName(), r.seats(),
                r.candidates().stream().map(v -> new Candidate(v.name(), v.party(), v.votes(), v.elected())).toList(),
                boxed(r.electorate()), boxed(r.validPapers()), boxed(r.rejectedPapers()), r.firstPreferences(),
                c.lastSeat().orElse(null));
    }

    /** Parsed ballot ids: a summary parses the same few thousand ids at every declaration. */
    private static final java.util.Map<String, ElectionId> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ElectionId id(String ballotId) {
        if (IDS.size() > 100_000) {
            IDS.clear();
        }
        return IDS.computeIfAbsent(ballotId, ElectionId::parse);
    }

    StoredContest contest() {
        return new StoredContest(ballotId, id(ballotId), electionName, divisionSlug,
                new ContestResult(divisionId, divisionName, seats,
                        candidates.stream().map(v -> new CandidateVotes(v.name(), v.party(), v.votes(), v.elected())).toList(),
                        optional(electorate), optional(validPapers), optional(rejectedPapers), firstPreferences),
                Optional.ofNullable(lastSeat));
    }

    private static Long boxed(OptionalLong o) {
        return o.isPresent() ? o.getAsLong() : null;
    }

    private static OptionalLong optional(Long n) {
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
