package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.Store;
import org.tallyroom.store.service.ServeLock;

/** {@code tallyroom compact}: an H2 file grown by appended commits shrinks, its data intact; refused beside serve. */
class CompactCommandTest {
    @TempDir
    Path dir;

    @Test
    void compactsAnH2FileGrownByCorrectionsAndKeepsTheLatestFigures() throws Exception {
        String url = Store.h2File(dir.resolve("db/tallyroom"));
        Path tallies = dir.resolve("chipping-barnet.csv");
        for (int i = 0; i < 15; i++) {
            Files.writeString(tallies, "candidate,party,votes\nTheresa Villiers,Con," + (25745 + i) + "\nEmma Whysall,Lab,24533\n");
            Cli r = Cli.run("import", "ballots", "--db", url, "--method", "fptp", "--ballot-id",
                    "parl.chipping-barnet.2019-12-12", "--quiet", tallies.toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Path file = dir.resolve("db/tallyroom.mv.db");
        long grown = Files.size(file);

        Cli compact = Cli.run("compact", "--db", url);
        assertThat(compact.err()).isEmpty();
        assertThat(compact.exit()).isZero();
        assertThat(compact.out()).startsWith("Compacted " + file).contains(" MB -> ");
        assertThat(Files.size(file)).as("bytes after compacting, against %d before", grown).isLessThan(grown);

        Cli show = Cli.run("show", "--db", url, "parl.chipping-barnet.2019-12-12");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("25,759").contains("version 15");
    }

    @Test
    void refusesWhileServeHoldsTheDatabaseAndOnPostgresql() {
        String url = Store.h2File(dir.resolve("db/tallyroom"));
        Store.open(url).close();
        try (ServeLock serving = ServeLock.claim(url)) {
            Cli r = Cli.run("compact", "--db", url);
            assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains("another tallyroom serve is already running");
        }
        Cli pg = Cli.run("compact", "--db", "jdbc:postgresql://localhost/tallyroom");
        assertThat(pg.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(pg.err()).contains("compact works on an H2 file");
        Cli missing = Cli.run("compact", "--db", Store.h2File(dir.resolve("none/tallyroom")));
        assertThat(missing.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("there is no H2 database at");
    }
}
