package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/** check ni-sheets, import ni-assembly, import council-control and analyse control through the command line. */
class HistoryAndNiCommandsTest {
    @TempDir
    Path dir;

    @Test
    void checkNiSheets_printsEachElectionsTallies() {
        Cli r = Cli.run("check", "ni-sheets", SharedData.path("stv/ni-assembly").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Northern Ireland Assembly Election 2011 (nia.2011-05-05): 18 sheets; ",
                "Northern Ireland Assembly Election 2016 (nia.2016-05-05): 18 sheets; ",
                "Northern Ireland Assembly Election 2017 (nia.2017-03-02): 18 sheets; ", " do not (", "Count.csv:");
        Cli missing = Cli.run("check", "ni-sheets", dir.resolve("none").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none:0:0: expected a folder of NI count sheets");
    }

    @Test
    void importNiAssembly_thenShowAndElections() {
        String url = TestDatabase.H2.freshUrl(dir);
        Path year = SharedData.path("stv/ni-assembly/2017");
        Cli r = Cli.run("import", "ni-assembly", "--db", url, year.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("18 ballots, 18 new result versions", "sheets do not add up");
        Cli show = Cli.run("show", "--db", url, "nia.belfast-east.2017-03-02");
        assertThat(show.out()).contains("Belfast East (nia.belfast-east.2017-03-02)", "5 seats, stv-ni", "Naomi Long",
                "7,610.00", "elected", "Rejected ballot papers: 471", "ElectionsNI", "does not add up");
        Cli elections = Cli.run("elections", "--db", url);
        assertThat(elections.out()).contains("nia.2017-03-02", "Northern Ireland Assembly Election 2017");
        Cli again = Cli.run("import", "ni-assembly", "--db", url, year.toString());
        assertThat(again.out()).contains("already imported; nothing changed");
    }

    @Test
    void importCouncilControl_thenAnalyseControl() {
        String url = TestDatabase.H2.freshUrl(dir);
        Path file = SharedData.path("uk/council-control/council-composition-1973-2015.csv");
        Cli r = Cli.run("import", "council-control", "--db", url, file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("council-years of", "names matched none", "Barnet");
        Cli control = Cli.run("analyse", "control", "--db", url, "local.barnet");
        assertThat(control.exit()).as(control.err()).isZero();
        assertThat(control.out()).contains("Barnet (local.barnet): control 1973-2015", "Open Council Data UK",
                "No overall control 1994-2002", "Conservative control from 2002 (to 2015, the latest year stored)");
        Cli none = Cli.run("analyse", "control", "--db", url, "local.nowhere");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no organisation 'local.nowhere'");
    }
}
