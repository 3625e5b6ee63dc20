package org.tallyroom.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tallyroom.store.Source;
import org.tallyroom.store.notional.CouncilNotional;
import org.tallyroom.store.notional.NotionalResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Notional results: {@code import hoc-notional} (general elections) and {@code import notional} (councils). */
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

    @Command(name = "notional", mixinStandardHelpOptions = true,
            description = "Import a council's notional results (an earlier council election recast on new wards, as "
                    + "Rallings and Thrasher or a council publish them): CSV ward_gss, ward_name, seats, party, notional_seats "
                    + "and/or notional_votes. Stored as notional results, never as an election; 'analyse council' and the "
                    + "council page compare the election on the new wards against them.")
    static final class ImportCouncilNotional implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        QuietOption quiet = new QuietOption();

        @Parameters(paramLabel = "FILE", description = "The notional results CSV (one row per party per new ward).")
        Path file;

        @Option(names = "--election", required = true, paramLabel = "ELECTION_ID",
                description = "The council election recast, e.g. local.barnet.2018-05-03.")
        String election;

        @Option(names = "--boundaries", required = true, paramLabel = "DATE",
                description = "The date the new wards came in (the first election on them), e.g. 2022-05-05.")
        LocalDate boundaries;

        @Override
        public Integer call() {
            ImportCommand.Job plain = ImportCommand.Job.of(file, CouncilNotional.NAME, null);
            if (plain.source() == null) {
                return ImportCommand.run(spec, db, quiet.quiet, java.util.List.of(plain));
            }
            // One file may recast an election on one set of wards: the same bytes for another election or
            // other boundaries are another import.
            Source source = Source.of(plain.source().name(), (plain.source().sha256() + "\n" + election + "\n" + boundaries)
                    .getBytes(StandardCharsets.UTF_8));
            return ImportCommand.run(spec, db, quiet.quiet, file, source, CouncilNotional.NAME,
                    ingest -> CouncilNotional.load(file, election, boundaries, ingest));
        }
    }
}
