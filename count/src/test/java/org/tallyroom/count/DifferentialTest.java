package org.tallyroom.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.plurality.BlockVote;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.count.preferential.AlternativeVote;
import org.tallyroom.count.preferential.SupplementaryVote;

/**
 * The fast counters against {@link ReferenceCount} on seeded random elections: few candidates and
 * few papers, so equalities, lots, look-backs and exhausted papers are common, plus spoilt papers of
 * every kind (blank, overvoted, skipped numbers, equal rankings, a candidate numbered twice, at the
 * first rank or in the middle of a paper), withdrawn candidates (AV) and papers that run out of
 * preferences. The fast counters see the papers bundled by a {@link BallotBox} and read them with
 * {@link PreferenceReader}; the reference sees each paper and reads it with its own code
 * ({@link ReferencePaperReading}). A deliberately wrong reading ({@link MutatedReading}) must be caught.
 */
class DifferentialTest {
    private static final int ELECTIONS = 10_000;

    private record Election(long seed, List<Candidate> candidates, List<int[][]> papers, CountOptions options) {
        Contest contest() {
            BallotBox box = new BallotBox();
            for (int[][] p : papers) {
                int[][] copy = new int[p.length][];
                for (int r = 0; r < p.length; r++) {
                    copy[r] = p[r].clone();
                }
                box.add(copy, 1);
            }
            return new Contest("", candidates, new Votes.Papers(box.ballots()));
        }

        @Override
        public String toString() {
            return "election seed " + seed + ", " + candidates.size() + " candidates, options " + options + ", papers "
                    + papers.stream().map(Arrays::deepToString).collect(Collectors.joining(" "));
        }
    }

    /** Counts of what the generated elections exercised, so a vacuous generator fails the test. */
    private static final class Coverage {
        int ties;
        int lots;
        int earlierStage;
        int rejected;
        int stagesBeyondOne;
        int stagesBeyondTwo;
        int bundled;
        int spoiltInTheMiddle;
    }

    @Test
    void fptpMatchesTheReference() {
        Coverage cov = run("fptp", new Fptp(), 1,
                e -> ReferenceCount.plurality("fptp", e.candidates, e.papers, 1, e.options));
        assertThat(cov.lots).isGreaterThan(ELECTIONS / 20);
        assertThat(cov.rejected).isGreaterThan(ELECTIONS / 2);
    }

    @Test
    void blockVoteMatchesTheReference() {
        Coverage cov = run("block", new BlockVote(), 0, e -> ReferenceCount.plurality("block", e.candidates, e.papers,
                e.options.seats(), e.options));
        assertThat(cov.lots).isGreaterThan(ELECTIONS / 20);
        assertThat(cov.rejected).isGreaterThan(ELECTIONS / 2);
    }

    @Test
    void supplementaryVoteMatchesTheReference() {
        Coverage cov = run("sv", new SupplementaryVote(), 1,
                e -> ReferenceCount.supplementary(e.candidates, e.papers, e.options));
        assertThat(cov.lots).isGreaterThan(ELECTIONS / 20);
        assertThat(cov.rejected).isGreaterThan(ELECTIONS / 3);
        assertThat(cov.bundled).isGreaterThan(ELECTIONS / 3);
        assertThat(cov.stagesBeyondOne).isGreaterThan(ELECTIONS / 5);
        assertThat(cov.spoiltInTheMiddle).isGreaterThan(ELECTIONS / 10);
    }

    @Test
    void alternativeVoteMatchesTheReference() {
        Coverage cov = run("av", new AlternativeVote(), 1,
                e -> ReferenceCount.alternative(e.candidates, e.papers, e.options));
        assertThat(cov.lots).isGreaterThan(ELECTIONS / 20);
        assertThat(cov.earlierStage).isGreaterThan(ELECTIONS / 50);
        assertThat(cov.stagesBeyondTwo).isGreaterThan(ELECTIONS / 10);
        assertThat(cov.spoiltInTheMiddle).isGreaterThan(ELECTIONS / 10);
    }

    private interface Reference {
        CountReport count(Election e);
    }

    @Test
    void aWrongReadingOfThePapers_isCaughtForAvAndSv() {
        assertThat(firstMismatch("av", new AlternativeVote(MutatedReading.SKIPS_EMPTY_RANKS), 1,
                e -> ReferenceCount.alternative(e.candidates, e.papers, e.options), new Coverage()))
                .as("av counted with an empty rank skipped instead of ending the paper").isPresent();
        assertThat(firstMismatch("sv", new SupplementaryVote(MutatedReading.SKIPS_EMPTY_RANKS), 1,
                e -> ReferenceCount.supplementary(e.candidates, e.papers, e.options), new Coverage()))
                .as("sv counted with an empty rank skipped instead of ending the paper").isPresent();
    }

    /** seats 0 means "choose 1 to 3 seats". */
    private static Coverage run(String method, Rules rules, int seats, Reference reference) {
        Coverage cov = new Coverage();
        assertThat(firstMismatch(method, rules, seats, reference, cov)).isEmpty();
        return cov;
    }

    /** The first generated election on which the count and the reference disagree, described; empty if none. */
    private static Optional<String> firstMismatch(String method, Rules rules, int seats, Reference reference,
                                                  Coverage cov) {
        SplittableRandom master = new SplittableRandom(method.hashCode());
        for (int i = 0; i < ELECTIONS; i++) {
            Election e = generate(master.nextLong(), method, seats);
            Contest contest = e.contest();
            CountReport fast = rules.count(contest, e.options);
            CountReport slow = reference.count(e);
            if (!describe(fast).equals(describe(slow))) {
                return Optional.of(method + ": " + e + "\ncount:\n" + describe(fast) + "reference:\n" + describe(slow));
            }
            cov.ties += fast.ties().isEmpty() ? 0 : 1;
            cov.lots += fast.ties().stream().anyMatch(t -> t.resolvedBy() == Tie.Resolution.LOT) ? 1 : 0;
            cov.earlierStage += fast.ties().stream().anyMatch(t -> t.resolvedBy() == Tie.Resolution.EARLIER_STAGE)
                    ? 1 : 0;
            cov.rejected += fast.ballots().rejected() > 0 ? 1 : 0;
            cov.stagesBeyondOne += fast.stages().size() > 1 ? 1 : 0;
            cov.stagesBeyondTwo += fast.stages().size() > 2 ? 1 : 0;
            cov.bundled += fast.ballots().distinct() < fast.ballots().valid() ? 1 : 0;
            cov.spoiltInTheMiddle += e.papers.stream().anyMatch(DifferentialTest::spoiltInTheMiddle) ? 1 : 0;
        }
        return Optional.empty();
    }

    /** A gap, an equal ranking or a repeated candidate with a preference after it. */
    private static boolean spoiltInTheMiddle(int[][] paper) {
        for (int r = 1; r < paper.length - 1; r++) {
            boolean repeated = false;
            for (int q = 0; q < r && paper[r].length == 1; q++) {
                repeated |= paper[q].length == 1 && paper[q][0] == paper[r][0];
            }
            if (paper[r].length != 1 || repeated) {
                return true;
            }
        }
        return false;
    }

    private static Election generate(long seed, String method, int fixedSeats) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 8 : 5);
        int seats = fixedSeats > 0 ? fixedSeats : 1 + rnd.nextInt(Math.min(3, n));
        List<Candidate> cands = new ArrayList<>();
        boolean anyStanding = false;
        for (int c = 0; c < n; c++) {
            boolean withdrawn = method.equals("av") && n > 1 && rnd.nextInt(10) == 0;
            anyStanding |= !withdrawn;
            cands.add(new Candidate(String.valueOf((char) ('A' + c)), "", withdrawn));
        }
        if (!anyStanding) {
            cands.set(0, new Candidate("A", "", false));
        }
        // A few distinct markings repeated, so papers bundle and totals tie often.
        int kinds = 1 + rnd.nextInt(8);
        List<int[][]> pool = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            pool.add(marking(rnd, n, method));
        }
        int count = rnd.nextInt(rnd.nextInt(5) == 0 ? 60 : 20);
        List<int[][]> papers = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            papers.add(rnd.nextInt(3) == 0 ? marking(rnd, n, method) : pool.get(rnd.nextInt(kinds)));
        }
        CountOptions options = CountOptions.seats(seats).withSeed(rnd.nextLong());
        if (rnd.nextInt(4) == 0) {
            List<String> drawn = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (rnd.nextBoolean()) {
                    drawn.add(cands.get(c).name());
                }
            }
            java.util.Collections.shuffle(drawn, new java.util.Random(rnd.nextLong()));
            options = options.withLot(drawn);
        }
        return new Election(seed, cands, papers, options);
    }

    /** One paper as marked: mostly a plain ranking, sometimes spoilt in one of the ways voters spoil them. */
    private static int[][] marking(SplittableRandom rnd, int n, String method) {
        int roll = rnd.nextInt(20);
        if (roll == 0) {
            return new int[0][];
        }
        boolean plurality = method.equals("fptp") || method.equals("block");
        int length = plurality ? 1 + rnd.nextInt(Math.min(n, 4)) : 1 + rnd.nextInt(n);
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        java.util.Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
        int[][] ranks = new int[length][];
        for (int r = 0; r < length; r++) {
            ranks[r] = new int[] {order.get(r)};
        }
        if (roll == 1) {
            ranks[rnd.nextInt(length)] = new int[0];                              // a skipped number
        } else if (roll == 2 && n > 1) {
            int r = rnd.nextInt(length);
            ranks[r] = new int[] {Math.min(ranks[r][0], order.get((r + 1) % n)), Math.max(ranks[r][0],
                    order.get((r + 1) % n))};                                      // an equal ranking
            if (ranks[r][0] == ranks[r][1]) {
                ranks[r] = new int[] {ranks[r][0]};
            }
        } else if (roll == 3 && length > 1) {
            ranks[1 + rnd.nextInt(length - 1)] = new int[] {ranks[0][0]};         // a candidate numbered twice
        } else if (roll == 4 && plurality) {
            ranks = new int[][] {java.util.stream.IntStream.range(0, n).toArray()}; // every box crossed
        }
        return ranks;
    }

    /** Everything a report says that the two counters must agree on. */
    static String describe(CountReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("elected ").append(r.elected()).append('\n');
        sb.append("valid ").append(r.ballots().valid()).append(" rejected ").append(r.ballots().rejected())
                .append(' ').append(r.ballots().byReason()).append(" distinct ").append(r.ballots().distinct())
                .append('\n');
        for (Stage s : r.stages()) {
            sb.append("stage ").append(s.number()).append(' ').append(s.kind()).append(" subject ").append(s.subject())
                    .append(" votes ").append(Arrays.toString(s.votes())).append(" nt ").append(s.nonTransferable())
                    .append(" elected ").append(s.elected()).append(" excluded ").append(s.excluded()).append('\n');
        }
        for (Tie t : r.ties()) {
            sb.append("tie at ").append(t.stage()).append(' ').append(t.between()).append(' ')
                    .append(t.resolvedBy()).append(" -> ").append(t.chosen()).append('\n');
        }
        return sb.toString();
    }
}
