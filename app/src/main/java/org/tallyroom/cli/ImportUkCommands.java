package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Source;
import org.tallyroom.store.uk.London2016Importer;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.store.uk.UkDataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The importers of published UK results files: {@code tallyroom import hoc-candidates|london-borough|london-2016}. */
final class ImportUkCommands {
    private ImportUkCommands() {
    }

    @Command(name = "hoc-candidates", mixinStandardHelpOptions = true,
            description = "Import a House of Commons Library general election file by candidate (2017 or 2019 layout): "
                    + "one ballot per constituency, counted by first past the post.")
    static final class HocCandidates implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--constituencies", paramLabel = "FILE",
                description = "The by-constituency file: electorate, valid and rejected papers. With several FILEs, "
                        + "give it once per FILE, in the same order.")
        List<Path> constituencies = List.of();

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "Polling day (default: from the file name, ge2017 = 2017-06-08, ge2019 = 2019-12-12).")
        LocalDate date;

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The by-candidate files, each imported in its own transaction.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!constituencies.isEmpty() && constituencies.size() != files.size()) {
                err.println("tallyroom import hoc-candidates: give --constituencies once per FILE (" + files.size()
                        + " files, " + constituencies.size() + " --constituencies)");
                return Main.BAD_INPUT;
            }
            List<ImportCommand.Job> jobs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                jobs.add(ImportCommand.Job.of(UkDataFolder.hocCandidates(files.get(i),
                        constituencies.isEmpty() ? null : constituencies.get(i), date)));
            }
            return ImportCommand.run(spec, db, quiet.quiet, jobs);
        }
    }

    @Command(name = "london-borough", mixinStandardHelpOptions = true,
            description = "Import London borough election results (2018 or 2022 layout): one ballot per ward, counted "
                    + "by block vote (first past the post for one seat), parties normalised through the party-name lookup.")
    static final class LondonBorough implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--wards", paramLabel = "FILE",
                description = "2022 layout: the wards file (seats, electorate, rejected papers); default: the candidates "
                        + "file's name with 'wards' for 'candidates', beside it.")
        Path wards;

        @Option(names = "--party-lookup", paramLabel = "FILE",
                description = "The party-name lookup (ward_party_name,official_party_name,party_code); default: "
                        + "party-name-lookup.csv beside the candidates file, if there is one.")
        Path partyLookup;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "Polling day (default: the 2022 file's election_date; for 2018 from the file name's year).")
        LocalDate date;

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "CANDIDATES", arity = "1..*",
                description = "The candidates files, each imported in its own transaction.")
        List<Path> files;

        @Override
        public Integer call() {
            if (files.size() > 1 && wards != null) {
                spec.commandLine().getErr().println("tallyroom import london-borough: --wards names the wards file of one "
                        + "CANDIDATES file; with several, each finds its own beside it");
                return Main.BAD_INPUT;
            }
            return ImportCommand.run(spec, db, quiet.quiet, files.stream().map(this::job).toList());
        }

        private ImportCommand.Job job(Path file) {
            Path lookup = partyLookup != null ? partyLookup
                    : LondonBoroughImporter.beside(file, "party-name-lookup.csv").orElse(null);
            Path wardsFile = wards;
            try {
                if (wardsFile == null && Files.isRegularFile(file)
                        && LondonBoroughImporter.layout(file) == LondonBoroughImporter.Layout.Y2022) {
                    wardsFile = LondonBoroughImporter.defaultWards(file).orElse(null);
                }
            } catch (InputException e) {
                return new ImportCommand.Job(file, null, e.getMessage(), null, null);
            }
            return ImportCommand.Job.of(UkDataFolder.londonBorough(file, wardsFile, lookup, date));
        }
    }

    @Command(name = "london-2016", mixinStandardHelpOptions = true,
            description = "Import the 2016 GLA elections from the ward-level files in DIR: mayor (first preferences), "
                    + "14 Assembly constituencies (fptp) and the London-wide list (ams), with figures by ward.")
    static final class London2016Dir implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "DIR", description = "The folder with london-member.csv, london-mayor-*.csv, "
                + "constituency-member-*.csv and gss-codes.csv.")
        Path dir;

        @Override
        public Integer call() {
            Source source;
            try {
                source = London2016Importer.source(dir);
            } catch (IOException e) {
                spec.commandLine().getErr().println(CsvFile.unreadable(dir.toString(), e).getMessage());
                spec.commandLine().getErr().println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            return ImportCommand.run(spec, db, quiet.quiet, List.of(new ImportCommand.Job(dir, source, null,
                    London2016Importer.NAME, ingest -> London2016Importer.load(dir, ingest))));
        }
    }

    @Command(name = "uk", mixinStandardHelpOptions = true,
            description = "Import every file of the UK data layout found in DIR, each in its own transaction and as its own "
                    + "import command would: general elections (with their constituency files) by year, notional "
                    + "results, London boroughs by year, the 2016 GLA folder, council control, the NI Assembly sheets. "
                    + "Files it does not know are listed and left alone.")
    static final class UkFolder implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "DIR", description = "The data folder (with uk/ and stv/ni-assembly/) or its uk/ folder.")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println(new InputException(dir.toString(), 0, 0, UkDataFolder.EXPECTED,
                        Files.exists(dir) ? "a file" : "no such folder").getMessage());
                err.println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            UkDataFolder.Plan plan;
            try {
                plan = UkDataFolder.plan(dir);
            } catch (IOException e) {
                err.println(CsvFile.unreadable(dir.toString(), e).getMessage());
                err.println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            plan.skipped().forEach(s -> out.println("Skipped " + s.path() + ": " + s.why() + "."));
            out.flush();
            if (plan.jobs().isEmpty()) {
                err.println(new InputException(dir.toString(), 0, 0, UkDataFolder.EXPECTED,
                        "no file Tallyroom imports").getMessage());
                err.println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            return ImportCommand.run(spec, db, quiet.quiet, plan.jobs().stream().map(ImportCommand.Job::of).toList());
        }
    }
}
