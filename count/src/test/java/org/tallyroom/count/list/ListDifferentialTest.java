package org.tallyroom.count.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Lot;
import org.tallyroom.count.Rules;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * The real allocator against a slow, obvious one on seeded random elections. The reference writes
 * every quotient out as a fraction (BigInteger numerator and denominator) afresh for every seat,
 * takes the largest, settles equalities by the statute's rule and draws lots from a {@link Lot} with
 * the same seed. Votes are drawn from small ranges so that equal quotients, thresholds met exactly
 * and capped independents are common.
 */
class ListDifferentialTest {
    private static final int ELECTIONS = 10_000;

    /** What the reference computes: the parts of a report that decide who gets what. */
    record Outcome(List<Integer> elected, List<Allocation> allocations, List<String> ties,
                   Map<String, Integer> seatsByParty, List<Integer> leftOut) {
        static Outcome of(CountReport r) {
            return new Outcome(r.elected(), r.allocations(), r.ties().stream().map(ListDifferentialTest::describe).toList(),
                    r.seatsByParty(), r.stages().get(0).excluded());
        }
    }

    static String describe(Tie t) {
        return t.stage() + " " + t.between() + " " + t.resolvedBy() + " " + t.chosen();
    }

    @Test
    void dhondt_matchesTheReference() {
        run(new DHondt(), 1, false);
    }

    @Test
    void sainteLague_matchesTheReference() {
        run(new SainteLague(), 2, false);
    }

    @Test
    void ams_matchesTheReference() {
        run(new AdditionalMember(), 3, true);
    }

    private static void run(Rules rules, long seed, boolean ams) {
        SplittableRandom random = new SplittableRandom(seed);
        int tied = 0;
        for (int e = 0; e < ELECTIONS; e++) {
            int n = 1 + random.nextInt(8);
            List<Candidate> cands = new ArrayList<>();
            long[] votes = new long[n];
            int scale = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(1000);
            for (int i = 0; i < n; i++) {
                boolean independent = random.nextInt(5) == 0;
                cands.add(new Candidate("L" + i, independent ? (random.nextBoolean() ? "" : "Ind") : "P" + i));
                votes[i] = (long) random.nextInt(random.nextBoolean() ? 13 : 200) * scale;
            }
            int seats = 1 + random.nextInt(15);
            BigDecimal threshold = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> BigDecimal.valueOf(5);
                case 2 -> new BigDecimal(random.nextInt(1000)).movePointLeft(2);
                default -> BigDecimal.valueOf(random.nextInt(30));
            };
            Map<String, Integer> won = new HashMap<>();
            boolean regional = false;
            if (ams) {
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(3) == 0) {
                        won.put("L" + i, random.nextInt(cands.get(i).party().startsWith("P") ? 6 : 2));
                    }
                }
                if (random.nextInt(6) == 0) {
                    won.put("Other", 1 + random.nextInt(3));
                }
                regional = random.nextBoolean();
                if (random.nextBoolean()) {
                    threshold = null;
                }
            }
            Contest contest = new Contest("R" + e, cands, new Votes.Tallies(votes));
            CountOptions options = new CountOptions(seats, threshold, random.nextLong(), List.of(), won, regional);
            CountReport real = rules.count(contest, options);
            Outcome expected = reference(rules.method(), contest, options);
            assertThat(Outcome.of(real)).as("election %d: %s %s %s", e, cands, java.util.Arrays.toString(votes), options)
                    .isEqualTo(expected);
            assertThat(real.stages()).hasSize(1 + real.elected().size());
            for (int s = 0; s < real.elected().size(); s++) {
                assertThat(real.stages().get(s + 1).elected()).containsExactly(real.elected().get(s));
            }
            tied += real.ties().isEmpty() ? 0 : 1;
        }
        assertThat(tied).as("elections with ties among %d", ELECTIONS).isGreaterThan(ELECTIONS / 20);
    }

    /** The obvious allocator: fractions recomputed for every seat, nothing carried but seat counts. */
    static Outcome reference(String method, Contest contest, CountOptions options) {
        List<Candidate> cands = contest.candidates();
        int n = cands.size();
        long[] votes = ((Votes.Tallies) contest.votes()).votes();
        boolean ams = method.equals("ams");
        BigDecimal threshold = options.thresholdPercent();
        if (ams && threshold == null && !options.regional()) {
            threshold = BigDecimal.valueOf(5);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (long v : votes) {
            total = total.add(BigDecimal.valueOf(v));
        }
        int[] won = new int[n];
        boolean[] eligible = new boolean[n];
        List<Integer> leftOut = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            won[i] = ams ? options.constituencySeats().getOrDefault(cands.get(i).name(), 0) : 0;
            boolean independent = cands.get(i).party().isEmpty() || cands.get(i).party().equalsIgnoreCase("ind");
            boolean under = threshold != null && threshold.signum() > 0
                    && BigDecimal.valueOf(votes[i]).multiply(BigDecimal.valueOf(100)).compareTo(threshold.multiply(total)) < 0;
            boolean returned = independent && won[i] > 0;
            eligible[i] = !under && !returned && votes[i] > 0;
            if (under || returned) {
                leftOut.add(i);
            }
        }
        Lot lot = Lot.of(options);
        int[] given = new int[n];
        List<Integer> elected = new ArrayList<>();
        List<Allocation> allocations = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (int seat = 1; seat <= options.seats(); seat++) {
            BigInteger[] num = new BigInteger[n];
            BigInteger[] den = new BigInteger[n];
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!eligible[i]) {
                    continue;
                }
                num[i] = BigInteger.valueOf(votes[i]);
                den[i] = BigInteger.valueOf(switch (method) {
                    case "dhondt" -> given[i] + 1;
                    case "sainte-lague" -> 2 * given[i] + 1;
                    default -> 1 + won[i] + given[i];
                });
                if (best < 0 || num[i].multiply(den[best]).compareTo(num[best].multiply(den[i])) > 0) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            List<Integer> equal = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (eligible[i] && num[i].multiply(den[best]).equals(num[best].multiply(den[i]))) {
                    equal.add(i);
                }
            }
            int winner = best;
            if (equal.size() > 1) {
                long most = equal.stream().mapToLong(i -> votes[i]).max().orElseThrow();
                List<Integer> drawFrom = equal.stream().filter(i -> votes[i] == most).toList();
                Tie.Resolution how = drawFrom.size() == 1 ? Tie.Resolution.MOST_VOTES : Tie.Resolution.LOT;
                winner = drawFrom.size() == 1 ? drawFrom.get(0) : lot.draw(drawFrom, cands);
                ties.add((seat + 1) + " " + equal + " " + how + " " + winner);
            }
            BigInteger scaled = num[winner].multiply(BigInteger.valueOf(100_000)).divide(den[winner]);
            allocations.add(new Allocation(seat, cands.get(winner).name(), scaled.longValueExact()));
            elected.add(winner);
            given[winner]++;
            boolean independent = cands.get(winner).party().isEmpty() || cands.get(winner).party().equalsIgnoreCase("ind");
            if (independent) {
                eligible[winner] = false;
            }
        }
        Map<String, Integer> seatsByParty = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            seatsByParty.put(cands.get(i).name(), won[i] + given[i]);
        }
        if (ams) {
            options.constituencySeats().forEach((party, w) -> seatsByParty.putIfAbsent(party, w));
        }
        return new Outcome(elected, allocations, ties, seatsByParty, leftOut);
    }
}
