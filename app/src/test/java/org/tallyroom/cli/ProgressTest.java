package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/**
 * Progress appears on standard error only when it is a terminal (as the launcher reports in
 * -Dtallyroom.tty, see LauncherTest), never with --quiet, and standard output is the same either way.
 */
class ProgressTest {
    @TempDir
    Path dir;

    private static final String BLT = Path.of("..", "examples", "ward.blt").toString();
    private static final String TALLIES = Path.of("..", "examples", "ward-tallies.csv").toString();

    @AfterEach
    void forget() {
        System.clearProperty(Progress.TTY);
    }

    private static Cli count(boolean tty, String... more) {
        System.setProperty(Progress.TTY, String.valueOf(tty));
        String[] args = new String[4 + more.length];
        args[0] = "count";
        args[1] = "--method";
        args[2] = "fptp";
        args[3] = TALLIES;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void countingSeveralFilesShowsProgressOnATerminalOnly() {
        Cli onTerminal = count(true, TALLIES);
        assertThat(onTerminal.exit()).isZero();
        assertThat(onTerminal.err()).contains("Counting", "2/2", "files");
        Cli piped = count(false, TALLIES);
        assertThat(piped.err()).isEmpty();
        assertThat(piped.out()).isEqualTo(onTerminal.out());
        Cli quiet = count(true, TALLIES, "--quiet");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(onTerminal.out());
    }

    @Test
    void oneSmallFileShowsNone() {
        assertThat(count(true).err()).isEmpty();
    }

    @Test
    void importsShowProgressOnATerminalOnly() {
        String url = TestDatabase.H2.freshUrl(dir);
        System.setProperty(Progress.TTY, "true");
        Cli onTerminal = Cli.run("import", "ballots", "--db", url, "--method", "stv-scotland",
                "--ballot-id", "local.x.ward-one.2022-05-05", BLT);
        assertThat(onTerminal.exit()).as(onTerminal.err()).isZero();
        assertThat(onTerminal.err()).contains("Importing");
        System.setProperty(Progress.TTY, "false");
        Cli piped = Cli.run("import", "ballots", "--db", url, "--method", "stv-scotland",
                "--ballot-id", "local.x.ward-two.2022-05-05", BLT);
        assertThat(piped.exit()).isZero();
        assertThat(piped.err()).isEmpty();
    }

    @Test
    void generatingShowsProgressOnATerminalOnly() {
        System.setProperty(Progress.TTY, "true");
        String file = dir.resolve("g.blt").toString();
        Cli onTerminal = Cli.run("generate", "--ballots", "300000", "--candidates", "4", file);
        assertThat(onTerminal.exit()).isZero();
        assertThat(onTerminal.err()).contains("Generating", "300000/300000");
        Cli quiet = Cli.run("generate", "--quiet", "--ballots", "300000", "--candidates", "4", file);
        assertThat(quiet.err()).doesNotContain("Generating");
    }
}
