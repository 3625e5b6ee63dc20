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
    void affected_withJson_isRefused() {
        int exit = run("count", "--method", "sv", "--affected", "1", "--format", "json", "../examples/mayor-ballots.csv");
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--affected");
    }
}
