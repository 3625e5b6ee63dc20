package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code analyse} subcommand through the real command line, on hand-typed results stored in a
 * fresh database (H2 and PostgreSQL). Expected figures are worked by hand from the fixtures
 * ({@link AnalysisFixtures}).
 */
class AnalyseCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode json(Cli r) {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return JSON.readTree(r.out());
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return r;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contest_chippingBarnet_majoritiesAndSwingAgainstThePreviousElectionFoundByItself(TestDatabase db) {
        String url = db.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        // 2019: Villiers 25,745 - Whysall 24,533 = 1,212, of 57,569 valid = 2.105%.
        Cli r2019 = ok("analyse", "contest", "--db", url, "parl.chipping-barnet.2019-12-12");
        assertThat(r2019.out()).contains("Chipping Barnet (E14000634): 1 seat",
                "Majority: 1,212 (2.11% of valid papers), Theresa Villiers over Emma Whysall",
                "Against parl.chipping-barnet.2017-06-08", "Con hold",
                // Con 46.33 -> 44.72 (-1.61), Lab 45.70 -> 42.62 (-3.08): swing (-1.61 + 3.08) / 2 = 0.73 to Con.
                "Swing of 0.73 points from Lab to Con (Butler swing Con-Lab: +0.73");
        // 2017: Villiers 25,679 - Whysall 25,326 = 353 of 55,423 = 0.64%; the 2017 file's parties (with EC ids) and the
        // 2019 file's (without) are one party each.
        Cli r2017 = ok("analyse", "contest", "--db", url, "parl.chipping-barnet.2017-06-08");
        assertThat(r2017.out()).contains("Majority: 353 (0.64% of valid papers)",
                "No earlier contest for this division is stored");
        JsonNode j = json(Cli.run("analyse", "contest", "--db", url, "--format", "json", "parl.chipping-barnet.2019-12-12"));
        assertThat(j.at("/summary/majority/votes").asLong()).isEqualTo(1212);
        assertThat(j.at("/previousBallotId").asString()).isEqualTo("parl.chipping-barnet.2017-06-08");
        assertThat(j.at("/swing/points/percent").asString()).isEqualTo("0.73");
        assertThat(j.at("/swing/towards").asString()).isEqualTo("Con");
        List<String> parties = new ArrayList<>();
        j.at("/change/parties").forEach(p -> parties.add(p.get("party").asString()));
        assertThat(parties).containsExactly("Con", "Lab", "LD", "Green", "Advance Together");
    }

    @Test
    void contest_explicitCompareAndSwingParties() {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        // North Town: Lab 20,000/40,000 = 50% -> 18,000/41,000 = 43.90%; Con 37.5% -> 46.34%;
        // swing Con-Lab ((46.34 - 37.5) - (43.90 - 50)) / 2 = 7.47 to Con.
        Cli r = ok("analyse", "contest", "--db", url, "--swing", "lab,con", "--compare", "parl.north-town.2017-06-08",
                "parl.north-town.2019-12-12");
        assertThat(r.out()).contains("Con gain from Lab", "Swing of 7.47 points from Lab to Con (Butler swing Lab-Con: -7.47");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contest_anStvWard_firstPreferences_andTheLastSeatInsteadOfAMajority(TestDatabase db) {
        String url = db.freshUrl(dir);
        String ward = "local.fictional.ward-1.2022-05-05";
        ok("import", "ballots", "--db", url, "--method", "stv-scotland", "--ballot-id", ward, "../examples/ward.blt");
        // examples/ward.blt: Archer 142 and Baird 103 first preferences for Labour, of 441.
        Cli r = ok("analyse", "contest", "--db", url, ward);
        // The stored count: Campbell elected last at stage 5 on 119.68880, Ewart still continuing on 73.53512.
        assertThat(r.out()).contains("First prefs", "Last seat: 46.15368 votes at stage 5, Carla CAMPBELL (SNP) over Effie "
                + "EWART (Con)", "party vote = all its candidates' votes").doesNotContain("Majority:");
        assertThat(r.out().lines().filter(l -> l.startsWith("Lab ")).findFirst().orElseThrow()).contains("245", "55.56");
        JsonNode j = json(Cli.run("analyse", "contest", "--db", url, "--format", "json", ward));
        assertThat(j.at("/summary/firstPreferences").asBoolean()).isTrue();
        assertThat(j.at("/summary/majority").isNull() || j.at("/summary/majority").isMissingNode()).isTrue();
        assertThat(j.at("/summary/lastSeat/votes").decimalValue()).isEqualByComparingTo("46.15368");
        assertThat(j.at("/summary/lastSeat/stage").asInt()).isEqualTo(5);
        assertThat(j.at("/summary/lastSeat/runnerUp").asString()).isEqualTo("Effie EWART (Con)");
        // A whole-election analysis takes plurality results, and says why it has none here.
        Cli council = Cli.run("analyse", "council", "--db", url, "local.fictional.2022-05-05");
        assertThat(council.exit()).isNotZero();
        assertThat(council.err()).contains("local.fictional.2022-05-05 has no plurality results stored: 1 result is counted "
                + "by another method (" + ward + " (counted by stv-scotland)); this analysis takes plurality results");
        assertThat(ok("show", "--db", url, ward).out()).contains("Votes are first preferences",
                "Last seat: 46.15368 votes at stage 5, Carla CAMPBELL (SNP) over Effie EWART (Con)").doesNotContain("Majority:");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void council_byWardGainsAndLosses_thenRedrawnWards_wholeCouncilOrNotional(TestDatabase db) throws IOException {
        String url = db.freshUrl(dir);
        AnalysisFixtures.testshire(url);
        Cli r = ok("analyse", "council", "--db", url, "local.testshire.2022-05-05");
        assertThat(r.out()).contains("against", "Compared by ward: same wards as at the previous election",
                "Control before: Con majority of 1", "Control now: Lab majority of 1", "Control changed: Lab gain from Con",
                "North", "Con 3", "Lab 2, Con 1");
        JsonNode j = json(Cli.run("analyse", "council", "--db", url, "--format", "json", "local.testshire.2022-05-05"));
        assertThat(j.at("/previousElectionId").asString()).isEqualTo("local.testshire.2018-05-03");
        JsonNode lab = party(j.at("/change/parties"), "Lab");
        assertThat(lab.get("before").asInt()).isEqualTo(3);
        assertThat(lab.get("after").asInt()).isEqualTo(5);
        assertThat(lab.get("gains").asInt()).isEqualTo(2);
        assertThat(lab.get("losses").asInt()).isZero();
        JsonNode con = party(j.at("/change/parties"), "Con");
        assertThat(con.get("losses").asInt()).isEqualTo(3);
        assertThat(party(j.at("/change/parties"), "LD").get("gains").asInt()).isEqualTo(1);

        // 2026: new wards, no codes in common with 2022: whole-council change only.
        Cli whole = ok("analyse", "council", "--db", url, "local.testshire.2026-05-07");
        assertThat(whole.out()).contains("whole-council change in seats",
                "Control now: No overall control (Lab largest, 1 short)", "Lab lose control: No overall control")
                .doesNotContain("Gains");
        // With notional 2022 results for the new wards: Central Con 2 Lab 2, Outer Lab 3 LD 2.
        Path notional = dir.resolve("notional.csv");
        Files.writeString(notional, "division,party,seats\nE05900010,Con,2\ncentral,labour,2\nE05900011,LAB,3\n"
                + "E05900011,Liberal Democrats,2\n");
        JsonNode n = json(Cli.run("analyse", "council", "--db", url, "--format", "json", "--notional", notional.toString(),
                "local.testshire.2026-05-07"));
        assertThat(n.at("/change/basis").asString()).isEqualTo("NOTIONAL");
        assertThat(party(n.at("/change/parties"), "Con").get("gains").asInt()).isEqualTo(1);
        assertThat(party(n.at("/change/parties"), "Lab").get("losses").asInt()).isEqualTo(1);
        assertThat(party(n.at("/change/parties"), "Lab").get("before").asInt()).isEqualTo(5);
    }

    @Test
    void council_badNotionalFile_saysWhere() throws IOException {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.testshire(url);
        Path notional = dir.resolve("bad.csv");
        Files.writeString(notional, "division,party,seats\nE05900010,Con,two\n");
        Cli r = Cli.run("analyse", "council", "--db", url, "--notional", notional.toString(), "local.testshire.2026-05-07");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(notional + ":2:3: expected notional seats as a whole number, found 'two'");
        Files.writeString(notional, "division,party,seats\nnowhere,Con,2\n");
        assertThat(Cli.run("analyse", "council", "--db", url, "--notional", notional.toString(),
                "local.testshire.2026-05-07").err()).contains(":2:1: expected a ward of local.testshire.2026-05-07");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void national_seatsChangeAndFlows(TestDatabase db) {
        String url = db.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        Cli text = ok("analyse", "national", "--db", url, "parl.2019-12-12", "--compare", "parl.2017-06-08");
        assertThat(text.out()).contains("Seats changing hands: 1", "Result: Con majority of 2");
        JsonNode j = json(Cli.run("analyse", "national", "--db", url, "--format", "json", "parl.2019-12-12",
                "--compare", "parl.2017-06-08"));
        assertThat(party(j.at("/parties"), "Con").get("seats").asInt()).isEqualTo(3);
        assertThat(party(j.at("/parties"), "Con").get("seatsBefore").asInt()).isEqualTo(2);
        assertThat(party(j.at("/parties"), "Lab").get("seats").asInt()).isZero();
        assertThat(party(j.at("/parties"), "Lab").get("seatsBefore").asInt()).isEqualTo(1);
        assertThat(j.at("/flows/0/from").asString()).isEqualTo("Lab");
        assertThat(j.at("/flows/0/to").asString()).isEqualTo("Con");
        assertThat(j.at("/changingHands/0/divisionName").asString()).isEqualTo("North Town");
        assertThat(j.at("/unmatched")).isEmpty();
    }

    @Test
    void marginals_labourTargetsBySwingNeeded_top2() {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        // Chipping Barnet: 1,212 / 57,569 = 2.11%, swing 1.05; North Town 1,000 / 41,000 = 2.44%, swing 1.22;
        // East Town (16,000 - 6,000) / 37,500 = 26.67%, 13.33; South Town 13,000 / 40,000, 16.25.
        JsonNode all = json(Cli.run("analyse", "marginals", "--db", url, "--format", "json", "--party", "lab",
                "parl.2019-12-12"));
        List<String> order = new ArrayList<>();
        all.at("/seats").forEach(s -> order.add(s.get("divisionName").asString() + " " + s.at("/swingNeeded/percent").asString()));
        assertThat(order).containsExactly("Chipping Barnet 1.05", "North Town 1.22", "East Town 13.33", "South Town 16.25");
        Cli top = ok("analyse", "marginals", "--db", url, "--party", "lab", "--top", "2", "parl.2019-12-12");
        assertThat(top.out()).contains("Lab targets", "Chipping Barnet", "North Town").doesNotContain("East Town");
        Cli defend = ok("analyse", "marginals", "--db", url, "--party", "Conservative", "--defend", "parl.2019-12-12");
        assertThat(defend.out()).contains("Con defences").doesNotContain("East Town");
        Cli bad = Cli.run("analyse", "marginals", "--db", url, "--party", "whig", "parl.2019-12-12");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("no party 'whig'", "Con, Green, LD, Lab");
    }

    @Test
    void project_zeroSwingIsTheResult_andUniformSwingByHand() {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        JsonNode zero = json(Cli.run("analyse", "project", "--db", url, "--format", "json", "parl.2019-12-12"));
        zero.at("/parties").forEach(p -> assertThat(p.get("projected").asInt()).isEqualTo(p.get("actual").asInt()));
        assertThat(zero.at("/changingHands")).isEmpty();
        // Con -2, Lab +2: Chipping Barnet Con 44.72 - 2 = 42.72 < Lab 42.62 + 2 = 44.62; North Town Con 46.34 - 2 =
        // 44.34 < Lab 43.90 + 2 = 45.90; South and East stay. Con 1, Lab 2, LD 1.
        JsonNode j = json(Cli.run("analyse", "project", "--db", url, "--format", "json", "--swing", "con:-2,lab:+2",
                "parl.2019-12-12"));
        assertThat(party(j.at("/parties"), "Con").get("projected").asInt()).isEqualTo(1);
        assertThat(party(j.at("/parties"), "Lab").get("projected").asInt()).isEqualTo(2);
        assertThat(party(j.at("/parties"), "LD").get("projected").asInt()).isEqualTo(1);
        Cli text = ok("analyse", "project", "--db", url, "--swing", "con:-2,lab:+2", "--model", "proportional",
                "parl.2019-12-12");
        assertThat(text.out()).contains("proportional");
        Cli bad = Cli.run("analyse", "project", "--db", url, "--swing", "con:minus4", "parl.2019-12-12");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("expected points such as -4");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void irregularity_barnetAndCamden2016_16239CannotChange_16240CouldTie(TestDatabase db) {
        String url = db.freshUrl(dir);
        AnalysisFixtures.barnetAndCamden(url);
        // Dismore 81,482 - Thomas 65,242 = 16,240.
        Cli under = ok("analyse", "irregularity", "--db", url, "--affected", "16239", "gla.c.barnet-and-camden.2016-05-05");
        assertThat(under.out()).contains("16,240", "cannot change the result", "could not have changed the result");
        Cli tie = ok("analyse", "irregularity", "--db", url, "--affected", "16240", "gla.c.barnet-and-camden.2016-05-05");
        assertThat(tie.out()).contains("could have tied it", "COULD have changed the result");
        JsonNode j = json(Cli.run("analyse", "irregularity", "--db", url, "--format", "json", "--affected", "400",
                "gla.c.barnet-and-camden.2016-05-05"));
        assertThat(j.at("/winners/0/margin").asLong()).isEqualTo(16240);
        assertThat(j.at("/winners/0/outcome").asString()).isEqualTo("CANNOT_CHANGE");
        assertThat(j.at("/couldChange").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wards_mayorBreakdown_sharesAndLeaders(TestDatabase db) {
        String url = db.freshUrl(dir);
        AnalysisFixtures.mayorByWard(url);
        // Alpha: Khan 500 of 1,000 = 50.00%, leads; Beta: Goldsmith 450 of 800 = 56.25%, leads; Gamma Postal:
        // Khan and Goldsmith level on 200 of 500 = 40.00%.
        Cli text = ok("analyse", "wards", "--db", url, "mayor.london.2016-05-05");
        assertThat(text.out()).contains("London by ward", "Alpha", "50.00", "56.25", "KHAN = GOLDSMITH");
        JsonNode j = json(Cli.run("analyse", "wards", "--db", url, "--format", "json", "mayor.london.2016-05-05"));
        assertThat(j.at("/breakdown/wards")).hasSize(3);
        assertThat(j.at("/breakdown/wards/0/leaders/0").asString()).isEqualTo("Sadiq KHAN");
        assertThat(j.at("/breakdown/wards/1/leaders/0").asString()).isEqualTo("Zac GOLDSMITH");
        assertThat(j.at("/breakdown/wards/1/shares/1/share/percent").asString()).isEqualTo("56.25");
        assertThat(j.at("/breakdown/wards/2/leaders")).hasSize(2);
        assertThat(j.at("/breakdown/total/total").asLong()).isEqualTo(2300);
        assertThat(j.at("/breakdown/leads/0/wardsLed").asInt()).isEqualTo(1);
        assertThat(j.at("/breakdown/leads/0/wardsLevel").asInt()).isEqualTo(1);
    }

    @Test
    void unknownIds_exitTwoWithTheReason() {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.generalElections(url);
        Cli r = Cli.run("analyse", "contest", "--db", url, "parl.nowhere.2019-12-12");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no ballot 'parl.nowhere.2019-12-12'");
        Cli n = Cli.run("analyse", "national", "--db", url, "parl.2015-05-07");
        assertThat(n.exit()).isEqualTo(2);
        assertThat(n.err()).contains("no election 'parl.2015-05-07' in the store").doesNotContain("Exception");
    }

    static JsonNode party(JsonNode parties, String name) {
        for (JsonNode p : parties) {
            if (p.get("party").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no party " + name + " in " + parties);
    }
}
