package org.tallyroom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tallyroom.store.notional.NotionalResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Notional results: {@code import hoc-notional}. */
final class NotionalCommands {
    private NotionalCommands() {
    }

    @Command(name = "hoc-notional", mixinStandardHelpOptions = true,
            description = "Import the House of Commons Library's notional results (a general election recast on later "
                    + "boundaries, e.g. ge2019-notional-2024-boundaries-by-candidate.csv), stored as notional results, "
                    + "never as an election; 'analyse national' compares against them.")
    static final class ImportHocNotional implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", description = "The Library's notional results CSV (one row per party per constituency).")
        Path file;

        @Override
        public Integer call() {
            return ImportCommand.run(spec, db, quiet.quiet, file, NotionalResults.NAME, ingest -> NotionalResults.load(file, ingest));
        }
    }
}
