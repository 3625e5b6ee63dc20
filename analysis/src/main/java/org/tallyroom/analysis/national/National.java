package org.tallyroom.analysis.national;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartySeats;

/**
 * A general election nationally: seats and votes by party, change, and seats changing hands.
 *
 * <p>Takes single-member constituencies (a multi-member ward belongs in {@code council}). A seat
 * "changes hands" when its winner's party differs from the previous winner's in the division with
 * the same id; a by-election in between is not seen (the comparison is election to election, as
 * the broadcasters' is). Seats whose id is not found on the other side are listed as unmatched.
 */
public final class National {
    private National() {
    }

    public static NationalResult summarise(Election election) {
        return build(election, Optional.empty());
    }

    public static NationalResult compare(Election after, Election before) {
        return build(after, Optional.of(before));
    }

    /** The winning party of a single-member contest. */
    public static String holder(ContestResult c) {
        if (c.seats() != 1) {
            throw new IllegalArgumentException(c.divisionName() + " elects " + c.seats()
                    + "; national analysis takes single-member constituencies");
        }
        return c.elected().get(0).party();
    }

    private static NationalResult build(Election after, Optional<Election> before) {
        Totals now = new Totals(after);
        Totals then = before.map(Totals::new).orElse(null);
        Set<String> partyNames = new LinkedHashSet<>(now.votes.keySet());
        if (then != null) {
            partyNames.addAll(then.votes.keySet());
        }
        List<PartyResult> parties = new ArrayList<>();
        for (String p : partyNames) {
            int seats = now.seats.getOrDefault(p, 0);
            int seatsBefore = then == null ? 0 : then.seats.getOrDefault(p, 0);
            long votes = now.votes.getOrDefault(p, 0L);
            long votesBefore = then == null ? 0 : then.votes.getOrDefault(p, 0L);
            Fraction share = Fraction.share(votes, now.total);
            Fraction shareBefore = then == null ? Fraction.ZERO : Fraction.share(votesBefore, then.total);
            parties.add(new PartyResult(p, now.candidates.getOrDefault(p, 0), seats, seatsBefore,
                    then == null ? 0 : seats - seatsBefore, votes, votesBefore, then == null ? 0 : votes - votesBefore,
                    share, shareBefore, then == null ? Fraction.ZERO : share.minus(shareBefore)));
        }
        parties.sort(Comparator.comparingInt(PartyResult::seats).reversed()
                .thenComparing(Comparator.comparingLong(PartyResult::votes).reversed())
                .thenComparing(Comparator.comparingInt(PartyResult::seatsBefore).reversed())
                .thenComparing(PartyResult::party));

        List<SeatChange> changes = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        Map<String, Integer> flowCounts = new LinkedHashMap<>();
        if (then != null) {
            for (ContestResult c : after.contests()) {
                String was = then.holders.get(c.divisionId());
                if (was == null) {
                    unmatched.add(c.divisionId() + " " + c.divisionName() + " (new)");
                    continue;
                }
                String is = now.holders.get(c.divisionId());
                if (!is.equals(was)) {
                    changes.add(new SeatChange(c.divisionId(), c.divisionName(), was, is));
                    flowCounts.merge(was + "\u0000" + is, 1, Integer::sum);
                }
            }
            for (ContestResult c : before.get().contests()) {
                if (!now.holders.containsKey(c.divisionId())) {
                    unmatched.add(c.divisionId() + " " + c.divisionName() + " (abolished)");
                }
            }
        }
        List<Flow> flows = new ArrayList<>();
        flowCounts.forEach((k, n) -> {
            String[] pair = k.split("\u0000");
            flows.add(new Flow(pair[0], pair[1], n));
        });
        flows.sort(Comparator.comparingInt(Flow::seats).reversed().thenComparing(Flow::from).thenComparing(Flow::to));
        return new NationalResult(after.name(), before.map(Election::name), after.seats(), now.total,
                now.control(after.seats()), Optional.ofNullable(then).map(t -> t.control(before.get().seats())),
                parties, changes, flows, unmatched);
    }

    /** One election's totals by party and winners by seat. */
    private static final class Totals {
        final Map<String, Long> votes = new LinkedHashMap<>();
        final Map<String, Integer> seats = new HashMap<>();
        final Map<String, Integer> candidates = new HashMap<>();
        final Map<String, String> holders = new HashMap<>();
        long total;

        Totals(Election e) {
            for (ContestResult c : e.contests()) {
                String holder = holder(c);
                holders.put(c.divisionId(), holder);
                seats.merge(holder, 1, Integer::sum);
                for (CandidateVotes v : c.candidates()) {
                    votes.merge(v.party(), v.votes(), Math::addExact);
                    candidates.merge(v.party(), 1, Integer::sum);
                    total = Math.addExact(total, v.votes());
                }
            }
        }

        Control control(int seatCount) {
            Map<String, Integer> m = new HashMap<>(seats);
            List<PartySeats> held = Control.sorted(m);
            return Control.of(seatCount, held);
        }
    }
}
