package org.tallyroom.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.io.InputException;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;

/**
 * Open Council Data UK's composition files imported as control facts, on H2 and PostgreSQL, and Barnet's
 * control read back as one timeline with its stored elections: no overall control 1994-2002 and
 * Conservative control otherwise since 1973 until Labour took it in 2022 (the published history:
 * "Barnet, Conservative since 1964 except no overall control 1994-2002"), with the 2018 and 2022
 * elections imported from London Elects' files (Barnet's rows) in the periods they fall in.
 */
class CouncilControlTest {
    @TempDir
    Path dir;

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static List<Path> controlFiles() {
        Path d = SharedData.path("uk/council-control");
        return List.of(d.resolve("council-composition-1973-2015.csv"), d.resolve("council-composition-2016-2025.csv"));
    }

    private static ImportOutcome importControl(Store s, List<Path> files) throws Exception {
        return s.importSource(Source.of(files.toString(), files), CouncilControlImporter.NAME, "test",
                ingest -> CouncilControlImporter.load(files, ingest));
    }

    /** Barnet's rows of a London Elects file (header kept), the real figures of one borough. */
    private Path barnetOnly(Path file, Path into) throws Exception {
        // Byte for byte (ISO-8859-1 maps every byte to one char): the 2018 file is Latin-1, 2022 UTF-8.
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.contains(",Barnet,")).forEach(out::add);
        Files.createDirectories(into.getParent());
        return Files.write(into, out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void barnet_controlTimeline_fromTheFile_withTheElectionsStored(TestDatabase db) throws Exception {
        Path boroughs = SharedData.path("uk/london-boroughs");
        Path y2018 = barnetOnly(boroughs.resolve("2018-candidates.csv"), dir.resolve("b/2018-candidates.csv"));
        Path y2022 = barnetOnly(boroughs.resolve("2022-candidates.csv"), dir.resolve("b/2022-candidates.csv"));
        Path w2022 = barnetOnly(boroughs.resolve("2022-wards.csv"), dir.resolve("b/2022-wards.csv"));
        Path lookup = boroughs.resolve("party-name-lookup.csv");
        try (Store s = Store.open(db.freshUrl(dir))) {
            s.importSource(Source.of(y2018), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2018, null, lookup, null, ingest));
            s.importSource(Source.of("2022", List.of(y2022, w2022)), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2022, w2022, lookup, null, ingest));

            ImportOutcome first = importControl(s, controlFiles());
            assertThat(first.alreadyImported()).isFalse();
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("councils matched to organisations already stored"));
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).startsWith("not stored, two councils of one name")
                    .contains("Durham 2008"));
            long facts = count(s, "SELECT COUNT(*) FROM council_compositions");
            long rows = dataRows(controlFiles());
            assertThat(facts).isGreaterThan(rows - 100).isLessThanOrEqualTo(rows);

            ControlHistory.Timeline t = ControlHistory.of(s, OrganisationId.parse("local.barnet"));
            List<String> periods = t.periods().stream().map(ControlHistory.Period::describe).toList();
            assertThat(periods).containsSubsequence("No overall control 1994-2002", "Conservative control 2002-2022",
                    "Labour control from 2022");
            assertThat(periods.get(0)).startsWith("Conservative control 1973-");
            assertThat(t.year(2014).orElseThrow().control()).isEqualTo("Con");
            assertThat(t.year(2014).orElseThrow().composition()).isEqualTo("Con 32, Lab 30, LD 1 of 63");
            // The file's zeros (Other 0, Nat 0) are left out: a group is stored where it holds seats, most first.
            assertThat(t.year(2014).orElseThrow().byParty()).containsExactly(entry("Con", 32), entry("Lab", 30), entry("LD", 1));
            assertThat(text(s, "SELECT c.seats_by_group FROM council_compositions c JOIN organisations o "
                    + "ON c.organisation_id = o.id WHERE o.slug = 'barnet' AND c.as_of_year = 2014")).isEqualTo("Con=32;Lab=30;LD=1");
            assertThat(count(s, "SELECT COUNT(*) FROM council_compositions WHERE seats_by_group LIKE '%=0;%' "
                    + "OR seats_by_group LIKE '%=0'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM council_compositions WHERE seats_by_group = ''")).isLessThan(50);
            List<String> lines1973 = Files.readAllLines(controlFiles().get(0), CP1252);
            int line2014 = 1 + java.util.stream.IntStream.range(0, lines1973.size())
                    .filter(i -> lines1973.get(i).contains(",Barnet,2014,")).findFirst().orElseThrow();
            assertThat(t.year(2014).orElseThrow().source()).isEqualTo(controlFiles().get(0) + ":" + line2014);

            assertThat(t.elections()).extracting(ControlHistory.ElectionPoint::electionId)
                    .containsExactly("local.barnet.2018-05-03", "local.barnet.2022-05-05");
            assertThat(t.elections()).extracting(ControlHistory.ElectionPoint::controlParty).containsExactly("Con", "Lab");
            assertThat(t.elections().get(0).control()).isEqualTo("Con majority of 13");
            assertThat(t.elections().get(1).control()).isEqualTo("Lab majority of 19");
            // Each election's control agrees with the year's fact, and 2014 -> 2018 -> 2022 read in order on one timeline.
            assertThat(t.year(2018).orElseThrow().control()).isEqualTo("Con");
            assertThat(t.year(2022).orElseThrow().control()).isEqualTo("Lab");
            String text = ControlHistory.text(t, true);
            assertThat(text).containsSubsequence("No overall control 1994-2002", "Conservative control 2002-2022",
                    "  2014: Con 32, Lab 30, LD 1 of 63", "  2018: Con 38, Lab 25 of 63",
                    "  2018-05-03 election local.barnet.2018-05-03: Con 38, Lab 25 of 63, Con majority of 13",
                    "Labour control from 2022", "  2022-05-05 election local.barnet.2022-05-05: Lab 41, Con 22 of 63, "
                            + "Lab majority of 19");
            assertThat(text).contains("Open Council Data UK").doesNotContain("the composition file:");

            ImportOutcome again = importControl(s, controlFiles());
            assertThat(again.alreadyImported()).isTrue();
            // The same facts under other bytes (a copy with CRLF line ends): nothing added or replaced.
            Path copy = dir.resolve("crlf.csv");
            Files.writeString(copy, String.join("\r\n", Files.readAllLines(controlFiles().get(1), CP1252)) + "\r\n", CP1252);
            ImportOutcome crlf = importControl(s, List.of(copy));
            assertThat(crlf.notes()).anySatisfy(n -> assertThat(n).contains(" 0 new, ").contains(" 0 replaced"));
            assertThat(count(s, "SELECT COUNT(*) FROM council_compositions")).isEqualTo(facts);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBadRow_importsNothing_andSaysWhere(TestDatabase db) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(controlFiles().get(1), CP1252));
        lines.set(14, lines.get(14).replace("\"Con\"", "\"Conn\""));
        Path bad = Files.write(dir.resolve("bad.csv"), lines, CP1252);
        try (Store s = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> importControl(s, List.of(controlFiles().get(0), bad)))
                    .isInstanceOf(InputException.class).hasMessageContaining("bad.csv:15:15: expected a control such as");
            assertThat(count(s, "SELECT COUNT(*) FROM council_compositions")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM organisations")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCouncilYearWithOtherFigures_isReplaced_andSaysSo(TestDatabase db) throws Exception {
        List<String> lines = Files.readAllLines(controlFiles().get(1), CP1252);
        int row = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("\"Barnet\",2016,"))
                .findFirst().orElseThrow();
        Path one = Files.write(dir.resolve("barnet.csv"), List.of(lines.get(0), lines.get(row)), CP1252);
        // Two Conservative seats go to the Liberal Democrats (con and ld are the sixth and eighth fields).
        String[] f = lines.get(row).split(",", -1);
        f[5] = String.valueOf(Integer.parseInt(f[5]) - 2);
        f[7] = String.valueOf(Integer.parseInt(f[7]) + 2);
        Path other = Files.write(dir.resolve("barnet-corrected.csv"), List.of(lines.get(0), String.join(",", f)), CP1252);
        try (Store s = Store.open(db.freshUrl(dir))) {
            importControl(s, List.of(one));
            java.util.Map<String, Integer> before = ControlHistory.of(s, OrganisationId.parse("local.barnet")).year(2016)
                    .orElseThrow().byParty();
            ImportOutcome corrected = importControl(s, List.of(other));
            assertThat(corrected.notes()).anySatisfy(n -> assertThat(n).contains(" 1 replaced"));
            java.util.Map<String, Integer> after = ControlHistory.of(s, OrganisationId.parse("local.barnet")).year(2016)
                    .orElseThrow().byParty();
            assertThat(after.get("Con")).isEqualTo(before.get("Con") - 2);
            assertThat(after.get("LD")).isEqualTo(before.getOrDefault("LD", 0) + 2);
            assertThat(count(s, "SELECT COUNT(*) FROM council_compositions")).isEqualTo(1);
        }
    }

    private static String text(Store s, String sql) {
        return org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static long count(Store s, String sql) {
        return org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long dataRows(List<Path> files) throws Exception {
        long n = 0;
        for (Path f : files) {
            n += Files.readAllLines(f, CP1252).stream().skip(1).filter(l -> !l.replace(",", "").isBlank()).count();
        }
        return n;
    }
}
