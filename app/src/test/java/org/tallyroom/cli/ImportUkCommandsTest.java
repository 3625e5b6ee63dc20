package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/** import hoc-candidates, london-borough and london-2016 on the real files, through the command line. */
class ImportUkCommandsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hocCandidates2019_showsChippingBarnetWithItsMajority(TestDatabase db) {
        String url = db.freshUrl(dir);
        Path cand = SharedData.path("uk/westminster/ge2019-results-by-candidate.csv");
        Path cons = SharedData.path("uk/westminster/ge2019-results-by-constituency.csv");
        Cli r = Cli.run("import", "hoc-candidates", "--db", url, cand.toString(), "--constituencies", cons.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("650 ballots, 650 new result versions", "Note: valid votes", "Meon Valley");
        Cli show = Cli.run("show", "--db", url, "parl.chipping-barnet.2019-12-12");
        assertThat(show.out()).contains("Chipping Barnet (parl.chipping-barnet.2019-12-12)", "Theresa Villiers",
                "25,745", "elected", "Majority: 1,212", "Electorate: 79,960");
        Cli again = Cli.run("import", "hoc-candidates", "--db", url, cand.toString(), "--constituencies", cons.toString());
        assertThat(again.out()).contains("already imported; nothing changed");
    }

    @Test
    void hocCandidates_withoutADateInTheName_saysSo() throws IOException {
        Path copy = dir.resolve("results.csv");
        Files.copy(SharedData.path("uk/westminster/ge2019-results-by-candidate.csv"), copy);
        Cli r = Cli.run("import", "hoc-candidates", "--db", TestDatabase.H2.freshUrl(dir), copy.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(copy + ":0:0: expected a file name naming a general election", "--date",
                "Nothing was imported.");
        Cli dated = Cli.run("import", "hoc-candidates", "--db", TestDatabase.H2.freshUrl(dir), "--date", "2019-12-12",
                copy.toString());
        assertThat(dated.exit()).as(dated.err()).isZero();
    }

    @Test
    void londonBorough2022_findsItsWardsAndLookupBesideIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("boroughs"));
        for (String f : new String[] {"2022-candidates.csv", "2022-wards.csv", "party-name-lookup.csv"}) {
            Files.copy(SharedData.path("uk/london-boroughs/" + f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String url = TestDatabase.H2.freshUrl(dir);
        Cli r = Cli.run("import", "london-borough", "--db", url, folder.resolve("2022-candidates.csv").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("679 ballots, 679 new result versions", "'Labour Party Candiate' as Labour Party");
        Cli show = Cli.run("show", "--db", url, "local.barnet.whetstone.2022-05-05");
        assertThat(show.out()).contains("Whetstone", "2 seats, block", "Majority: 289", "Electorate:", "Rejected ballot papers:");
    }

    @Test
    void london2016_storesTheAssemblyAndSaysWhatTheMayorLacks() {
        String url = TestDatabase.H2.freshUrl(dir);
        Cli r = Cli.run("import", "london-2016", "--db", url, SharedData.path("uk/london-2016").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("16 ballots", "Note: the mayor's result holds first preferences only");
        Cli mayor = Cli.run("show", "--db", url, "mayor.london.2016-05-05");
        assertThat(mayor.out()).contains("Sadiq Aman KHAN", "1,148,716", "Note: First preferences only")
                .doesNotContain("elected");
        Cli list = Cli.run("show", "--db", url, "gla.a.2016-05-05");
        assertThat(list.out()).contains("Labour Party 12", "Conservative Party 8");
    }
}
