package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Rules;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.ContestReader;
import org.tallyroom.io.InputException;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.nist.NistCdfReader;
import org.tallyroom.store.ynr.YnrCsvImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tallyroom import}: reads a file into the store, in one transaction. Importing the same file
 * again with the same importer changes nothing; an error anywhere stores nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import results into the store (one transaction per file; re-importing a file changes nothing). "
                + "Most importers take several files: one process, the store opened once.",
        subcommands = {ImportCommand.Ballots.class, ImportCommand.Ynr.class, ImportCommand.NistCdf.class,
                ImportUkCommands.HocCandidates.class, ImportUkCommands.LondonBorough.class, ImportUkCommands.London2016Dir.class,
                NiAssemblyCommands.Import.class, HistoryCommands.ImportCouncilControl.class,
                NotionalCommands.ImportHocNotional.class, NotionalCommands.ImportCouncilNotional.class,
                SelectionCommand.Import.class, ImportUkCommands.UkFolder.class})
final class ImportCommand {

    /**
     * One file's import: the name it is reported by, its bytes (or why they could not be read), the
     * importer's name and the work, which runs in its own transaction.
     */
    record Job(Path file, Source source, String unreadable, String importer, Store.Work<Exception> work) {
        /** A job reading {@code file} alone. */
        static Job of(Path file, String importer, Store.Work<Exception> work) {
            try {
                return new Job(file, Source.of(file), null, importer, work);
            } catch (IOException e) {
                return new Job(file, null, CsvFile.unreadable(file.toString(), e).getMessage(), importer, work);
            }
        }

        /** A job the store's UK data layout made. */
        static Job of(org.tallyroom.store.uk.UkDataFolder.Job j) {
            return new Job(j.file(), j.source(), j.unreadable(), j.importer(), j.work());
        }
    }

    /** Runs one import, printing the outcome or the error; returns the exit code. */
    static int run(CommandSpec spec, DbOption db, boolean quiet, Path file, String importer, Store.Work<Exception> work) {
        return run(spec, db, quiet, List.of(Job.of(file, importer, work)));
    }

    /** Runs one import of {@code source} (which may be several files), printing the outcome and notes or the error. */
    static int run(CommandSpec spec, DbOption db, boolean quiet, Path file, Source source, String importer,
                   Store.Work<Exception> work) {
        return run(spec, db, quiet, List.of(new Job(file, source, null, importer, work)));
    }

    /**
     * Runs the imports in one process with the store opened once, each in its own transaction: a file
     * that fails imports nothing, and the others are still imported. Exit code 0 if all were imported.
     */
    static int run(CommandSpec spec, DbOption db, boolean quiet, List<Job> jobs) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean several = jobs.size() > 1;
        int failed = 0;
        Store store;
        try {
            store = db.open();
        } catch (StoreException e) {
            // The store, not a file, is at fault: no file name in front of what was wrong with it.
            err.println("The store: " + e.getMessage());
            err.println("Nothing was imported.");
            return Main.BAD_INPUT;
        }
        try (store; Progress progress = Progress.start(spec, quiet, "Importing", several ? jobs.size() : 0, several ? "files" : null)) {
            for (Job job : jobs) {
                progress.message(String.valueOf(job.file().getFileName()));
                String error = job.unreadable() != null ? job.unreadable() : importOne(store, job, out);
                if (error != null) {
                    failed++;
                    err.println(error);
                    err.println(several ? "Nothing was imported from " + job.file() + "." : "Nothing was imported.");
                }
                progress.step();
            }
        }
        if (several) {
            out.printf("%d of %d files imported.%n", jobs.size() - failed, jobs.size());
            out.flush();
        }
        return failed == 0 ? 0 : Main.BAD_INPUT;
    }

    /** One import in its own transaction: null when done (the outcome printed), else the error message. */
    private static String importOne(Store store, Job job, PrintWriter out) {
        Path file = job.file();
        try {
            ImportOutcome o = store.importSource(job.source(), job.importer(), System.getProperty("user.name", "tallyroom"), job.work());
            out.println(o.describe(file.toString()));
            o.notes().forEach(n -> out.println("Note: " + n));
            out.flush();
            return null;
        } catch (Exception e) {
            return switch (e) {
                case InputException x -> x.getMessage();
                case CountException x -> file + ": cannot count: " + x.getMessage();
                case StoreException x -> file + ": " + x.getMessage();
                case IllegalArgumentException x -> file + ": " + x.getMessage();
                default -> file + ": " + e;
            };
        }
    }

    @Command(name = "ballots", mixinStandardHelpOptions = true,
            description = "Count a BLT, ballots CSV or tallies file by a method and store the candidates, result and count report.")
    static final class Ballots implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--method", required = true, paramLabel = "METHOD", description = "Counting method: ${COMPLETION-CANDIDATES}.",
                completionCandidates = CountCommand.MethodIds.class)
        String method;

        @Option(names = "--ballot-id", required = true, paramLabel = "ID",
                description = "Democracy Club ballot id, e.g. local.barnet.whetstone.2022-05-05.")
        String ballotId;

        @Option(names = "--seats", paramLabel = "N", description = "Seats to fill (default: the input's, or 1).")
        Integer seats;

        @Option(names = "--seed", paramLabel = "N", description = "Seed for any lot the count must draw (recorded).")
        Long seed;

        @Option(names = "--status", defaultValue = "declared", paramLabel = "STATUS",
                description = "provisional or declared (default ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--input", paramLabel = "KIND", description = "tallies, sv-tallies, ballots or blt (default: from the file).")
        String inputKind;

        @Parameters(paramLabel = "FILE", description = "The ballots or tallies.")
        Path file;

        @Mixin
        QuietOption quiet = new QuietOption();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Rules rules = Methods.byId(method).orElse(null);
            if (rules == null) {
                err.println("tallyroom import ballots: unknown method '" + method + "'; expected one of " + String.join(", ", Methods.ids()));
                return Main.BAD_INPUT;
            }
            ElectionId id;
            ResultStatus st;
            try {
                id = ElectionId.parse(ballotId);
                if (!id.isBallot()) {
                    throw new IllegalArgumentException(ballotId + " is an election id; give a ballot id");
                }
                st = ResultStatus.parse(status);
                if (st == ResultStatus.CORRECTED) {
                    throw new IllegalArgumentException("--status must be provisional or declared; a correction follows from different figures");
                }
            } catch (IllegalArgumentException e) {
                err.println("tallyroom import ballots: " + e.getMessage());
                return Main.BAD_INPUT;
            }
            String importer = "ballots " + method + " " + id + (seats == null ? "" : " seats=" + seats)
                    + (seed == null ? "" : " seed=" + seed) + " " + st.id();
            return run(spec, db, quiet.quiet, List.of(Job.of(file, importer, ingest -> {
                Contest contest = inputKind == null ? ContestReader.read(file) : ContestReader.read(file, ContestReader.Kind.parse(inputKind));
                CountOptions options = new CountOptions(seats == null ? 0 : seats, null,
                        seed == null ? CountCommand.defaultSeed(contest) : seed, java.util.List.of(), java.util.Map.of(), false);
                CountReport report = rules.count(contest, options);
                BallotSpec spec = new BallotSpec(id, null, null, null, null, null, null, report.seats(), method, false);
                Declaration d = CountedResult.declaration(spec, report, st);
                ingest.declare(d);
            })));
        }
    }

    @Command(name = "ynr", mixinStandardHelpOptions = true,
            description = "Import a Democracy Club YourNextRepresentative CSV export (candidates, and results where present).")
    static final class Ynr implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The YNR CSV exports, each imported in its own transaction.")
        List<Path> files;

        @Override
        public Integer call() {
            return run(spec, db, quiet.quiet, files.stream()
                    .map(f -> Job.of(f, YnrCsvImporter.NAME, ingest -> YnrCsvImporter.load(f, ingest))).toList());
        }
    }

    @Command(name = "nist-cdf", mixinStandardHelpOptions = true,
            description = "Import a NIST SP 1500-100 v2 election results report (JSON) whose contests carry Democracy Club ballot ids.")
    static final class NistCdf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The NIST results JSON files, each imported in its own transaction.")
        List<Path> files;

        @Override
        public Integer call() {
            return run(spec, db, quiet.quiet, files.stream()
                    .map(f -> Job.of(f, NistCdfReader.NAME, ingest -> NistCdfReader.load(f, ingest))).toList());
        }
    }
}
