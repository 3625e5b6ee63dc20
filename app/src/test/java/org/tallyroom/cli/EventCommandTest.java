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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * event add / import / list and analyse composition through the real command line. Testshire's 2022
 * council (Lab 5, Con 2, LD 2 of 9; 5 for a majority) through two by-elections, a defection and a
 * whip suspension, with control worked by hand at each date.
 */
class EventCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static final String EVENTS = """
            date,organisation,type,division,member,party,to_party,note
            2022-09-01,local.testshire,resignation,north,Lab N1,,,moved away
            2022-11-10,local.testshire,by-election,north,Con X,Con,,
            2023-02-01,local.testshire,defection,E05900003,LD E2,LD,Labour,
            2023-06-01,local.testshire,whip-suspended,south,Lab S1,,,
            """;

    private String council(TestDatabase db) {
        String url = db.freshUrl(dir);
        AnalysisFixtures.testshire(url);
        return url;
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return r;
    }

    private String controlAt(String url, String date) {
        JsonNode j = JSON.readTree(ok("analyse", "composition", "--db", url, "--format", "json", "local.testshire", "--at", date)
                .out());
        JsonNode c = j.at("/composition/control");
        return c.get("party").asString().isEmpty() ? "NOC" : c.get("party").asString();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timeline_byElectionsDefectionAndWhip_giveTheRightControlAtEachDate(TestDatabase db) throws IOException {
        String url = council(db);
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, EVENTS);
        assertThat(ok("event", "import", "--db", url, csv.toString()).out()).contains("4 events recorded");
        assertThat(ok("event", "import", "--db", url, csv.toString()).out()).contains("already imported; nothing changed");
        ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-09-01", "--type", "death",
                "--division", "east", "--member", "Con E3");
        ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-11-01", "--type", "by-election",
                "--division", "east", "--member", "Lab Y", "--party", "lab");
        ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2024-01-15", "--type", "whip-restored",
                "--division", "south", "--member", "Lab S1", "--note", "after investigation");
        assertThat(ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2024-01-15", "--type",
                "whip-restored", "--division", "south", "--member", "Lab S1", "--note", "after investigation").out())
                .contains("already recorded; nothing changed");

        Cli list = ok("event", "list", "--db", url, "--org", "local.testshire");
        assertThat(list.out()).contains("2022-09-01  resignation", "moved away", "Con X", "Lab Y", "after investigation");
        assertThat(list.out().lines().count()).isEqualTo(2 + 7);

        assertThat(controlAt(url, "2022-08-31")).isEqualTo("Lab"); // Lab 5 of 9
        assertThat(controlAt(url, "2022-09-01")).isEqualTo("NOC"); // Lab 4, 1 vacant: vacancies do not lower the 5
        assertThat(controlAt(url, "2022-11-10")).isEqualTo("NOC"); // Lab 4, Con 3, LD 2
        assertThat(controlAt(url, "2023-02-01")).isEqualTo("Lab"); // LD E2 joins Labour: Lab 5
        assertThat(controlAt(url, "2023-06-01")).isEqualTo("NOC"); // Lab 4, Lab (whip suspended) 1
        assertThat(controlAt(url, "2023-09-01")).isEqualTo("NOC"); // Con E3 dies
        assertThat(controlAt(url, "2023-11-01")).isEqualTo("Lab"); // Lab Y wins East: Lab 5
        Cli at = ok("analyse", "composition", "--db", url, "local.testshire", "--at", "2024-03-01", "--timeline");
        assertThat(at.out()).contains("local.testshire from local.testshire.2022-05-05, 7 events since",
                "Composition at 2024-03-01: 9 seats, 5 for a majority", "Control: Lab majority of 3",
                "By-election in North: Con X (Con) elected", "LD E2 (East) joins Lab", "Lab S1 (South) has the whip suspended");
        JsonNode j = JSON.readTree(ok("analyse", "composition", "--db", url, "--format", "json", "local.testshire",
                "--at", "2024-03-01").out());
        assertThat(j.at("/composition/vacant").asInt()).isZero();
        assertThat(AnalyseCommandTest.party(j.at("/composition/byGroup"), "Lab").get("seats").asInt()).isEqualTo(6);
        assertThat(AnalyseCommandTest.party(j.at("/composition/byGroup"), "Con").get("seats").asInt()).isEqualTo(2);
        assertThat(AnalyseCommandTest.party(j.at("/composition/byGroup"), "LD").get("seats").asInt()).isEqualTo(1);
    }

    @Test
    void composition_afterTheNextElection_startsFromIt_andLeavesEarlierEventsOut() throws IOException {
        String url = council(TestDatabase.H2);
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, EVENTS);
        ok("event", "import", "--db", url, csv.toString());
        Cli r = ok("analyse", "composition", "--db", url, "local.testshire", "--at", "2026-06-01");
        assertThat(r.out()).contains("from local.testshire.2026-05-07, 0 events since",
                "Control: No overall control (Lab largest, 1 short)");
        // --timeline runs across every election stored (2018, 2022, 2026): each result, and the events after 2022's.
        Cli t = ok("analyse", "composition", "--db", url, "local.testshire", "--at", "2026-06-01", "--timeline");
        assertThat(t.out()).contains("local.testshire: composition across 3 elections, 2018-05-03 to 2026-05-07")
                .containsSubsequence("2018-05-03  election result", "Con majority of 1",
                        "2022-05-05  election result", "Lab majority of 1 (changed)",
                        "2022-09-01  event", "(changed)", "2022-11-10  event", "By-election in North: Con X (Con) elected",
                        "2023-06-01  event", "2026-05-07  election result", "No overall control (Lab largest, 1 short)\n");
        JsonNode j = JSON.readTree(ok("analyse", "composition", "--db", url, "--format", "json", "local.testshire",
                "--at", "2026-06-01", "--timeline").out());
        assertThat(j.at("/history/elections").size()).isEqualTo(3);
        assertThat(j.at("/history/steps/0/source").asString()).isEqualTo("ELECTION_RESULT");
        assertThat(j.at("/history/steps").size()).isEqualTo(3 + 4);
        assertThat(j.at("/history/steps/6/controlChanged").asBoolean()).isFalse(); // NOC after the events, NOC in 2026
    }

    @Test
    void badEventsFile_recordsNothing_andSaysWhere() throws IOException {
        String url = council(TestDatabase.H2);
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, EVENTS + "2023-13-01,local.testshire,death,east,Con E3,,,\n");
        Cli r = Cli.run("event", "import", "--db", url, csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(csv + ":6:1: expected a date YYYY-MM-DD, found '2023-13-01'", "Nothing was recorded.");
        Files.writeString(csv, EVENTS + "2023-09-01,local.testshire,death,west,Con E3,,,\n");
        Cli division = Cli.run("event", "import", "--db", url, csv.toString());
        assertThat(division.err()).contains(csv + ":6:4: no division 'west' of local.testshire in the store");
        Files.writeString(csv, EVENTS + "2023-09-01,local.testshire,defection,east,Con E3,,,\n");
        assertThat(Cli.run("event", "import", "--db", url, csv.toString()).err())
                .contains(":6:7: a defection needs the party joined");
        Files.writeString(csv, EVENTS + "2023-09-01,local.testshire,elopement,east,Con E3,,,\n");
        assertThat(Cli.run("event", "import", "--db", url, csv.toString()).err())
                .contains(":6:3: expected an event type (by-election, defection");
        assertThat(ok("event", "list", "--db", url, "--org", "local.testshire").out()).contains("No events stored");
    }

    @Test
    void eventThatDoesNotFit_isRefusedWhenRecorded_withItsDate() {
        String url = council(TestDatabase.H2);
        Cli r = Cli.run("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-01-05", "--type",
                "by-election", "--division", "north", "--member", "Lab Z", "--party", "Lab");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2023-01-05: by-election in North but no seat there is vacant", "Nothing was recorded.");
        assertThat(ok("analyse", "composition", "--db", url, "local.testshire", "--at", "2023-06-01").out())
                .contains("0 events since");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void memberWhoDoesNotSit_orUnknownParty_isRefused_andTheCompositionStillWorks(TestDatabase db) throws IOException {
        String url = council(db);
        Cli nobody = Cli.run("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-03-01", "--type",
                "whip-suspended", "--division", "north", "--member", "Nobody Here");
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.out()).doesNotContain("Recorded");
        assertThat(nobody.err()).contains("Nobody Here does not sit for", "Nothing was recorded.");
        Cli party = Cli.run("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-03-01", "--type",
                "defection", "--division", "north", "--member", "Lab N1", "--to-party", "Whig");
        assertThat(party.exit()).isEqualTo(2);
        assertThat(party.err()).contains("no party 'Whig' in the store");
        // in a file: the row and column, and nothing of the file recorded
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, EVENTS + "2023-07-01,local.testshire,death,south,Nobody Here,,,\n");
        Cli file = Cli.run("event", "import", "--db", url, csv.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains(csv + ":6:5: 2023-07-01: Nobody Here does not sit for", "Nothing was recorded.");
        assertThat(ok("event", "list", "--db", url, "--org", "local.testshire").out()).contains("No events stored");
        assertThat(controlAt(url, "2023-08-01")).isEqualTo("Lab");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void removeAndCorrect_areAudited_andChecked(TestDatabase db) throws IOException {
        String url = council(db);
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, EVENTS);
        ok("event", "import", "--db", url, csv.toString());
        JsonNode events = JSON.readTree(ok("event", "list", "--db", url, "--org", "local.testshire", "--format", "json").out());
        long resignation = events.get(0).get("id").asLong();
        long defection = events.get(2).get("id").asLong();
        // the by-election after it needs the vacancy: removing the resignation alone is refused
        Cli refused = Cli.run("event", "remove", "--db", url, "--id", Long.toString(resignation), "--reason", "typo");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("by-election in North but no seat there is vacant", "Nothing was changed.");
        // the defection was really to the Conservatives
        assertThat(controlAt(url, "2023-02-01")).isEqualTo("Lab");
        ok("event", "correct", "--db", url, "--id", Long.toString(defection), "--reason", "misread the minutes",
                "--org", "local.testshire", "--date", "2023-02-01", "--type", "defection", "--division", "E05900003",
                "--member", "LD E2", "--party", "LD", "--to-party", "Con");
        assertThat(controlAt(url, "2023-02-01")).isEqualTo("NOC");
        // the whip suspension was an expulsion
        long whip = JSON.readTree(ok("event", "list", "--db", url, "--org", "local.testshire", "--format", "json").out())
                .get(3).get("id").asLong();
        assertThat(ok("event", "remove", "--db", url, "--id", Long.toString(whip), "--reason", "was an expulsion").out())
                .contains("Removed event " + whip);
        ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-06-01", "--type", "expulsion",
                "--division", "south", "--member", "Lab S1", "--party", "Lab");
        ok("event", "add", "--db", url, "--org", "local.testshire", "--date", "2023-07-01", "--type", "whip-given-up",
                "--division", "east", "--member", "Con E3");
        Cli at = ok("analyse", "composition", "--db", url, "local.testshire", "--at", "2023-08-01", "--timeline");
        assertThat(at.out()).contains("Lab S1 (South) is expelled from their party; sits as Ind",
                "Con E3 (East) gives up the whip", "LD E2 (East) joins Con");
        JsonNode j = JSON.readTree(ok("analyse", "composition", "--db", url, "--format", "json", "local.testshire",
                "--at", "2023-08-01").out());
        assertThat(AnalyseCommandTest.party(j.at("/composition/byGroup"), "Ind").get("seats").asInt()).isEqualTo(1);
        assertThat(AnalyseCommandTest.party(j.at("/composition/byGroup"), "Con (whip given up)").get("seats").asInt())
                .isEqualTo(1);
        // a removed event cannot be removed again; the old rows are kept and marked
        Cli again = Cli.run("event", "remove", "--db", url, "--id", Long.toString(whip), "--reason", "again");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("no event " + whip);
        try (org.tallyroom.store.Store s = org.tallyroom.store.Store.open(url)) {
            var rows = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT removal_reason, removed_by FROM events "
                    + "WHERE removed_at IS NOT NULL ORDER BY id").mapToMap().list());
            assertThat(rows).extracting(r -> r.get("removal_reason"))
                    .containsExactly("misread the minutes", "was an expulsion");
            assertThat(rows).allSatisfy(r -> assertThat(r.get("removed_by")).isNotNull());
        }
    }

    @Test
    void addUnknownOrganisation_isRefused() {
        String url = council(TestDatabase.H2);
        Cli r = Cli.run("event", "add", "--db", url, "--org", "local.nowhere", "--date", "2023-01-05", "--type", "death",
                "--division", "north", "--member", "X");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no organisation 'local.nowhere' in the store");
    }
}
