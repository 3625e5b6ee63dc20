package org.tallyroom.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete, immutable result of a count: everything a reader needs to check it stage by stage.
 * Vote figures are scaled integers at {@link #decimals()} places; {@link Fixed} formats them.
 *
 * @param title         the contest's title
 * @param method        the method id that counted it
 * @param seats         vacancies filled
 * @param decimals      decimal places of every vote figure in this report
 * @param candidates    candidates (or party lists) in ballot-paper order; stages index into this
 * @param ballots       the ballot paper account
 * @param quota         the quota, or null where the method has none
 * @param elected       candidate indices in the order elected (list methods: in seat order, a list
 *                      repeated once per seat)
 * @param stages        the stages, first preferences first
 * @param ties          every tie settled, in the order settled
 * @param seed          the seed of the lot
 * @param lotSupplied   the names the returning officer drew, if given
 * @param allocations   list methods: each seat with its quotient; else empty
 * @param seatsByParty  list and AMS methods: seats by party (for AMS, constituency plus list); else empty
 * @param notes         sentences a reader should see (conventions used, input quirks)
 */
public record CountReport(String title, String method, int seats, int decimals, List<Candidate> candidates,
                          BallotSummary ballots, Long quota, List<Integer> elected, List<Stage> stages,
                          List<Tie> ties, long seed, List<String> lotSupplied, List<Allocation> allocations,
                          Map<String, Integer> seatsByParty, List<String> notes) {
    public CountReport {
        candidates = List.copyOf(candidates);
        elected = List.copyOf(elected);
        stages = List.copyOf(stages);
        ties = List.copyOf(ties);
        lotSupplied = List.copyOf(lotSupplied);
        allocations = List.copyOf(allocations);
        seatsByParty = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seatsByParty));
        notes = List.copyOf(notes);
    }

    /** Names of the elected, in order elected. */
    public List<String> electedNames() {
        return elected.stream().map(i -> candidates.get(i).name()).toList();
    }

    public Stage lastStage() {
        return stages.get(stages.size() - 1);
    }
}
