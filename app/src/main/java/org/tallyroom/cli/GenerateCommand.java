package org.tallyroom.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tallyroom.io.generate.ElectionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tallyroom generate}: a seeded synthetic election, for benchmarks and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic election (realistic party skew) from a seed: the same seed, the same file.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--candidates", defaultValue = "14", description = "Candidates (default ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--parties", description = "Parties the candidates stand for (default: candidates/2, at most 8).")
    Integer parties;

    @Option(names = "--seats", defaultValue = "1", description = "Seats (written into BLT files; default ${DEFAULT-VALUE}).")
    int seats;

    @Option(names = "--ranks", defaultValue = "5", description = "Most preferences on a paper (default ${DEFAULT-VALUE}).")
    int ranks;

    @Option(names = "--ballots", defaultValue = "1000000", description = "Ballot papers (default ${DEFAULT-VALUE}).")
    long ballots;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "", description = "ballots (CSV) or blt (default: from the file name).")
    String format;

    @Parameters(paramLabel = "FILE", description = "File to write (.csv or .blt).")
    Path file;

    @picocli.CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @Override
    public Integer call() throws Exception {
        String kind = format.isEmpty()
                ? (file.toString().toLowerCase(Locale.ROOT).endsWith(".blt") ? "blt" : "ballots") : format;
        ElectionGenerator.Spec s;
        try {
            s = new ElectionGenerator.Spec(candidates, parties != null ? parties : Math.max(1, Math.min(8, candidates / 2)),
                    seats, ranks, ballots, seed);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tallyroom generate: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (!kind.equals("blt") && !kind.equals("ballots")) {
            spec.commandLine().getErr().println("tallyroom generate: --format must be ballots or blt, was " + kind);
            return Main.BAD_INPUT;
        }
        ElectionGenerator g = new ElectionGenerator(s);
        // Under about 200,000 papers the file is written before a bar would be worth drawing.
        boolean quick = ballots < 200_000;
        try (Progress progress = Progress.start(spec, quiet.quiet || quick, "Generating", ballots, "ballots")) {
            if (kind.equals("blt")) {
                g.writeBlt(file, "Generated election, seed " + seed, progress::stepTo);
            } else {
                g.writeBallotsCsv(file, progress::stepTo);
            }
        }
        spec.commandLine().getErr().printf("wrote %,d ballots, %d candidates to %s%n", ballots, candidates, file);
        return 0;
    }
}
