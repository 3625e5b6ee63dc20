package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tallyroom count --affected N}: the irregularity check printed with its reasoning. */
class CountIrregularityCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void sv_secondRoundMargin() {
        // Archer 585, Brennan 477 after second choices: margin 108. Cole (143) is 270 short of Brennan's 413.
        int exit = run("count", "--method", "sv", "--affected", "107", "../examples/mayor-ballots.csv");
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Irregularity check").contains("Verdict: cannot change the result")
                .contains("margin 108");
        out.getBuffer().setLength(0);
        run("count", "--method", "sv", "--affected", "108", "../examples/mayor-ballots.csv");
        assertThat(out.toString()).contains("the margin equals the electors affected").contains("(stage 2)");
        out.getBuffer().setLength(0);
        run("count", "--method", "sv", "--affected", "300", "../examples/mayor-ballots.csv");
        assertThat(out.toString()).contains("not proven safe").contains("(stage 1)")
                .contains("could bring Cath COLE (Grn) (143) level with 413");
    }

    @Test
    void stv_namesTheStageOrProvesItSafe() {
        int exit = run("count", "--method", "stv-scotland", "--affected", "1", "../examples/ward.blt");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Irregularity check").containsPattern("Verdict: (cannot change the result|.*\\(stage \\d+\\))");
    }

    @Test
    void ams_lastQuotient() {
        int exit = run("count", "--method", "ams", "--seats", "11", "--constituency-seats",
                "../examples/constituency-seats.csv", "--affected", "1", "../examples/list-votes.csv");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("The last list seat (seat 11)").contains("The fewest votes that change a seat");
    }

    @Test
    void analyseIrregularity_onStoredSvAndStvResults_readsTheStoredCountReport(@org.junit.jupiter.api.io.TempDir
                                                                                java.nio.file.Path dir) {
        String url = org.tallyroom.store.testing.TestDatabase.H2.freshUrl(dir);
        assertThat(Cli.run("import", "ballots", "--db", url, "--method", "sv", "--ballot-id", "mayor.fairhaven.2024-05-02",
                "../examples/mayor-ballots.csv").exit()).isZero();
        assertThat(Cli.run("import", "ballots", "--db", url, "--method", "stv-scotland", "--ballot-id",
                "local.fairhaven.ward-1.2022-05-05", "../examples/ward.blt").exit()).isZero();
        Cli sv = Cli.run("analyse", "irregularity", "--db", url, "mayor.fairhaven.2024-05-02", "--affected", "108");
        assertThat(sv.exit()).as(sv.err()).isZero();
        assertThat(sv.out()).contains("(sv)").contains("the margin equals the electors affected").contains("margin 108");
        Cli stv = Cli.run("analyse", "irregularity", "--db", url, "local.fairhaven.ward-1.2022-05-05", "--affected", "3",
                "--format", "json");
        assertThat(stv.exit()).as(stv.err()).isZero();
        assertThat(stv.out()).contains("\"method\" : \"stv-scotland\"").contains("\"outcome\" : \"CANNOT_CHANGE\"");
    }

    @Test
    void affected_withJson_isRefused() {
        int exit = run("count", "--method", "sv", "--affected", "1", "--format", "json", "../examples/mayor-ballots.csv");
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--affected");
    }
}
