package org.tallyroom.analysis.national;

import java.util.List;
import java.util.Optional;
import org.tallyroom.analysis.council.Control;

/**
 * A general election's seats and votes by party, against the previous election where given.
 *
 * @param name             the election
 * @param previousName     the previous election, if compared
 * @param seats            seats filled
 * @param totalVotes       votes cast for all candidates
 * @param control          majority threshold, largest party, and the party with a majority if any
 * @param controlBefore    the same at the previous election, if compared
 * @param parties          every party standing at either, by seats then votes, most first
 * @param changingHands    each seat won by a different party, in input order
 * @param flows            seats changing hands by party pair, most first
 * @param unmatched        seats of this election with no seat of the same id at the previous one (and
 *                         the reverse): boundary changes; counted in the totals, not in the changes
 */
public record NationalResult(String name, Optional<String> previousName, int seats, long totalVotes,
                             Control control, Optional<Control> controlBefore, List<PartyResult> parties,
                             List<SeatChange> changingHands, List<Flow> flows, List<String> unmatched) {
    public NationalResult {
        parties = List.copyOf(parties);
        changingHands = List.copyOf(changingHands);
        flows = List.copyOf(flows);
        unmatched = List.copyOf(unmatched);
    }

    public Optional<PartyResult> party(String party) {
        return parties.stream().filter(p -> p.party().equals(party)).findFirst();
    }

    /** Seats passing from {@code from} to {@code to}. */
    public int flow(String from, String to) {
        return flows.stream().filter(f -> f.from().equals(from) && f.to().equals(to)).mapToInt(Flow::seats).sum();
    }
}
