package org.tallyroom.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tallyroom.count.BallotBox;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Votes;
import org.tallyroom.count.plurality.BlockVote;

/**
 * Block vote over 10,000,000 ballot papers: the count itself (papers already bundled, as every
 * reader delivers them) and the bundling of 10,000,000 markings into a {@link BallotBox}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PluralityBenchmark {
    private static final int CANDIDATES = 12;
    private static final int SEATS = 3;
    private static final int PAPERS = 10_000_000;

    private Contest contest;
    private int[][][] markings;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        markings = new int[PAPERS][][];
        BallotBox box = new BallotBox();
        for (int i = 0; i < PAPERS; i++) {
            int marks = 1 + random.nextInt(SEATS + (random.nextInt(50) == 0 ? 1 : 0));
            int[][] ranks = new int[marks][];
            int first = random.nextInt(CANDIDATES);
            for (int k = 0; k < marks; k++) {
                ranks[k] = new int[] {(first + k * (1 + random.nextInt(2))) % CANDIDATES};
            }
            markings[i] = ranks;
            box.add(ranks, 1);
        }
        List<Candidate> cands = new java.util.ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            cands.add(new Candidate("Candidate " + c, "P" + (c % 4)));
        }
        contest = new Contest("bench", cands, new Votes.Papers(box.ballots()));
    }

    @Benchmark
    public CountReport blockCountTenMillionPapers() {
        return new BlockVote().count(contest, CountOptions.seats(SEATS));
    }

    @Benchmark
    public int bundleTenMillionPapers() {
        BallotBox box = new BallotBox();
        for (int[][] m : markings) {
            box.add(m, 1);
        }
        return box.distinct();
    }
}
