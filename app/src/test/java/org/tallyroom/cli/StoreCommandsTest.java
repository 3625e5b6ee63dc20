package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/** import, elections, show and export through the real command line, on H2 and PostgreSQL. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    private static final String YNR = "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,"
            + "party_name,party_id,post_label,cancelled_poll,seats_contested,gss,organisation_name,votes_cast,elected,"
            + "turnout_reported,spoilt_ballots,total_electorate\n"
            + "101,Ann Apple,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Labour Party,party:53,"
            + "Whetstone,False,2,E05013651,London Borough of Barnet,1200,True,4100,12,9000\n"
            + "102,Ben Brown,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Conservative and Unionist Party,"
            + "party:52,Whetstone,False,2,E05013651,London Borough of Barnet,1500,True,4100,12,9000\n"
            + "103,Cal Cole,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Green Party,party:63,"
            + "Whetstone,False,2,E05013651,London Borough of Barnet,1100,False,4100,12,9000\n";

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importBallots_countsStoresAndShows_andReimportChangesNothing(TestDatabase db) throws IOException {
        String url = db.freshUrl(dir);
        Path t = file("chipping-barnet.csv", "candidate,party,votes\nTheresa Villiers,Con,25745\nEmma Whysall,Lab,24533\n"
                + "Isabelle Parasram,LD,5932\nGabrielle Bailey,Green,1288\n");
        Cli r = Cli.run("import", "ballots", "--db", url, "--method", "fptp", "--ballot-id", "parl.chipping-barnet.2019-12-12",
                t.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("1 ballots, 1 new result versions");
        Cli again = Cli.run("import", "ballots", "--db", url, "--method", "fptp", "--ballot-id", "parl.chipping-barnet.2019-12-12",
                t.toString());
        assertThat(again.out()).contains("already imported; nothing changed");
        Cli show = Cli.run("show", "--db", url, "parl.chipping-barnet.2019-12-12");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("Chipping Barnet (parl.chipping-barnet.2019-12-12)", "House of Commons, 2019-12-12, 1 seat, fptp",
                "Theresa Villiers", "25,745", "44.8%", "elected", "Majority: 1,212", "Valid votes: 57,498");
        Cli elections = Cli.run("elections", "--db", url);
        assertThat(elections.out()).contains("parl.2019-12-12", "1", "UK Parliament elections 2019-12-12");
        Cli json = Cli.run("show", "--db", url, "--format", "json", "parl.chipping-barnet.2019-12-12");
        assertThat(json.out()).contains("\"ballot_id\" : \"parl.chipping-barnet.2019-12-12\"", "\"votes\" : \"25745\"",
                "\"count_method\" : \"fptp\"");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importYnr_showsMultiMemberMajority_andExports(TestDatabase db) throws IOException {
        String url = db.freshUrl(dir);
        Path ynr = file("ynr.csv", YNR);
        Cli r = Cli.run("import", "ynr", "--db", url, ynr.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Cli show = Cli.run("show", "--db", url, "local.barnet.whetstone.2022-05-05");
        assertThat(show.out()).contains("London Borough of Barnet, 2022-05-05, 2 seats, block", "Majority: 100",
                "(last elected over first not elected)", "Ballot papers issued: 4,100 (turnout 45.56%)", "Rejected ballot papers: 12");
        Cli csv = Cli.run("export", "--db", url, "--format", "csv", "local.2022-05-05");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out().lines()).hasSize(4);
        assertThat(csv.out()).contains("local.barnet.whetstone.2022-05-05,Whetstone,London Borough of Barnet,Whetstone,E05013651");
        Cli nist = Cli.run("export", "--db", url, "--format", "nist-cdf", "local.barnet.2022-05-05");
        assertThat(nist.exit()).isZero();
        Path exported = file("export.json", nist.out());
        String other = db.freshUrl(dir);
        assertThat(Cli.run("import", "nist-cdf", "--db", other, exported.toString()).exit()).isZero();
        assertThat(Cli.run("export", "--db", other, "--format", "csv", "local.2022-05-05").out()).isEqualTo(csv.out());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exportJson_carriesTheStoredCountReport_stageByStage(TestDatabase db) {
        String url = db.freshUrl(dir);
        String ballot = "local.fictional.ward-1.2022-05-05";
        Cli r = Cli.run("import", "ballots", "--db", url, "--method", "stv-scotland", "--ballot-id", ballot, "../examples/ward.blt");
        assertThat(r.exit()).as(r.err()).isZero();
        Cli counted = Cli.run("count", "--method", "stv-scotland", "--format", "json", "../examples/ward.blt");
        Cli exported = Cli.run("export", "--db", url, "--format", "json", ballot);
        assertThat(exported.exit()).as(exported.err()).isZero();
        tools.jackson.databind.JsonNode report = new tools.jackson.databind.json.JsonMapper().readTree(exported.out())
                .at("/ballots/0/result/count_report");
        tools.jackson.databind.JsonNode expected = new tools.jackson.databind.json.JsonMapper().readTree(counted.out());
        assertThat(report.path("stages").size()).as("the stored report's stages").isGreaterThan(1)
                .isEqualTo(expected.path("stages").size());
        assertThat(report.path("stages")).isEqualTo(expected.path("stages"));
        assertThat(Cli.run("show", "--db", url, "--format", "json", ballot).out()).contains("\"count_report\"");
    }

    @Test
    void badYnrFile_importsNothing_andSaysWhere() throws IOException {
        String url = TestDatabase.H2.freshUrl(dir);
        Path ynr = file("bad.csv", YNR.replace(",1100,", ",eleven,"));
        Cli r = Cli.run("import", "ynr", "--db", url, ynr.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(ynr + ":4:14: expected votes_cast as a whole number, found 'eleven'", "Nothing was imported.")
                .doesNotContain("Exception");
        assertThat(Cli.run("elections", "--db", url).out()).contains("No elections stored");
    }

    @Test
    void showUnknownBallot_exitTwo() {
        Cli r = Cli.run("show", "--db", TestDatabase.H2.freshUrl(dir), "local.x.y.2022-05-05");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no ballot 'local.x.y.2022-05-05' in the store");
    }

    @Test
    void badDbUrl_isExplained() {
        Cli r = Cli.run("elections", "--db", "postgres://nowhere");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("expected a JDBC URL");
    }

    @Test
    void badDbUrl_forAnImport_blamesTheStoreNotTheFile() {
        Cli r = Cli.run("import", "ballots", "--db", "postgres://nowhere", "--method", "fptp", "--ballot-id",
                "parl.chipping-barnet.2019-12-12", "../examples/ward-tallies.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("The store: expected a JDBC URL").doesNotContain("ward-tallies.csv")
                .contains("Nothing was imported.");
    }
}
