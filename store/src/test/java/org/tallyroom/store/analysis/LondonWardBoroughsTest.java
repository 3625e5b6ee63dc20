package org.tallyroom.store.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tallyroom.io.gla.GssCode;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.testing.SharedData;

/**
 * The maintained borough table (london-2016-ward-boroughs.csv) against the files it describes: every row
 * of every 2016 results file is in it, each ward's borough is the one London Elects' 2014 borough results
 * give its code, its constituency the one gss-codes.csv gives, and each row placed by position sits in its
 * borough's block of wards.
 */
class LondonWardBoroughsTest {
    private static Map<String, String> boroughOfCode() throws Exception {
        Map<String, String> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(SharedData.path("uk/london-boroughs/2014-candidates.csv"))) {
            for (NamedCsvRecord r : csv) {
                out.put(r.getField("Ward_code"), r.getField("Borough_code"));
            }
        }
        return out;
    }

    @Test
    void everyRowOfEveryFile_isInTheTable_withItsKindAndCode() throws Exception {
        London2016 london = London2016.read(SharedData.path("uk/london-2016"));
        List<WardRow> rows = new ArrayList<>(london.mayorFirstPreferences().rows());
        rows.addAll(london.londonMembers().rows());
        int constituencyRows = 0;
        for (String c : london.constituencyNames()) {
            for (WardRow r : london.constituency(c).rows()) {
                rows.add(new WardRow(r.line(), r.gssCode(), c, r.ward(), r.kind(), r.votes(), r.reasons()));
                constituencyRows++;
            }
        }
        assertThat(constituencyRows).isEqualTo(london.mayorFirstPreferences().rows().size());
        for (WardRow r : rows) {
            LondonWardBoroughs.Row t = LondonWardBoroughs.of(r.constituency(), r.ward()).orElse(null);
            assertThat(t).as("%s in %s", r.ward(), r.constituency()).isNotNull();
            assertThat(t.wardGss()).as(r.ward()).isEqualTo(r.gssCode());
            assertThat(t.kind()).as(r.ward()).isEqualTo(switch (r.kind()) {
                case WARD -> "ward";
                case POSTAL -> "postal";
                case UNDIVIDED_AREA -> "undivided-area";
            });
        }
        assertThat(LondonWardBoroughs.all()).hasSize(london.mayorFirstPreferences().rows().size());
    }

    @Test
    void boroughs_areThe2014Files_byCode_andThePostalRowsSitInTheirBoroughsBlock() throws Exception {
        Map<String, String> byCode = boroughOfCode();
        London2016 london = London2016.read(SharedData.path("uk/london-2016"));
        Map<String, String> constituencyOfCode = new HashMap<>();
        for (GssCode g : london.gssCodes()) {
            constituencyOfCode.put(g.code(), g.constituency());
        }
        WardResultsFile mayor = london.mayorFirstPreferences();
        Set<String> repeated = mayor.duplicateGssCodes();
        List<LondonWardBoroughs.Row> table = LondonWardBoroughs.all();
        Map<String, Set<String>> constituenciesOfBorough = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            LondonWardBoroughs.Row t = table.get(i);
            WardRow r = mayor.rows().get(i);
            assertThat(t.row()).isEqualTo(r.ward());
            constituenciesOfBorough.computeIfAbsent(t.borough(), k -> new TreeSet<>()).add(t.constituency());
            if (!t.wardGss().isEmpty()) {
                // gss-codes.csv is the hierarchy: the code's constituency is the row's.
                assertThat(constituencyOfCode.get(t.wardGss())).as(t.row()).isEqualTo(t.constituency());
            }
            switch (t.basis()) {
                case "code" -> assertThat(byCode.get(t.wardGss())).as(t.row()).isEqualTo(t.boroughGss());
                case "city" -> {
                    assertThat(t.boroughGss()).isEqualTo("E09000001");
                    assertThat(r.kind()).isIn(WardRow.Kind.UNDIVIDED_AREA, WardRow.Kind.POSTAL);
                }
                case "position" -> {
                    assertThat(t.wardGss().isEmpty() || repeated.contains(t.wardGss())).as(t.row()).isTrue();
                    String before = neighbour(table, byCode, repeated, i, -1);
                    String after = neighbour(table, byCode, repeated, i, 1);
                    assertThat(List.of(before, after)).as("%s between %s and %s", t.row(), before, after)
                            .contains(t.boroughGss());
                }
                default -> throw new AssertionError("basis " + t.basis());
            }
        }
        // Each repeated code: one row in the code's own borough, the other(s) placed by position elsewhere.
        for (String code : repeated) {
            assertThat(table.stream().filter(t -> t.wardGss().equals(code) && t.basis().equals("code"))).hasSize(1);
        }
        assertThat(constituenciesOfBorough).hasSize(33);
        constituenciesOfBorough.forEach((b, cs) -> assertThat(cs).as(b).hasSize(1));
        Set<String> codes = new HashSet<>();
        table.forEach(t -> codes.add(t.boroughGss()));
        assertThat(codes).hasSize(33);
    }

    /** The borough of the nearest row whose code is its own (not repeated), before or after row i; "" at an end. */
    private static String neighbour(List<LondonWardBoroughs.Row> table, Map<String, String> byCode, Set<String> repeated,
                                    int i, int step) {
        for (int j = i + step; j >= 0 && j < table.size(); j += step) {
            String code = table.get(j).wardGss();
            if (!code.isEmpty() && !repeated.contains(code)) {
                return byCode.get(code);
            }
        }
        return "";
    }

    @Test
    void theTableNamesItsSources() throws Exception {
        try (var in = LondonWardBoroughs.class.getResourceAsStream("london-2016-ward-boroughs.csv")) {
            String head = new String(in.readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(head).contains("Sources").contains("2014-candidates.csv").contains("gss-codes.csv");
        }
    }
}
