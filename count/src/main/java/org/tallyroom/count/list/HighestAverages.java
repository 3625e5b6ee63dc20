package org.tallyroom.count.list;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Lot;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * The highest-averages count shared by D'Hondt, Sainte-Laguë and the additional member system:
 * seats are given one at a time, each to the list whose votes divided by its current divisor (its
 * "figure" or "quotient") are highest; the winner's divisor then grows. The rule sets differ only in
 * the divisor, the threshold and how equal quotients are settled, so each passes those in.
 *
 * <p>Design: quotients are never computed as numbers. Two quotients v1/d1 and v2/d2 are compared by
 * cross-multiplying, v1·d2 against v2·d1, in 128 bits ({@link Math#multiplyHigh}), so the comparison
 * is exact for any vote count a long can hold and a tie is a true equality. The quotient shown in
 * the report is truncated to {@link Allocation#QUOTIENT_DECIMALS} places for the reader only.
 *
 * <p>An individual (independent) list candidate can be returned only once: after one seat, or if
 * already returned in a constituency (AMS), it is disregarded. A list with no votes takes no seat.
 * When no list can take a further seat, the remaining seats are left unfilled and a note says so,
 * as the statutes leave such a seat vacant rather than give it to a list not entitled to it.
 */
final class HighestAverages {

    /** A list's divisor, given how many list seats it already has and the seats it won before (AMS). */
    interface Divisor {
        long of(int listSeats, int alreadyWon);
    }

    /** How equal highest quotients are settled. */
    enum TieRule {
        /** The list with more votes; lists still equal, by lot. */
        MOST_VOTES_THEN_LOT,
        /** By lot alone. */
        LOT
    }

    /** Parts of a count that vary by rule set. */
    record Setup(String method, Divisor divisor, TieRule tieRule, BigDecimal thresholdPercent,
                 Map<String, Integer> alreadyWon, boolean ams, String tieRuleCitation) {
    }

    private static final long QUOTIENT_SCALE = Fixed.scale(Allocation.QUOTIENT_DECIMALS);

    private HighestAverages() {
    }

    /** True where the list is an individual candidate rather than a party list. */
    static boolean isIndependent(Candidate c) {
        String p = c.party().strip().toLowerCase(Locale.ROOT);
        return p.isEmpty() || p.equals("independent") || p.equals("ind");
    }

    static CountReport count(Contest contest, CountOptions options, Setup setup) {
        List<Candidate> lists = contest.candidates();
        int n = lists.size();
        long[] votes = switch (contest.votes()) {
            case Votes.Tallies t -> t.votes();
            case Votes.Papers p -> throw new CountException(
                    setup.method() + " counts votes per list; give a tallies file (candidate,party,votes)");
            case Votes.SupplementaryTallies s -> throw new CountException(
                    setup.method() + " counts votes per list, not first and second choices");
        };
        int seats = options.seats();
        if (seats < 1) {
            throw new CountException("no seats to fill: give --seats");
        }
        long total = 0;
        for (int c = 0; c < n; c++) {
            if (votes[c] < 0) {
                throw new CountException("the list " + lists.get(c).name() + " has negative votes");
            }
            if (lists.get(c).withdrawn()) {
                votes[c] = 0;
            }
            total = Math.addExact(total, votes[c]);
        }
        List<String> notes = new ArrayList<>();
        int[] won = new int[n];
        for (int c = 0; c < n; c++) {
            won[c] = setup.alreadyWon().getOrDefault(lists.get(c).name(), 0);
        }

        // Who may take a seat at all: the threshold, withdrawn lists, lists without votes, and
        // individual candidates already returned in a constituency are out from the start.
        boolean[] out = new boolean[n];
        List<Integer> leftOut = new ArrayList<>();
        if (setup.thresholdPercent() != null && setup.thresholdPercent().signum() > 0) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (belowThreshold(votes[c], total, setup.thresholdPercent())) {
                    out[c] = true;
                    leftOut.add(c);
                    names.add(lists.get(c).name() + " (" + votes[c] + ", " + percent(votes[c], total) + ")");
                }
            }
            if (!names.isEmpty()) {
                notes.add("Left out for polling less than " + setup.thresholdPercent().stripTrailingZeros().toPlainString()
                        + "% of the " + total + " valid list votes: " + String.join(", ", names) + ".");
            }
        }
        for (int c = 0; c < n; c++) {
            Candidate list = lists.get(c);
            if (out[c]) {
                continue;
            }
            if (isIndependent(list) && won[c] > 0) {
                out[c] = true;
                leftOut.add(c);
                notes.add(list.name() + " is an individual candidate already returned as a constituency member, "
                        + "so is disregarded for list seats.");
            } else if (list.withdrawn() || votes[c] == 0) {
                out[c] = true;
            }
        }

        leftOut.sort(null);
        Members members = new Members(lists, options.partyLists(), notes);
        Lot lot = Lot.of(options);
        int[] listSeats = new int[n];
        List<Stage> stages = new ArrayList<>();
        List<Integer> elected = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        String firstNote = leftOut.isEmpty() ? "" : "Left out before allocation: " + String.join(", ",
                leftOut.stream().map(c -> lists.get(c).name()).toList()) + ".";
        stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, votes, 0, 0, List.of(), leftOut,
                firstNote));

        for (int seat = 1; seat <= seats; seat++) {
            int stageNumber = seat + 1;
            members.dropExhausted(out, seat, setup.ams());
            List<Integer> tied = new ArrayList<>();
            long bestVotes = 0;
            long bestDivisor = 1;
            for (int c = 0; c < n; c++) {
                if (out[c]) {
                    continue;
                }
                long d = setup.divisor().of(listSeats[c], won[c]);
                int cmp = tied.isEmpty() ? 1 : compareQuotients(votes[c], d, bestVotes, bestDivisor);
                if (cmp > 0) {
                    tied.clear();
                    bestVotes = votes[c];
                    bestDivisor = d;
                }
                if (cmp >= 0) {
                    tied.add(c);
                }
            }
            if (tied.isEmpty()) {
                int vacant = seats - seat + 1;
                notes.add(vacant + (vacant == 1 ? " seat is" : " seats are")
                        + " left unfilled: no list can take a further seat.");
                break;
            }
            int winner = tied.get(0);
            if (tied.size() > 1) {
                Tie tie = settle(tied, votes, setup.tieRule(), lot, lists, stageNumber, seat);
                ties.add(tie);
                winner = tie.chosen();
            }
            long divisor = setup.divisor().of(listSeats[winner], won[winner]);
            long quotient = scaledQuotient(votes[winner], divisor);
            listSeats[winner]++;
            if (isIndependent(lists.get(winner))) {
                out[winner] = true;
            }
            String member = members.take(winner);
            elected.add(winner);
            allocations.add(new Allocation(seat, lists.get(winner).name(), quotient, member));
            String note = "Seat " + seat + " to " + lists.get(winner).name() + (member == null ? "" : " (" + member + ")")
                    + ": " + votes[winner] + " / "
                    + divisor + " = " + Fixed.format(quotient, Allocation.QUOTIENT_DECIMALS)
                    + (tied.size() > 1 ? " (equal highest quotients; " + setup.tieRuleCitation() + ")" : "");
            stages.add(new Stage(stageNumber, StageKind.ALLOCATION, List.of(), null, votes, 0, 0, List.of(winner),
                    List.of(), note));
        }

        Map<String, Integer> seatsByParty = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            seatsByParty.merge(lists.get(c).name(), won[c] + listSeats[c], Integer::sum);
        }
        if (setup.ams()) {
            List<String> unknown = new ArrayList<>();
            setup.alreadyWon().forEach((party, w) -> {
                if (contest.indexOf(party) < 0) {
                    unknown.add(party + " (" + w + ")");
                    seatsByParty.put(party, w);
                }
            });
            if (!unknown.isEmpty()) {
                unknown.sort(null);
                notes.add("Constituency seats given for parties with no list in this count, included in the "
                        + "seats by party: " + String.join(", ", unknown) + ".");
            }
        }
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        rejected.putAll(contest.rejected());
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), setup.method(), seats, 0, lists,
                new BallotSummary(total, rejectedTotal, 0, rejected), null, elected, stages, ties, options.seed(),
                options.lot(), allocations, seatsByParty, notes);
    }

    private static Tie settle(List<Integer> tied, long[] votes, TieRule rule, Lot lot, List<Candidate> lists,
                              int stage, int seat) {
        String question = "which list takes seat " + seat + " (equal highest quotients)";
        if (rule == TieRule.MOST_VOTES_THEN_LOT) {
            long most = 0;
            for (int c : tied) {
                most = Math.max(most, votes[c]);
            }
            List<Integer> top = new ArrayList<>();
            for (int c : tied) {
                if (votes[c] == most) {
                    top.add(c);
                }
            }
            if (top.size() == 1) {
                return new Tie(stage, tied, Tie.Resolution.MOST_VOTES, top.get(0), question);
            }
            return new Tie(stage, tied, Tie.Resolution.LOT, lot.draw(top, lists),
                    question + "; lot among the lists with most votes");
        }
        return new Tie(stage, tied, Tie.Resolution.LOT, lot.draw(tied, lists), question);
    }

    /** Compares v1/d1 with v2/d2 exactly (all non-negative, divisors positive). */
    static int compareQuotients(long v1, long d1, long v2, long d2) {
        int high = Long.compare(Math.multiplyHigh(v1, d2), Math.multiplyHigh(v2, d1));
        return high != 0 ? high : Long.compareUnsigned(v1 * d2, v2 * d1);
    }

    /** votes / divisor to {@link Allocation#QUOTIENT_DECIMALS} places, truncated. */
    static long scaledQuotient(long votes, long divisor) {
        return Math.addExact(Math.multiplyExact(votes / divisor, QUOTIENT_SCALE),
                Math.multiplyExact(votes % divisor, QUOTIENT_SCALE) / divisor);
    }

    /** votes is less than percent% of total, exactly: votes·100 < percent·total. */
    static boolean belowThreshold(long votes, long total, BigDecimal percent) {
        BigInteger left = BigInteger.valueOf(votes).multiply(BigInteger.valueOf(100)).multiply(BigInteger.TEN.pow(
                Math.max(percent.scale(), 0)));
        BigInteger right = percent.movePointRight(Math.max(percent.scale(), 0)).toBigIntegerExact()
                .multiply(BigInteger.valueOf(total));
        return left.compareTo(right) < 0;
    }

    /** A share to two places, truncated, for notes. */
    private static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.00%";
        }
        BigInteger basis = BigInteger.valueOf(part).multiply(BigInteger.valueOf(10_000)).divide(BigInteger.valueOf(whole));
        return Fixed.format(basis.longValueExact(), 2) + "%";
    }
}
