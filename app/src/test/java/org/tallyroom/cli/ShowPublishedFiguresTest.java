package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/** {@code tallyroom show} prints the published figures: SV first preferences, the majority's change. */
class ShowPublishedFiguresTest {
    @TempDir
    Path dir;

    @Test
    void sv_eliminatedCandidatesShowTheirFirstPreferences_notZero() {
        String url = TestDatabase.H2.freshUrl(dir);
        Cli imported = Cli.run("import", "ballots", "--db", url, "--method", "sv", "--ballot-id", "mayor.fairhaven.2024-05-02",
                "../examples/mayor-ballots.csv");
        assertThat(imported.exit()).as(imported.err()).isZero();
        Cli show = Cli.run("show", "--db", url, "mayor.fairhaven.2024-05-02");
        assertThat(show.exit()).isZero();
        // First preferences: Archer 472, Brennan 413, Cole 143, Desai 55; second round Archer 585, Brennan 477.
        assertThat(show.out()).containsPattern("Cath COLE \\(Grn\\)\\s+Ind\\s+143\\s+13\\.2%\\s+eliminated")
                .containsPattern("Dev DESAI \\(LD\\)\\s+Ind\\s+55\\s+5\\.1%\\s+eliminated")
                .containsPattern("Ann ARCHER \\(Lab\\)\\s+Ind\\s+472\\s+43\\.6%\\s+585\\s+elected")
                .contains("Majority: 108").contains("(second round)");
    }

    @Test
    void majority_printedWithItsChangeAgainstThePreviousElection() throws Exception {
        String url = TestDatabase.H2.freshUrl(dir);
        Path then = Files.writeString(dir.resolve("2018.csv"), "candidate,party,votes\nAnn,Lab,900\nBob,Con,700\n");
        Path now = Files.writeString(dir.resolve("2022.csv"), "candidate,party,votes\nAnn,Lab,800\nBob,Con,750\n");
        assertThat(Cli.run("import", "ballots", "--db", url, "--method", "fptp", "--ballot-id",
                "local.fairhaven.north.2018-05-03", then.toString()).exit()).isZero();
        assertThat(Cli.run("import", "ballots", "--db", url, "--method", "fptp", "--ballot-id",
                "local.fairhaven.north.2022-05-05", now.toString()).exit()).isZero();
        Cli show = Cli.run("show", "--db", url, "local.fairhaven.north.2022-05-05");
        assertThat(show.out()).contains("Majority: 50").contains("2018: 200, down 150 (against local.fairhaven.north.2018-05-03)");
        assertThat(Cli.run("show", "--db", url, "local.fairhaven.north.2018-05-03").out())
                .contains("Majority: 200").doesNotContain("down").doesNotContain("against");
    }
}
