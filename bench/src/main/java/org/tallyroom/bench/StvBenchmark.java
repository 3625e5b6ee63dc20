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
import org.tallyroom.count.stv.MeekStv;
import org.tallyroom.count.stv.ScottishStv;
import org.tallyroom.io.BltReader;
import org.tallyroom.io.InputException;
import org.tallyroom.io.generate.ElectionGenerator;

/**
 * A senate-scale STV election: 5,000,000 papers, 150 candidates, 8 parties, 12 seats, up to 12
 * preferences (as {@code tallyroom generate --ballots 5000000 --candidates 150 --parties 8 --seats 12
 * --ranks 12 --seed 1 senate.blt}): reading the BLT file, and counting it by Scottish STV and by Meek.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class StvBenchmark {
    private Path file;
    private Contest contest;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InputException {
        file = Files.createTempFile("tallyroom-senate", ".blt");
        new ElectionGenerator(new ElectionGenerator.Spec(150, 8, 12, 12, 5_000_000, 1)).writeBlt(file, "Senate");
        contest = BltReader.read(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Contest readFiveMillionBallotBlt() throws InputException {
        return BltReader.read(file);
    }

    @Benchmark
    public CountReport scottishStvCount() {
        return new ScottishStv().count(contest, CountOptions.seats(12));
    }

    @Benchmark
    public CountReport meekStvCount() {
        return new MeekStv().count(contest, CountOptions.seats(12));
    }
}
