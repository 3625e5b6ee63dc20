package org.tallyroom.analysis.irregularity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;

/**
 * List seats (D'Hondt, Sainte-Laguë, the additional member system): could N more list votes have
 * changed the seats? The seats given are the highest figures (votes / divisor) across all lists, so
 * a list x takes one more seat exactly when its next figure, with k more votes, reaches the lowest
 * figure that won a seat for another list, the last quotient that counts against it: k = the least
 * number with (votes(x) + k)·d(y) &gt;= votes(y)·d(x). Votes given to any other list only raise their
 * figures, so giving all N to x is the adversary's best. With a threshold, a list under it needs
 * enough votes to reach it as well, and a list that won seats falls out if N votes elsewhere take it
 * under. The least of these is the margin: exact, and a figure equal to the last one is a tie (most
 * votes, then lot), counted as could change unless x has fewer votes and so loses it.
 */
final class ListBound {
    private ListBound() {
    }

    private record Figure(long votes, long divisor) {
    }

    static CountCheck check(CountReport r, CountOptions options, long n) {
        List<Candidate> lists = r.candidates();
        long[] votes = r.stages().get(0).votes();
        long total = 0;
        for (long v : votes) {
            total += v;
        }
        String method = r.method();
        BigDecimal threshold = options.thresholdPercent() != null ? options.thresholdPercent()
                : method.equals("ams") && !options.regional() ? BigDecimal.valueOf(5) : null;
        if (threshold != null && threshold.signum() == 0) {
            threshold = null;
        }
        int k = lists.size();
        // AMS: the constituency seats each list won, from the report itself (seats by party less list seats),
        // so a stored report needs no options; else from the options.
        java.util.Map<String, Integer> constituency = new java.util.HashMap<>(options.constituencySeats());
        if (method.equals("ams") && !r.seatsByParty().isEmpty()) {
            constituency.clear();
            for (Candidate c : lists) {
                long listWon = r.allocations().stream().filter(a -> a.party().equals(c.name())).count();
                constituency.put(c.name(), (int) (r.seatsByParty().getOrDefault(c.name(), 0) - listWon));
            }
        }
        options = options.withConstituencySeats(constituency, options.regional());
        int[] listSeats = new int[k];
        Figure[] won = new Figure[r.allocations().size()];
        int[] wonBy = new int[won.length];
        for (int i = 0; i < won.length; i++) {
            Allocation a = r.allocations().get(i);
            int c = indexOf(lists, a.party());
            won[i] = new Figure(votes[c], divisor(method, listSeats[c], constituency(options, lists.get(c))));
            wonBy[i] = c;
            listSeats[c]++;
        }
        List<String> why = new ArrayList<>();
        if (won.length == 0) {
            return new CountCheck(r.title(), method, n, Outcome.UNCONTESTED, 0, -1, List.of("No list seat was given."));
        }
        Allocation last = r.allocations().get(won.length - 1);
        why.add("The last list seat (seat " + last.seat() + ") went to " + last.party() + " with the figure "
                + votes[wonBy[won.length - 1]] + " / " + won[won.length - 1].divisor() + ".");
        long best = Long.MAX_VALUE;
        String bestWhy = "";
        int bestSeat = 0;
        for (int x = 0; x < k; x++) {
            Candidate list = lists.get(x);
            boolean independent = isIndependent(list);
            if (independent && (listSeats[x] > 0 || constituency(options, list) > 0)) {
                continue;
            }
            // The lowest figure that won a seat for another list.
            int lowest = -1;
            for (int i = 0; i < won.length; i++) {
                if (wonBy[i] != x && (lowest < 0 || compare(won[i], won[lowest]) < 0
                        || compare(won[i], won[lowest]) == 0 && won[i].votes() < won[lowest].votes())) {
                    lowest = i;
                }
            }
            if (lowest < 0) {
                continue;
            }
            Figure y = won[lowest];
            long d = divisor(method, listSeats[x], constituency(options, list));
            // least k with (v + k)·d(y) >= v(y)·d, then the tie rule at equality
            BigInteger need = BigInteger.valueOf(y.votes()).multiply(BigInteger.valueOf(d));
            BigInteger have = BigInteger.valueOf(votes[x]).multiply(BigInteger.valueOf(y.divisor()));
            long kSeat = need.subtract(have).signum() <= 0 ? 0
                    : ceilDiv(need.subtract(have), BigInteger.valueOf(y.divisor()));
            if (BigInteger.valueOf(votes[x] + kSeat).multiply(BigInteger.valueOf(y.divisor())).equals(need)
                    && votes[x] + kSeat < y.votes()) {
                kSeat++; // level figures go to the list with more votes: x must pass y
            }
            long kThreshold = 0;
            if (threshold != null) {
                // (v + k)·100 >= p·(total + k)  <=>  k >= (p·total - 100·v) / (100 - p)
                BigDecimal gap = threshold.multiply(BigDecimal.valueOf(total)).subtract(BigDecimal.valueOf(100L * votes[x]));
                if (gap.signum() > 0) {
                    kThreshold = gap.divide(BigDecimal.valueOf(100).subtract(threshold), 0, java.math.RoundingMode.CEILING)
                            .longValueExact();
                }
            }
            long kx = Math.max(kSeat, kThreshold);
            if (kx < best) {
                best = kx;
                bestSeat = r.allocations().get(lowest).seat();
                bestWhy = kx + " more votes for " + list.name() + " (" + votes[x] + ") give it the figure "
                        + (votes[x] + kx) + " / " + d + ", level with or above " + lists.get(wonBy[lowest]).name()
                        + "'s winning figure " + y.votes() + " / " + y.divisor() + " (seat " + bestSeat + ")"
                        + (kThreshold > 0 && kThreshold >= kSeat ? ", and over the " + threshold.toPlainString() + "% threshold" : "")
                        + ".";
            }
        }
        if (threshold != null) {
            for (int x = 0; x < k; x++) {
                if (listSeats[x] == 0) {
                    continue;
                }
                // falls under when v·100 < p·(total + k): k > (100·v - p·total) / p
                BigDecimal room = BigDecimal.valueOf(100L * votes[x]).subtract(threshold.multiply(BigDecimal.valueOf(total)));
                long kDrop = room.divide(threshold, 0, java.math.RoundingMode.FLOOR).longValueExact() + 1;
                if (kDrop < best) {
                    best = kDrop;
                    bestSeat = 1;
                    bestWhy = kDrop + " more votes for other lists take " + lists.get(x).name() + " (" + votes[x]
                            + ") under the " + threshold.toPlainString() + "% threshold, losing its seats.";
                }
            }
        }
        if (best == Long.MAX_VALUE) {
            return new CountCheck(r.title(), method, n, Outcome.UNCONTESTED, 0, -1, List.of("No other list could take a seat."));
        }
        why.add("The fewest votes that change a seat: " + bestWhy);
        Outcome o = n < best ? Outcome.CANNOT_CHANGE : n == best ? Outcome.COULD_TIE : Outcome.COULD_OVERTURN;
        why.add(n + (n < best ? " is fewer: no seat changes." : n == best ? " reaches it exactly." : " is more."));
        return new CountCheck(r.title(), method, n, o, o == Outcome.CANNOT_CHANGE ? 0 : bestSeat, best, why);
    }

    private static long ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return (qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]).longValueExact();
    }

    private static int compare(Figure a, Figure b) {
        return BigInteger.valueOf(a.votes()).multiply(BigInteger.valueOf(b.divisor()))
                .compareTo(BigInteger.valueOf(b.votes()).multiply(BigInteger.valueOf(a.divisor())));
    }

    private static long divisor(String method, int listSeats, int constituency) {
        return switch (method) {
            case "sainte-lague" -> 2L * listSeats + 1;
            case "ams" -> 1L + constituency + listSeats;
            default -> listSeats + 1L;
        };
    }

    private static int constituency(CountOptions options, Candidate list) {
        return options.constituencySeats().getOrDefault(list.name(), 0);
    }

    private static int indexOf(List<Candidate> lists, String name) {
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the report gives a seat to " + name + ", which is not one of its lists");
    }

    private static boolean isIndependent(Candidate c) {
        String p = c.party().strip().toLowerCase(Locale.ROOT);
        return p.isEmpty() || p.equals("independent") || p.equals("ind");
    }
}
