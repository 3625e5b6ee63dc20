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

/** {@code import hoc-notional} and {@code analyse national} against the notional results, through the CLI. */
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
}
