package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/** {@code tallyroom import uk DIR}: every known file of a folder laid out as the UK data, each its own transaction. */
class ImportUkFolderTest {
    @TempDir
    Path dir;

    /** A copy of part of the UK data: GE2017 with its constituency file, the GLA 2016 folder, and strangers. */
    private Path data() throws IOException {
        Path data = dir.resolve("data");
        Path westminster = Files.createDirectories(data.resolve("uk/westminster"));
        for (String f : new String[] {"ge2017-results-by-candidate.csv", "ge2017-results-by-constituency.csv"}) {
            Files.copy(SharedData.path("uk/westminster/" + f), westminster.resolve(f));
        }
        Path gla = Files.createDirectories(data.resolve("uk/london-2016"));
        try (Stream<Path> files = Files.list(SharedData.path("uk/london-2016"))) {
            for (Path f : files.toList()) {
                Files.copy(f, gla.resolve(f.getFileName()));
            }
        }
        Files.writeString(data.resolve("uk/notes.txt"), "not data\n");
        Files.createDirectories(data.resolve("maps"));
        return data;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importsEachKnownFileInOrder_listsTheRest_andIsTheSameImportAsTheSingleCommands(TestDatabase db) throws IOException {
        Path data = data();
        String url = db.freshUrl(dir);
        Cli r = Cli.run("import", "uk", "--db", url, "--quiet", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Skipped " + data.resolve("maps") + ": not UK results data.",
                "Skipped " + data.resolve("uk/notes.txt") + ": not a folder of the UK data layout.",
                "650 ballots, 650 new result versions", "16 ballots", "2 of 2 files imported.");
        assertThat(r.out().indexOf("ge2017-results-by-candidate.csv")).isLessThan(r.out().indexOf("london-2016"));
        assertThat(r.err()).isEmpty();
        assertThat(Cli.run("show", "--db", url, "parl.chipping-barnet.2017-06-08").out()).contains("Majority: 353");
        assertThat(Cli.run("show", "--db", url, "gla.a.2016-05-05").out()).contains("Labour Party 12");

        Path uk = data.resolve("uk");
        Cli single = Cli.run("import", "hoc-candidates", "--db", url,
                uk.resolve("westminster/ge2017-results-by-candidate.csv").toString(),
                "--constituencies", uk.resolve("westminster/ge2017-results-by-constituency.csv").toString());
        assertThat(single.out()).as(single.err()).contains("already imported; nothing changed");
        assertThat(Cli.run("import", "london-2016", "--db", url, uk.resolve("london-2016").toString()).out())
                .contains("already imported; nothing changed");

        Cli again = Cli.run("import", "uk", "--db", url, uk.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("2 of 2 files imported.").doesNotContain("new result versions");
    }

    @Test
    void aBadFileSaysWhereAndImportsNothing_theOthersGoIn() throws IOException {
        Path data = data();
        Path boroughs = Files.createDirectories(data.resolve("uk/london-boroughs"));
        Path bad = boroughs.resolve("2018-candidates.csv");
        Files.writeString(bad, """
                ward_code,ward_name,borough_code,borough_name,candidate_name,party,party_long,number_votes,elected_flag,number_of_councillors_in_ward
                E05000026,Abbey,E09000002,Barking and Dagenham,"Butt, Laila *",LAB,Labour Party,lots,Yes,3
                """);
        String url = TestDatabase.H2.freshUrl(dir);
        Cli r = Cli.run("import", "uk", "--db", url, data.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(bad + ":2:8: expected", "Nothing was imported from " + bad + ".")
                .doesNotContain("\tat ");
        assertThat(r.out()).contains("2 of 3 files imported.");
        assertThat(Cli.run("elections", "--db", url).out()).contains("parl.2017-06-08").doesNotContain("2018-05-03");
    }

    @Test
    void aFolderWithNothingItKnows_orNoFolder_isBadInput() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x\n");
        String url = TestDatabase.H2.freshUrl(dir.resolve("db"));
        Cli r = Cli.run("import", "uk", "--db", url, dir.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).contains("Skipped " + dir.resolve("notes.txt"));
        assertThat(r.err()).contains(dir + ":0:0: expected a folder laid out as the UK data", "found no file Tallyroom imports",
                "Nothing was imported.");
        Cli none = Cli.run("import", "uk", "--db", url, dir.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err()).contains("nowhere:0:0: expected a folder laid out as the UK data", "found no such folder");
    }
}
