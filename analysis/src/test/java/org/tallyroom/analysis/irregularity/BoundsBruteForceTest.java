package org.tallyroom.analysis.irregularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;
import org.tallyroom.count.preferential.SupplementaryVote;
import org.tallyroom.count.stv.ScottishStv;

/**
 * The irregularity bounds against brute force: small random elections, every way of adding up to N
 * papers (every multiset of markings), counted by the engine. Where the check says the result cannot
 * change, no addition may change it; where it gives an exact margin (SV second round), some addition
 * must. Each test also requires both verdicts to occur, so it cannot pass vacuously.
 */
class BoundsBruteForceTest {

    @Test
    void sv_cannotChangeIsSound_andTheSecondRoundMarginIsExact() {
        SplittableRandom rnd = new SplittableRandom(20_260_505L);
        int safe = 0;
        int exact = 0;
        int checked = 0;
        while (checked < 250) {
            int k = 3 + rnd.nextInt(2);
            List<Ballot> base = new ArrayList<>();
            for (int i = 0, papers = 4 + rnd.nextInt(6); i < papers; i++) {
                int first = rnd.nextInt(k);
                int second = rnd.nextInt(k + 1);
                long w = 1 + rnd.nextInt(9);
                base.add(second == k || second == first ? Ballot.ranking(w, first) : Ballot.ranking(w, first, second));
            }
            CountReport original = count(new SupplementaryVote(), k, 1, base);
            if (!original.ties().isEmpty()) {
                continue;
            }
            checked++;
            List<Ballot> types = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                types.add(Ballot.ranking(1, f));
                for (int s = 0; s < k; s++) {
                    if (s != f) {
                        types.add(Ballot.ranking(1, f, s));
                    }
                }
            }
            for (int n = 0; n <= 3; n++) {
                CountCheck check = CountIrregularity.check(original, CountOptions.seats(1), n);
                boolean changes = anyAdditionChanges(base, types, n, added -> count(new SupplementaryVote(), k, 1, added),
                        original);
                if (check.outcome() == Outcome.CANNOT_CHANGE) {
                    safe++;
                    assertThat(changes).as("%s said safe for %d papers:%n%s", base, n, check.text()).isFalse();
                } else if (check.stage() == 2) {
                    exact++;
                    assertThat(changes).as("%s said margin %d:%n%s", base, check.margin(), check.text()).isTrue();
                }
            }
        }
        assertThat(safe).isGreaterThan(50);
        assertThat(exact).isGreaterThan(50);
    }

    @Test
    void scottishStv_cannotChangeIsSound() {
        SplittableRandom rnd = new SplittableRandom(20_220_505L);
        int safe = 0;
        int notSafe = 0;
        int checked = 0;
        int k = 4;
        List<Ballot> types = new ArrayList<>();
        permutations(new ArrayList<>(), k, types);
        while (checked < 120) {
            List<Ballot> base = new ArrayList<>();
            for (int i = 0, papers = 5 + rnd.nextInt(6); i < papers; i++) {
                List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
                for (int j = order.size() - 1; j > 0; j--) {
                    int s = rnd.nextInt(j + 1);
                    order.set(j, order.set(s, order.get(j)));
                }
                int len = 1 + rnd.nextInt(k);
                base.add(Ballot.ranking(1 + rnd.nextInt(30), order.subList(0, len).stream().mapToInt(Integer::intValue).toArray()));
            }
            CountReport original = count(new ScottishStv(), k, 2, base);
            if (!original.ties().isEmpty()) {
                continue;
            }
            checked++;
            for (int n = 0; n <= 2; n++) {
                CountCheck check = CountIrregularity.check(original, CountOptions.seats(2), n);
                assertThat(check.outcome()).isIn(Outcome.CANNOT_CHANGE, Outcome.COULD_DECIDE);
                if (check.outcome() == Outcome.CANNOT_CHANGE) {
                    safe++;
                    boolean changes = anyAdditionChanges(base, types, n, added -> count(new ScottishStv(), k, 2, added),
                            original);
                    assertThat(changes).as("%s said safe for %d papers:%n%s", base, n, check.text()).isFalse();
                } else {
                    notSafe++;
                    assertThat(check.stage()).isPositive();
                }
            }
        }
        assertThat(safe).isGreaterThan(40);
        assertThat(notSafe).isGreaterThan(20);
    }

    @Test
    void listSeats_theLastQuotientMarginIsExact() {
        SplittableRandom rnd = new SplittableRandom(20_160_505L);
        int safe = 0;
        int change = 0;
        int checked = 0;
        while (checked < 200) {
            int k = 3 + rnd.nextInt(2);
            long[] votes = new long[k];
            List<Candidate> lists = new ArrayList<>();
            java.util.Map<String, Integer> constituency = new java.util.HashMap<>();
            for (int c = 0; c < k; c++) {
                votes[c] = 5 + rnd.nextInt(120);
                lists.add(new Candidate("L" + c, c == k - 1 && rnd.nextBoolean() ? "" : "P" + c));
                if (rnd.nextInt(3) == 0 && !lists.get(c).party().isEmpty()) {
                    constituency.put("L" + c, 1 + rnd.nextInt(3));
                }
            }
            Rules rules = switch (rnd.nextInt(3)) {
                case 0 -> new org.tallyroom.count.list.DHondt();
                case 1 -> new org.tallyroom.count.list.SainteLague();
                default -> new org.tallyroom.count.list.AdditionalMember();
            };
            CountOptions options = CountOptions.seats(2 + rnd.nextInt(4))
                    .withThreshold(rnd.nextBoolean() ? java.math.BigDecimal.valueOf(10) : null)
                    .withConstituencySeats(rules.method().equals("ams") ? constituency : java.util.Map.of(), false);
            CountReport original = rules.count(new Contest("lists", lists, new Votes.Tallies(votes)), options);
            if (!original.ties().isEmpty() || original.allocations().size() < options.seats()) {
                continue;
            }
            checked++;
            for (int n = 0; n <= 6; n++) {
                CountCheck check = CountIrregularity.check(original, options, n);
                boolean changes = anyListVotesChange(rules, lists, votes, options, original, n, 0);
                if (check.outcome() == Outcome.CANNOT_CHANGE) {
                    safe++;
                    assertThat(changes).as("%s %s %s %s said safe for %d votes:%n%s", java.util.Arrays.toString(votes), lists, options, original.seatsByParty(), n, check.text()).isFalse();
                } else {
                    change++;
                    assertThat(changes).as("%s said margin %d:%n%s", original.seatsByParty(), check.margin(), check.text()).isTrue();
                }
            }
        }
        assertThat(safe).isGreaterThan(100);
        assertThat(change).isGreaterThan(100);
    }

    /**
     * Every way of giving up to n more votes to the lists (from list `from` on): does any change a
     * seat, for some fall of the lot?
     */
    private static boolean anyListVotesChange(Rules rules, List<Candidate> lists, long[] votes, CountOptions options,
                                              CountReport original, int n, int from) {
        // A lot may fall either way: count once with each list drawn first at every lot.
        for (Candidate first : lists) {
            List<String> lot = new ArrayList<>(List.of(first.name()));
            lists.forEach(c -> lot.add(c.name()));
            CountReport r = rules.count(new Contest("lists", lists, new Votes.Tallies(votes.clone())), options.withLot(lot));
            if (!r.seatsByParty().equals(original.seatsByParty())) {
                return true;
            }
        }
        if (n == 0) {
            return false;
        }
        for (int c = from; c < votes.length; c++) {
            votes[c]++;
            boolean changed = anyListVotesChange(rules, lists, votes, options, original, n - 1, c);
            votes[c]--;
            if (changed) {
                return true;
            }
        }
        return false;
    }

    private static void permutations(List<Integer> prefix, int k, List<Ballot> out) {
        if (!prefix.isEmpty()) {
            out.add(Ballot.ranking(1, prefix.stream().mapToInt(Integer::intValue).toArray()));
        }
        for (int c = 0; c < k; c++) {
            if (!prefix.contains(c)) {
                prefix.add(c);
                permutations(prefix, k, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private static CountReport count(Rules rules, int k, int seats, List<Ballot> ballots) {
        List<Candidate> cands = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            cands.add(new Candidate("C" + c, ""));
        }
        return rules.count(new Contest("random", cands, new Votes.Papers(ballots)), CountOptions.seats(seats));
    }

    /** Every multiset of up to n added papers: does any change who is elected, or bring in a lot? */
    private static boolean anyAdditionChanges(List<Ballot> base, List<Ballot> types, int n,
                                              Function<List<Ballot>, CountReport> counter, CountReport original) {
        Set<Integer> winners = new HashSet<>(original.elected());
        int[] chosen = new int[n];
        return search(base, types, chosen, 0, 0, counter, winners);
    }

    private static boolean search(List<Ballot> base, List<Ballot> types, int[] chosen, int depth, int from,
                                  Function<List<Ballot>, CountReport> counter, Set<Integer> winners) {
        List<Ballot> papers = new ArrayList<>(base);
        for (int i = 0; i < depth; i++) {
            papers.add(types.get(chosen[i]));
        }
        CountReport r = counter.apply(papers);
        if (!new HashSet<>(r.elected()).equals(winners) || r.ties().stream().anyMatch(t -> t.resolvedBy() == Tie.Resolution.LOT)) {
            return true;
        }
        if (depth == chosen.length) {
            return false;
        }
        for (int t = from; t < types.size(); t++) {
            chosen[depth] = t;
            if (search(base, types, chosen, depth + 1, t, counter, winners)) {
                return true;
            }
        }
        return false;
    }
}
