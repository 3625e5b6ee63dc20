package org.tallyroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.preferential.AlternativeVote;
import org.tallyroom.io.BallotsCsv;
import org.tallyroom.io.InputException;
import org.tallyroom.io.generate.ElectionGenerator;

/**
 * AV on 1,000,000 ballot papers (14 candidates, up to 5 preferences, the generator's party skew,
 * seed 1 — the same file as {@code tallyroom generate --ballots 1000000 --candidates 14 --ranks 5 --seed 1}):
 * reading the ballots CSV, and the count alone after reading.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PreferentialBenchmark {
    private Path file;
    private Contest contest;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InputException {
        file = Files.createTempFile("tallyroom-av", ".csv");
        new ElectionGenerator(new ElectionGenerator.Spec(14, 7, 1, 5, 1_000_000, 1)).writeBallotsCsv(file);
        contest = BallotsCsv.read(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Contest readOneMillionBallotsCsv() throws InputException {
        return BallotsCsv.read(file);
    }

    @Benchmark
    public CountReport avCountOneMillionBallots() {
        return new AlternativeVote().count(contest, CountOptions.seats(1));
    }
}
