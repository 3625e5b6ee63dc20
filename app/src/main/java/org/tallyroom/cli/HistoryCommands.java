package org.tallyroom.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.io.CsvFile;
import org.tallyroom.store.Source;
import org.tallyroom.store.history.ControlHistory;
import org.tallyroom.store.history.CouncilControlImporter;
import org.tallyroom.store.id.OrganisationId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Councils' history without full results: {@code import council-control} and {@code analyse control}. */
final class HistoryCommands {
    private HistoryCommands() {
    }

    @Command(name = "council-control", mixinStandardHelpOptions = true,
            description = "Import Open Council Data UK council composition files: seats by party and control of each "
                    + "council each year, stored as facts with their source.")
    static final class ImportCouncilControl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "council-composition-*.csv (Windows-1252).")
        List<Path> files;

        @Override
        public Integer call() {
            Source source;
            try {
                source = Source.of(String.join(" + ", files.stream().map(Path::toString).toList()), files);
            } catch (IOException e) {
                spec.commandLine().getErr().println(CsvFile.unreadable(files.get(0).toString(), e).getMessage());
                spec.commandLine().getErr().println("Nothing was imported.");
                return Main.BAD_INPUT;
            }
            return ImportCommand.run(spec, db, quiet.quiet, files.get(0), source, CouncilControlImporter.NAME,
                    ingest -> CouncilControlImporter.load(files, ingest));
        }
    }

    @Command(name = "control", mixinStandardHelpOptions = true,
            description = "A council's control over time, as periods (\"Conservative control 2002-2022\"), with its "
                    + "stored elections and events in them.")
    static final class ControlCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AnalyseCommand.Common common = new AnalyseCommand.Common();

        @Parameters(paramLabel = "ORGANISATION", description = "e.g. local.barnet.")
        String organisation;

        @Option(names = "--years", description = "Every year's composition, not only each period's first.")
        boolean years;

        @Override
        public Integer call() {
            return AnalyseCommand.run(spec, common, (stored, store) -> {
                ControlHistory.Timeline t = ControlHistory.of(store, OrganisationId.parse(organisation));
                return new AnalyseCommand.Output(ControlHistory.text(t, years), t);
            });
        }
    }
}
