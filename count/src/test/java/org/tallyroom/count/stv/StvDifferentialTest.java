package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.MutatedReading;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Stage;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * The fast counts against the slow paper-by-paper BigDecimal references on seeded random
 * elections: small fields and few papers, so that ties, deferrals, batch exclusions, exhausted and
 * rejected papers, papers spoilt in the middle (a skipped number, an equal ranking, a candidate
 * numbered again) and withdrawn candidates all occur often. The references read papers with their
 * own code ({@link org.tallyroom.count.ReferencePaperReading}); a deliberately wrong reading in the
 * counts ({@link MutatedReading}) must be caught.
 */
class StvDifferentialTest {
    private static final int ELECTIONS = 2000;

    @Test
    void northernIreland_matchesReference() {
        int[] features = run(new NorthernIrelandStv(), (c, o) -> new GregoryReferenceCount(true, c, o).count(o), false);
        assertThat(features[0]).as("lot ties").isPositive();
        assertThat(features[1]).as("multi-stage exclusions").isPositive();
    }

    @Test
    void ers97_matchesReference() {
        int[] features = run(new Ers97Stv(), (c, o) -> new GregoryReferenceCount(false, c, o).count(o), false);
        assertThat(features[0]).as("lot ties").isPositive();
    }

    @Test
    void meek_matchesReference() {
        int[] features = run(new MeekStv(), (c, o) -> new MeekReferenceCount(c, o).count(o), true);
        assertThat(features[0]).as("lot ties").isPositive();
    }

    @Test
    void aWrongReadingOfThePapers_isCaughtForNiErs97AndMeek() {
        PreferenceReader wrong = MutatedReading.SKIPS_EMPTY_RANKS;
        assertThat(firstMismatch(new NorthernIrelandStv(wrong), (c, o) -> new GregoryReferenceCount(true, c, o).count(o),
                false, new int[3])).as("stv-ni with an empty rank skipped").isPresent();
        assertThat(firstMismatch(new Ers97Stv(wrong), (c, o) -> new GregoryReferenceCount(false, c, o).count(o),
                false, new int[3])).as("stv-ers97 with an empty rank skipped").isPresent();
        assertThat(firstMismatch(new MeekStv(wrong), (c, o) -> new MeekReferenceCount(c, o).count(o), true,
                new int[3])).as("stv-meek with an empty rank skipped").isPresent();
    }

    private interface Reference {
        CountReport count(Contest contest, CountOptions options);
    }

    /** Returns counts of interesting features seen: lot ties, exclusions over several stages, odd papers. */
    private static int[] run(org.tallyroom.count.Rules fast, Reference slow, boolean notes) {
        int[] seen = new int[3];
        assertThat(firstMismatch(fast, slow, notes, seen)).isEmpty();
        assertThat(seen[2]).as("elections with papers spoilt in the middle").isGreaterThan(ELECTIONS / 4);
        return seen;
    }

    /** The first election on which the count and the reference disagree, described; empty if none. */
    private static Optional<String> firstMismatch(org.tallyroom.count.Rules fast, Reference slow, boolean notes,
                                                  int[] seen) {
        for (int i = 0; i < ELECTIONS; i++) {
            SplittableRandom rnd = new SplittableRandom(1000L + i);
            int n = 3 + rnd.nextInt(5);
            List<Candidate> cands = new ArrayList<>();
            int withdrawn = 0;
            for (int c = 0; c < n; c++) {
                boolean w = n > 3 && withdrawn == 0 && rnd.nextInt(12) == 0;
                withdrawn += w ? 1 : 0;
                cands.add(new Candidate("C" + c, "", w));
            }
            int seats = 1 + rnd.nextInt(Math.min(4, n - withdrawn - 1));
            List<Ballot> ballots = new ArrayList<>();
            int rows = 4 + rnd.nextInt(14);
            boolean odd = false;
            for (int r = 0; r < rows; r++) {
                Ballot b = randomBallot(rnd, n);
                odd |= spoiltInTheMiddle(b);
                ballots.add(b);
            }
            Contest contest = new Contest("random " + i, cands, new Votes.Papers(ballots));
            CountOptions options = CountOptions.seats(seats).withSeed(i);
            CountReport a = fast.count(contest, options);
            CountReport b = slow.count(contest, options);
            if (!canonical(a, notes).equals(canonical(b, notes))) {
                return Optional.of("election " + i + ": " + ballots + "\ncount:\n" + canonical(a, notes)
                        + "\nreference:\n" + canonical(b, notes));
            }
            for (Stage s : a.stages()) {
                assertThat(s.candidateTotal() + s.nonTransferable()).as("balance, election %d stage %d", i, s.number())
                        .isEqualTo(a.ballots().valid() * org.tallyroom.count.Fixed.scale(a.decimals()));
            }
            seen[0] += a.ties().stream().anyMatch(t -> t.resolvedBy() == Tie.Resolution.LOT) ? 1 : 0;
            for (int s = 1; s < a.stages().size(); s++) {
                Stage prev = a.stages().get(s - 1);
                Stage cur = a.stages().get(s);
                if (!prev.subject().isEmpty() && prev.subject().equals(cur.subject()) && cur.excluded().isEmpty()) {
                    seen[1]++;
                }
            }
            seen[2] += odd ? 1 : 0;
        }
        return Optional.empty();
    }

    /**
     * A paper as voters mark them: mostly a ranking of some of the candidates (so papers run out of
     * preferences), sometimes spoilt: no first preference, several first preferences, or a skipped
     * number, an equal ranking or a candidate numbered again in the middle, with preferences after it.
     */
    private static Ballot randomBallot(SplittableRandom rnd, int n) {
        long weight = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 12 : 4);
        int kind = rnd.nextInt(24);
        if (kind == 0) {
            return new Ballot(new int[][] {{}, {0}}, weight);
        }
        if (kind == 1) {
            return new Ballot(new int[][] {{0, 1}, {2}}, weight);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        for (int c = n - 1; c > 0; c--) {
            int j = rnd.nextInt(c + 1);
            Integer t = order.get(c);
            order.set(c, order.get(j));
            order.set(j, t);
        }
        int len = 1 + rnd.nextInt(n);
        int[][] ranks = new int[len][];
        for (int k = 0; k < len; k++) {
            ranks[k] = new int[] {order.get(k)};
        }
        if (len > 2) {
            int middle = 1 + rnd.nextInt(len - 2);
            switch (kind) {
                case 2 -> ranks[middle] = new int[] {order.get(middle), order.get(middle + 1)}; // equal ranking
                case 3, 4 -> ranks[middle] = new int[0];                                       // skipped number
                case 5 -> ranks[middle] = new int[] {order.get(0)};                            // numbered again
                default -> { }
            }
        }
        return new Ballot(ranks, weight);
    }

    private static boolean spoiltInTheMiddle(Ballot b) {
        for (int r = 1; r < b.rankCount() - 1; r++) {
            if (b.atRank(r).length != 1 || b.atRank(r)[0] == b.atRank(0)[0] && b.atRank(0).length == 1) {
                return true;
            }
        }
        return false;
    }

    static String canonical(CountReport r, boolean notes) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.method()).append(' ').append(r.seats()).append(" quota=").append(r.quota())
                .append(" ballots=").append(r.ballots()).append(" elected=").append(r.elected()).append('\n');
        for (Stage s : r.stages()) {
            sb.append(s.number()).append(' ').append(s.kind()).append(' ').append(s.subject()).append(" tv=")
                    .append(s.transferValue()).append(' ').append(java.util.Arrays.toString(s.votes()))
                    .append(" nt=").append(s.nonTransferable()).append(" loss=").append(s.truncationLoss())
                    .append(" el=").append(s.elected()).append(" ex=").append(s.excluded());
            if (notes) {
                sb.append(' ').append(s.note());
            }
            sb.append('\n');
        }
        sb.append(r.ties());
        return sb.toString();
    }
}
