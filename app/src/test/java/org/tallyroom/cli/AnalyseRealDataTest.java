package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/** The morning-after questions answered from the real published results, imported through the CLI. */
class AnalyseRealDataTest {
    @TempDir
    Path dir;

    private static void ok(Cli r) {
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static void importGeneralElections(String url) {
        for (String year : new String[] {"2017", "2019"}) {
            ok(Cli.run("import", "hoc-candidates", "--db", url,
                    SharedData.path("uk/westminster/ge" + year + "-results-by-candidate.csv").toString(),
                    "--constituencies",
                    SharedData.path("uk/westminster/ge" + year + "-results-by-constituency.csv").toString()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void national2019Against2017_seatsAndSeatsChangingHands(TestDatabase db) {
        String url = db.freshUrl(dir);
        importGeneralElections(url);
        Cli r = Cli.run("analyse", "national", "--db", url, "parl.2019-12-12", "--compare", "parl.2017-06-08");
        ok(r);
        assertThat(r.out()).containsPattern("(?m)^Con +365 +\\+48 ")
                .containsPattern("(?m)^Lab +202 +-60 ")
                .containsPattern("(?m)^SNP +48 +\\+13 ")
                .containsPattern("(?m)^LD +11 +-1 ");
        assertThat(r.out()).containsPattern("Lab\\W+Con\\W+54");
        Cli zero = Cli.run("analyse", "project", "--db", url, "parl.2019-12-12", "--swing", "con:0,lab:0");
        ok(zero);
        assertThat(zero.out()).containsPattern("(?m)^Con +365 +365 +0$").containsPattern("(?m)^Lab +202 +202 +0$");
    }

    @Test
    void chippingBarnet_majoritiesAndSwing_fromTheRealFiles() {
        String url = TestDatabase.H2.freshUrl(dir);
        importGeneralElections(url);
        Cli now = Cli.run("analyse", "contest", "--db", url, "parl.chipping-barnet.2019-12-12", "--swing", "con,lab");
        ok(now);
        assertThat(now.out()).contains("Majority: 1,212", "Against parl.chipping-barnet.2017-06-08", "Con hold",
                "0.73");
        Cli then = Cli.run("analyse", "contest", "--db", url, "parl.chipping-barnet.2017-06-08");
        ok(then);
        assertThat(then.out()).contains("Majority: 353");
    }

    @Test
    void barnetCouncil_2018To2022_controlChanges_onNewBoundaries() {
        String url = TestDatabase.H2.freshUrl(dir);
        for (String year : new String[] {"2018", "2022"}) {
            ok(Cli.run("import", "london-borough", "--db", url,
                    SharedData.path("uk/london-boroughs/" + year + "-candidates.csv").toString()));
        }
        Cli r = Cli.run("analyse", "council", "--db", url, "local.barnet.2022-05-05");
        ok(r);
        assertThat(r.out()).contains("whole-council", "Control before: Con majority", "Control now: Lab majority",
                "Lab gain from Con").containsPattern("(?m)^Lab +25 +41 +\\+16$").containsPattern("(?m)^Con +38 +22 +-16$");
    }

    @Test
    void london2016_mayorByWard_andTheBarnetAndCamdenIrregularity() {
        String url = TestDatabase.H2.freshUrl(dir);
        ok(Cli.run("import", "london-2016", "--db", url, SharedData.path("uk/london-2016").toString()));
        Cli wards = Cli.run("analyse", "wards", "--db", url, "mayor.london.2016-05-05");
        ok(wards);
        assertThat(wards.out()).containsPattern("Sadiq Aman KHAN +Lab +402 ").containsPattern("Zac GOLDSMITH +Con +261 ");
        Cli below = Cli.run("analyse", "irregularity", "--db", url, "gla.c.barnet-and-camden.2016-05-05",
                "--affected", "16239");
        ok(below);
        assertThat(below.out()).contains("cannot change the result", "could not have changed the result")
                .doesNotContain("COULD have changed");
        Cli tie = Cli.run("analyse", "irregularity", "--db", url, "gla.c.barnet-and-camden.2016-05-05",
                "--affected", "16240");
        ok(tie);
        assertThat(tie.out()).contains("could have tied it", "COULD have changed");
    }
}
