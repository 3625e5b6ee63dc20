package org.tallyroom.analysis.council;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;

/**
 * A council's ordinary election: seats by party, control, and gains and losses against the previous
 * election.
 *
 * <p>Gains and losses are only meaningful ward by ward: a party that loses a seat in one ward and
 * wins one in another has one gain and one loss, net nil. So the comparison picks its basis:
 * <ol>
 *   <li>{@link ComparisonBasis#BY_WARD} where the boundaries match: both elections have the same
 *       division ids, each with the same number of seats;</li>
 *   <li>else {@link ComparisonBasis#NOTIONAL} where notional previous results are given for every
 *       new ward: a ward with the same id and seats as before and no notional result is compared with
 *       the previous election's own result there (counted in {@link CouncilChange#directWards()});</li>
 *   <li>else {@link ComparisonBasis#WHOLE_COUNCIL}: each party's change in total seats, and no
 *       gains or losses, since they cannot be known.</li>
 * </ol>
 * In a ward, a party's gain is the seats it holds beyond those it held before, its loss the seats it
 * held before beyond those it holds now; a council's gains are the sum over its wards.
 */
public final class Council {
    private Council() {
    }

    /** Seats by party and control after an election. */
    public static CouncilSummary summarise(Election election) {
        Map<String, Integer> seats = new HashMap<>();
        for (ContestResult c : election.contests()) {
            seatsByParty(c).forEach((p, n) -> seats.merge(p, n, Integer::sum));
        }
        List<PartySeats> byParty = Control.sorted(seats);
        return new CouncilSummary(election.name(), election.seats(), byParty, Control.of(election.seats(), byParty));
    }

    /** Against the previous election: by ward if the boundaries match, else whole-council. */
    public static CouncilChange compare(Election after, Election before) {
        return compare(after, before, List.of());
    }

    /**
     * Against the previous election: by ward if the boundaries match, else against {@code notional}
     * if given (one entry for every ward of {@code after}), else whole-council.
     */
    public static CouncilChange compare(Election after, Election before, List<NotionalWard> notional) {
        CouncilSummary now = summarise(after);
        CouncilSummary then = summarise(before);
        ComparisonBasis basis;
        Map<String, Map<String, Integer>> previous = new HashMap<>();
        if (sameWards(after, before)) {
            basis = ComparisonBasis.BY_WARD;
            before.contests().forEach(c -> previous.put(c.divisionId(), seatsByParty(c)));
        } else if (!notional.isEmpty()) {
            basis = ComparisonBasis.NOTIONAL;
            previous.putAll(notional(after, before, notional));
        } else {
            basis = ComparisonBasis.WHOLE_COUNCIL;
        }

        Map<String, int[]> tally = new LinkedHashMap<>(); // party -> {before, after, gains, losses}
        List<WardSeatChange> wards = new ArrayList<>();
        if (basis == ComparisonBasis.WHOLE_COUNCIL) {
            then.byParty().forEach(p -> tally.computeIfAbsent(p.party(), k -> new int[4])[0] += p.seats());
            now.byParty().forEach(p -> tally.computeIfAbsent(p.party(), k -> new int[4])[1] += p.seats());
        } else {
            for (ContestResult c : after.contests()) {
                Map<String, Integer> was = previous.get(c.divisionId());
                Map<String, Integer> is = seatsByParty(c);
                Set<String> parties = new LinkedHashSet<>(is.keySet());
                parties.addAll(was.keySet());
                for (String p : parties) {
                    int b = was.getOrDefault(p, 0);
                    int a = is.getOrDefault(p, 0);
                    int[] t = tally.computeIfAbsent(p, k -> new int[4]);
                    t[0] += b;
                    t[1] += a;
                    t[2] += Math.max(0, a - b);
                    t[3] += Math.max(0, b - a);
                }
                if (!was.equals(is)) {
                    wards.add(new WardSeatChange(c.divisionId(), c.divisionName(), Control.sorted(was),
                            Control.sorted(is)));
                }
            }
        }
        boolean byWard = basis != ComparisonBasis.WHOLE_COUNCIL;
        List<PartyChange> parties = new ArrayList<>();
        tally.forEach((p, t) -> parties.add(new PartyChange(p, t[0], t[1], t[1] - t[0],
                byWard ? OptionalInt.of(t[2]) : OptionalInt.empty(), byWard ? OptionalInt.of(t[3]) : OptionalInt.empty())));
        parties.sort(Comparator.comparingInt(PartyChange::after).reversed()
                .thenComparing(Comparator.comparingInt(PartyChange::before).reversed())
                .thenComparing(PartyChange::party));
        boolean changed = !now.control().party().equals(then.control().party());
        int direct = basis != ComparisonBasis.NOTIONAL ? 0 : (int) after.contests().stream()
                .filter(c -> notional.stream().noneMatch(w -> w.divisionId().equals(c.divisionId()))).count();
        return new CouncilChange(now, then, basis, parties, wards, changed, verdict(then.control(), now.control()), direct);
    }

    /** "Lab gain from Con", "Con hold", "No overall control, no change", "Con lose control to NOC". */
    public static String verdict(Control before, Control after) {
        if (after.party().equals(before.party())) {
            return after.overall() ? after.party() + " hold" : Control.NO_OVERALL_CONTROL + ", no change";
        }
        if (!after.overall()) {
            return before.party() + " lose control: " + Control.NO_OVERALL_CONTROL;
        }
        return after.party() + " gain from " + (before.overall() ? before.party() : Control.NO_OVERALL_CONTROL);
    }

    /** Whether two elections were fought on the same wards: same ids, same seats in each. */
    public static boolean sameWards(Election a, Election b) {
        Map<String, Integer> seats = new HashMap<>();
        a.contests().forEach(c -> seats.put(c.divisionId(), c.seats()));
        if (seats.size() != b.contests().size()) {
            return false;
        }
        return b.contests().stream().allMatch(c -> Integer.valueOf(c.seats()).equals(seats.get(c.divisionId())));
    }

    /** Seats won in one contest by party. */
    public static Map<String, Integer> seatsByParty(ContestResult contest) {
        Map<String, Integer> m = new TreeMap<>();
        for (CandidateVotes c : contest.elected()) {
            m.merge(c.party(), 1, Integer::sum);
        }
        return m;
    }

    /**
     * The previous seats by party in each ward of {@code after}: notional where given, else the previous
     * election's own result where the ward is unchanged (same id, same seats); a ward with neither is an error.
     */
    private static Map<String, Map<String, Integer>> notional(Election after, Election before, List<NotionalWard> notional) {
        Map<String, ContestResult> unchanged = new HashMap<>();
        before.contests().forEach(c -> unchanged.put(c.divisionId(), c));
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (NotionalWard w : notional) {
            Map<String, Integer> m = new TreeMap<>();
            w.seats().forEach(p -> m.merge(p.party(), p.seats(), Integer::sum));
            if (out.put(w.divisionId(), m) != null) {
                throw new IllegalArgumentException("notional results give ward " + w.divisionId() + " twice");
            }
        }
        for (ContestResult c : after.contests()) {
            Map<String, Integer> m = out.get(c.divisionId());
            ContestResult same = unchanged.get(c.divisionId());
            if (m == null && same != null && same.seats() == c.seats()) {
                out.put(c.divisionId(), seatsByParty(same));
                continue;
            }
            if (m == null) {
                throw new IllegalArgumentException("notional results lack ward " + c.divisionId() + " ("
                        + c.divisionName() + "), which " + before.name() + " did not have with the same seats; give one "
                        + "for every new ward of " + after.name());
            }
            int sum = m.values().stream().mapToInt(Integer::intValue).sum();
            if (sum != c.seats()) {
                throw new IllegalArgumentException("notional results give ward " + c.divisionId() + " ("
                        + c.divisionName() + ") " + sum + " seats; it has " + c.seats());
            }
        }
        if (out.size() != after.contests().size() || notional.stream().anyMatch(w -> after.contests().stream()
                .noneMatch(c -> c.divisionId().equals(w.divisionId())))) {
            throw new IllegalArgumentException("notional results name wards that " + after.name() + " does not have");
        }
        return out;
    }
}
