package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code analyse wards --by}: the 2016 GLA results added up to boroughs and constituencies, from the CLI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WardRollupCommandTest {
    private String url;

    @BeforeAll
    void importLondon2016(@TempDir Path dir) {
        url = TestDatabase.H2.freshUrl(dir);
        Cli r = Cli.run("import", "london-2016", "--db", url, SharedData.path("uk/london-2016").toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** Barnet's first preferences from the file: the rows with Barnet's ward codes (2014 borough file) and its postal row. */
    private static Map<String, Long> barnetFromTheFile() throws Exception {
        Set<String> codes = new HashSet<>();
        try (var csv = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(SharedData.path("uk/london-boroughs/2014-candidates.csv"))) {
            csv.forEach(r -> {
                if (r.getField("Borough_name").equals("Barnet")) {
                    codes.add(r.getField("Ward_code"));
                }
            });
        }
        WardResultsFile first = London2016.read(SharedData.path("uk/london-2016")).mayorFirstPreferences();
        List<WardRow> rows = first.rows().stream()
                .filter(r -> codes.contains(r.gssCode()) || r.ward().equals("Barnet Postal")).toList();
        long[] t = first.totals(rows);
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < t.length; i++) {
            out.put(first.candidates().get(i), t[i]);
        }
        return out;
    }

    @Test
    void mayorByBorough_text_namesTheLeaderOfEachBorough_andChecksTheTotal() throws Exception {
        Map<String, Long> barnet = barnetFromTheFile();
        String leader = barnet.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long total = barnet.values().stream().mapToLong(Long::longValue).sum();
        Cli r = Cli.run("analyse", "wards", "--db", url, "mayor.london.2016-05-05", "--by", "borough");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Mayor of London by borough")
                .containsPattern("(?m)^Barnet +21 +" + String.format(java.util.Locale.UK, "%,d", total) + " .* " + leader + "$")
                .contains("of which postal votes", "City of London", "Boroughs led",
                        "the borough totals add up to the declared total of every candidate", WardRollup.TURNOUT)
                .doesNotContain("MISMATCH");
        assertThat(leader).isEqualTo("Zac GOLDSMITH");
    }

    @Test
    void mayorByBorough_json_hasExactSharesAndAllThirtyThreeAreas() throws Exception {
        Cli r = Cli.run("analyse", "wards", "--db", url, "mayor.london.2016-05-05", "--by", "borough", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        JsonNode areas = j.path("rollup").path("areas");
        assertThat(areas.size()).isEqualTo(33);
        JsonNode barnet = null;
        for (JsonNode a : areas) {
            if (a.path("line").path("wardName").asString().equals("Barnet")) {
                barnet = a;
            }
        }
        assertThat(barnet).isNotNull();
        assertThat(barnet.path("line").path("leaders").get(0).asString()).isEqualTo("Zac GOLDSMITH");
        JsonNode share = barnet.path("line").path("shares").get(0).path("share");
        assertThat(share.has("numerator") && share.has("denominator") && share.has("percent")).isTrue();
        assertThat(barnet.path("postal").path("total").asLong()).isEqualTo(postalTotal());
        assertThat(j.path("rollup").path("check").path("agrees").asBoolean()).isTrue();
    }

    private static long postalTotal() throws Exception {
        WardResultsFile first = London2016.read(SharedData.path("uk/london-2016")).mayorFirstPreferences();
        WardRow postal = first.rows().stream().filter(w -> w.ward().equals("Barnet Postal")).findFirst().orElseThrow();
        long sum = 0;
        for (long v : postal.votes()) {
            sum += v;
        }
        return sum;
    }

    @Test
    void listByConstituency_addsUpToTheDeclaration() {
        Cli r = Cli.run("analyse", "wards", "--db", url, "gla.a.2016-05-05", "--by", "constituency");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("by constituency", "Barnet and Camden", "West Central", "Constituencies led",
                "the constituency totals add up to the declared total of every candidate");
    }

    @Test
    void badLevel_orWithCompare_orUnknownBallot_isExit2WithTheReason() {
        Cli level = Cli.run("analyse", "wards", "--db", url, "mayor.london.2016-05-05", "--by", "ward");
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("expected borough or constituency, found 'ward'");
        Cli both = Cli.run("analyse", "wards", "--db", url, "mayor.london.2016-05-05", "--by", "borough",
                "--compare", "gla.a.2016-05-05");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--by adds up one contest");
        Cli none = Cli.run("analyse", "wards", "--db", url, "mayor.nowhere.2016-05-05", "--by", "borough");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no ballot 'mayor.nowhere.2016-05-05'");
    }
}
