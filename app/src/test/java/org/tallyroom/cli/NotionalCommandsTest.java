package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/**
 * {@code import hoc-notional} and {@code analyse national} against the notional results, and {@code import notional}
 * (a council's) with {@code analyse council}, through the CLI.
 */
class NotionalCommandsTest {
    @TempDir
    Path dir;

    private static Path westminster(String name) {
        return SharedData.path("uk/westminster/" + name);
    }

    @Test
    void ge2024_comparedWithNotional2019_bydefault_namingTheBasis() {
        String url = TestDatabase.H2.freshUrl(dir);
        Cli ge = Cli.run("import", "hoc-candidates", "--db", url, westminster("ge2024-results-by-candidate.csv").toString(),
                "--constituencies", westminster("ge2024-results-by-constituency.csv").toString());
        assertThat(ge.exit()).as(ge.err()).isZero();
        String notional = westminster("ge2019-notional-2024-boundaries-by-candidate.csv").toString();
        Cli first = Cli.run("import", "hoc-notional", "--db", url, notional);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("notional 2019 results on the 2024 boundaries");
        Cli again = Cli.run("import", "hoc-notional", "--db", url, notional);
        assertThat(again.exit()).as(again.err()).isZero();

        Cli r = Cli.run("analyse", "national", "--db", url, "parl.2024-07-04");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("against notional 2019 results on the 2024 boundaries: 650 seats")
                .contains("Basis of change and seats changing hands: against notional 2019 results on the 2024 boundaries")
                .containsPattern("(?m)^Lab +411 +\\+\\d+ ");
        Cli json = Cli.run("analyse", "national", "--db", url, "--format", "json", "parl.2024-07-04",
                "--compare", "parl.2019-12-12");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).containsPattern("\"previousName\" *: *\"notional 2019 results on the 2024 boundaries\"");
    }

    @Test
    void aFileOfRealResults_isRefusedWithItsPlace_exitTwo() throws Exception {
        List<String> lines = Files.readAllLines(westminster("ge2019-notional-2024-boundaries-by-candidate.csv"),
                StandardCharsets.UTF_8);
        List<String> bad = new ArrayList<>(lines.subList(0, 10));
        bad.set(4, bad.get(4).replace(",2019-12-12,true,", ",2019-12-12,false,"));
        Path file = Files.write(dir.resolve("ge2019.csv"), bad, StandardCharsets.UTF_8);
        Cli r = Cli.run("import", "hoc-notional", "--db", TestDatabase.H2.freshUrl(dir), file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ge2019.csv:5:8");
    }

    /** TEST FIXTURE, hand-made (not published figures): notional 2018 seats for three 2022 Barnet wards. */
    private static final String COUNCIL_FIXTURE = """
            ward_gss,ward_name,seats,party,notional_seats
            E05013628,Barnet Vale,3,Conservative and Unionist Party,2
            E05013628,Barnet Vale,3,Labour Party,1
            E05013644,High Barnet,2,Conservative and Unionist Party,2
            E05013647,Underhill,2,Labour Party,2
            """;

    /** The real rows of a London Elects file whose line contains one of {@code codes} (header kept). */
    private Path rows(String name, List<String> codes) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("uk/london-boroughs/" + name), StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> codes.stream().anyMatch(l::contains)).forEach(out::add);
        Files.createDirectories(dir.resolve("b"));
        return Files.write(dir.resolve("b/" + name), out, StandardCharsets.ISO_8859_1);
    }

    @Test
    void councilNotional_import_thenAnalyseCouncil_againstIt_namingTheBasis() throws Exception {
        String url = TestDatabase.H2.freshUrl(dir);
        rows("2022-wards.csv", List.of(",E05013628,", ",E05013644,", ",E05013647,")); // found beside the candidates file
        Files.copy(SharedData.path("uk/london-boroughs/party-name-lookup.csv"), dir.resolve("b/party-name-lookup.csv"));
        for (Path f : List.of(rows("2018-candidates.csv", List.of("E05000056,", "E05000060,")),
                rows("2022-candidates.csv", List.of(",E05013628,", ",E05013644,", ",E05013647,")))) {
            Cli r = Cli.run("import", "london-borough", "--db", url, f.toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Cli whole = Cli.run("analyse", "council", "--db", url, "local.barnet.2022-05-05");
        assertThat(whole.out()).contains("whole-council");

        Path fixture = Files.writeString(dir.resolve("notional.csv"), COUNCIL_FIXTURE);
        Cli imp = Cli.run("import", "notional", "--db", url, fixture.toString(), "--election", "local.barnet.2018-05-03",
                "--boundaries", "2022-05-05");
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("3 wards, 7 seats: notional 2018 results on the 2022 wards", "seats only");
        Cli again = Cli.run("import", "notional", "--db", url, fixture.toString(), "--election", "local.barnet.2018-05-03",
                "--boundaries", "2022-05-05");
        assertThat(again.out()).contains("already imported; nothing changed");

        Cli r = Cli.run("analyse", "council", "--db", url, "local.barnet.2022-05-05");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Basis: against notional 2018 results on the 2022 wards (local.barnet.2018-05-03 recast "
                + "on the wards in force from 2022-05-05): 3 wards notional")
                .containsPattern("(?m)^Lab +3 +6 +3 +0 +\\+3$").containsPattern("(?m)^Con +4 +1 +0 +3 +-3$");
    }

    @Test
    void aBadCouncilNotionalFile_isLocated_exitTwo_nothingImported() throws Exception {
        String url = TestDatabase.H2.freshUrl(dir);
        Path bad = Files.writeString(dir.resolve("bad.csv"), COUNCIL_FIXTURE.replace("Underhill,2,Labour Party,2",
                "Underhill,2,Labour Party,two"));
        Cli r = Cli.run("import", "notional", "--db", url, bad.toString(), "--election", "local.barnet.2018-05-03",
                "--boundaries", "2022-05-05");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:5:5: expected notional seats", "Nothing was imported.");
        Cli early = Cli.run("import", "notional", "--db", url, dir.resolve("notional.csv").toString(), "--election",
                "local.barnet.2018-05-03", "--boundaries", "2018-05-03");
        assertThat(early.exit()).isEqualTo(2);
    }
}
