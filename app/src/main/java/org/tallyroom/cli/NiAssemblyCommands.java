package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.ni.NiSheetCheck;
import org.tallyroom.io.ni.NiSheetReport;
import org.tallyroom.store.Source;
import org.tallyroom.store.ni.NiAssemblyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tallyroom import ni-assembly} and {@code tallyroom check ni-sheets}: the NI Assembly count sheets. */
final class NiAssemblyCommands {
    private NiAssemblyCommands() {
    }

    @Command(name = "ni-assembly", mixinStandardHelpOptions = true,
            description = "Import NI Assembly count sheets (ElectionsNI layout) as declared STV results with their stages: "
                    + "one ballot per constituency, nia.<constituency>.<date>.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "The ni-assembly folder, a year's folder "
                + "(with contest.csv) or a constituency's folder (with Count.csv); several may be given.")
        List<Path> dirs;

        @Override
        public Integer call() {
            Source source;
            try {
                source = NiAssemblyImporter.source(dirs);
            } catch (InputException e) {
                spec.commandLine().getErr().println(e.getMessage());
                spec.commandLine().getErr().println("Nothing was imported.");
                return Main.BAD_INPUT;
            } catch (IOException e) {
                spec.commandLine().getErr().println(CsvFile.unreadable(dirs.get(0).toString(), e).getMessage());
                spec.commandLine().getErr().println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            return ImportCommand.run(spec, db, quiet.quiet, dirs.get(0), source, NiAssemblyImporter.NAME,
                    ingest -> NiAssemblyImporter.load(dirs, ingest));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check published results without storing them.",
            subcommands = {CheckNiSheets.class})
    static final class Check {
    }

    @Command(name = "ni-sheets", mixinStandardHelpOptions = true,
            description = "Check NI Assembly count sheets against the NI STV rules: per election, how many sheets add up "
                    + "and which do not, with each finding's file and line.")
    static final class CheckNiSheets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--statuses", description = "Also list statuses recorded at another count than the figures give.")
        boolean statuses;

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "The ni-assembly folder, a year's folder or a "
                + "constituency's folder.")
        List<Path> dirs;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<NiSheetCheck.Result> results;
            try {
                results = NiAssemblyImporter.check(dirs);
            } catch (InputException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return Main.BAD_INPUT;
            }
            out.print(NiSheetReport.text(results, statuses));
            out.flush();
            return 0;
        }
    }
}
