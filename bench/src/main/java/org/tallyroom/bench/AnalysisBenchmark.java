package org.tallyroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import org.openjdk.jmh.infra.Blackhole;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.projection.Projection;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.projection.SwingModel;
import org.tallyroom.io.uk.ConstituencyDeclaration;
import org.tallyroom.io.uk.ConstituencyResult;
import org.tallyroom.io.uk.GeneralElectionCsv;
import org.tallyroom.io.uk.ParliamentaryCandidate;

/**
 * A whole general election's morning-after analysis, after loading: the 2019 and 2017 results
 * (650 seats each) read once in setup; measured, every seat's summary and change against 2017, the
 * national comparison with seats changing hands, Labour's target list and all-seat marginals, and
 * uniform and proportional projections. Target: well under 200 ms. Reads ../shared/data (or
 * -Dtallyroom.shared=DIR).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {
    private Election ge2019;
    private Election ge2017;
    private final ShareChanges changes = ShareChanges.parse("con:-4,lab:+3,ld:+1");

    @Setup
    public void setUp() throws Exception {
        Path dir = shared().resolve("data/uk/westminster");
        ge2019 = read(dir, 2019);
        ge2017 = read(dir, 2017);
    }

    @Benchmark
    public void wholeGeneralElection(Blackhole bh) {
        Map<String, ContestResult> before = new HashMap<>();
        ge2017.contests().forEach(c -> before.put(c.divisionId(), c));
        for (ContestResult c : ge2019.contests()) {
            bh.consume(ContestAnalysis.summarise(c));
            ContestResult then = before.get(c.divisionId());
            if (then != null) {
                bh.consume(ContestAnalysis.compare(c, then).swing("Con", "Lab"));
            }
        }
        bh.consume(National.compare(ge2019, ge2017));
        bh.consume(Marginals.bySeat(ge2019));
        bh.consume(Marginals.targets(ge2019, "Lab"));
        bh.consume(Projection.project(ge2019, SwingModel.UNIFORM, changes));
        bh.consume(Projection.project(ge2019, SwingModel.PROPORTIONAL, changes));
    }

    private static Election read(Path dir, int year) throws Exception {
        Map<String, ConstituencyDeclaration> polls = new HashMap<>();
        for (ConstituencyDeclaration d : GeneralElectionCsv.readByConstituency(
                dir.resolve("ge" + year + "-results-by-constituency.csv"))) {
            polls.put(d.constituency().onsId(), d);
        }
        List<ContestResult> seats = new ArrayList<>();
        for (ConstituencyResult r : GeneralElectionCsv.readByCandidate(
                dir.resolve("ge" + year + "-results-by-candidate.csv"))) {
            List<CandidateVotes> cands = new ArrayList<>();
            for (ParliamentaryCandidate c : r.candidates()) {
                String party = c.party().abbreviation().isEmpty() ? c.party().name() : c.party().abbreviation();
                cands.add(new CandidateVotes(c.name(), party, c.votes()));
            }
            ConstituencyDeclaration d = polls.get(r.constituency().onsId());
            seats.add(new ContestResult(r.constituency().onsId(), r.constituency().name(), 1, cands,
                    OptionalLong.of(d.electorate()), OptionalLong.empty(), OptionalLong.of(d.invalidVotes())));
        }
        return new Election("General election " + year, seats);
    }

    private static Path shared() {
        String prop = System.getProperty("tallyroom.shared");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (Files.isDirectory(c.resolve("data"))) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("needs ../shared/data (or -Dtallyroom.shared=DIR)");
    }
}
