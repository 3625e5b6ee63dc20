package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
    @Test
    void helpListsEverySubcommandWithItsDescription() {
        Cli r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        for (Class<?> type : Main.SUBCOMMANDS) {
            Command c = type.getAnnotation(Command.class);
            assertThat(r.out()).contains("  " + c.name());
            String[] words = (c.header().length > 0 ? c.header() : c.description())[0].split(" ");
            String firstWords = words[0] + " " + words[1];
            assertThat(r.out()).contains(firstWords);
        }
        assertThat(r.out()).contains("Usage: tallyroom [-hV] [COMMAND]", "analyse, analyze");
    }

    @Test
    void onlyTheSubcommandRunIsBuiltInFull() {
        CommandLine cl = Main.commandLine("count", "--method", "fptp", "x.csv");
        assertThat(cl.getSubcommands().get("count").getCommandSpec().findOption("--method")).isNotNull();
        assertThat(cl.getSubcommands().get("import").getCommandSpec().subcommands()).isEmpty();
        CommandLine viaHelp = Main.commandLine("help", "import");
        assertThat(viaHelp.getSubcommands().get("import").getCommandSpec().subcommands()).containsKey("ynr");
        CommandLine alias = Main.commandLine("analyze", "contest", "x");
        assertThat(alias.getSubcommands().get("analyse").getCommandSpec().subcommands()).containsKey("contest");
    }

    @Test
    void helpForASubcommandShowsItsOptions() {
        Cli r = Cli.run("help", "count");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--method", "--seats");
        assertThat(Cli.run("import", "--help").out()).contains("hoc-candidates", "london-borough");
    }

    @Test
    void aMistypedSubcommandIsBadUsage() {
        Cli r = Cli.run("cuont", "x.csv");
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        Cli nested = Cli.run("analyse", "contest", "--nonsense", "x");
        assertThat(nested.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(nested.err()).contains("Run 'tallyroom analyse contest --help' for the options.");
        assertThat(r.err()).contains("Unmatched arguments", "cuont", "Run 'tallyroom --help' for the commands.");
    }
}
