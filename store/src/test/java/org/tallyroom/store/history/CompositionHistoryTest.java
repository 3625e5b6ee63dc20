package org.tallyroom.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.io.CsvFile;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;

/**
 * Barnet's composition on one timeline across its 2014, 2018 and 2022 elections (London Elects' files,
 * Barnet's rows) with the council-control facts before them, on H2 and PostgreSQL. The control after each
 * election is worked out here from the candidates file's own elected flags, and checked against the
 * council-control file's row for that year.
 */
class CompositionHistoryTest {
    @TempDir
    Path dir;

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Path barnetOnly(Path file, Path into) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.contains(",Barnet,")).forEach(out::add);
        Files.createDirectories(into.getParent());
        return Files.write(into, out, StandardCharsets.ISO_8859_1);
    }

    /** The party with a majority of the seats elected in a candidates file, by its first three letters, or "" for none. */
    private static String controlFromFile(Path file, String partyColumn, String electedColumn, String yes) throws Exception {
        List<CsvFile.Row> rows = CsvFile.readAll(file);
        List<String> header = rows.get(0).fields().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        int party = header.indexOf(partyColumn);
        int elected = header.indexOf(electedColumn);
        Map<String, Integer> seats = new HashMap<>();
        int total = 0;
        for (CsvFile.Row r : rows.subList(1, rows.size())) {
            if (r.field(elected).strip().equalsIgnoreCase(yes)) {
                String name = r.field(party).strip().toLowerCase(Locale.ROOT);
                seats.merge(name.substring(0, Math.min(3, name.length())), 1, Integer::sum);
                total++;
            }
        }
        int threshold = total / 2 + 1;
        return seats.entrySet().stream().filter(e -> e.getValue() >= threshold).map(Map.Entry::getKey).findFirst().orElse("");
    }

    /** The majority column ("Con", "NOC") of the council-control file's row for Barnet in {@code year}. */
    private static String controlInFactsFile(Path file, int year) throws Exception {
        List<CsvFile.Row> rows = CsvFile.readAll(file);
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int authority = header.indexOf("authority");
        int y = header.indexOf("year");
        int majority = header.indexOf("majority");
        return rows.stream().filter(r -> "Barnet".equals(r.field(authority)) && String.valueOf(year).equals(r.field(y)))
                .findFirst().orElseThrow().field(majority);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void barnet_2014_2018_2022_onOneTimeline_withTheControlFactsBefore(TestDatabase db) throws Exception {
        Path boroughs = SharedData.path("uk/london-boroughs");
        Path lookup = boroughs.resolve("party-name-lookup.csv");
        Path y2014 = barnetOnly(boroughs.resolve("2014-candidates.csv"), dir.resolve("b/2014-candidates.csv"));
        Path y2018 = barnetOnly(boroughs.resolve("2018-candidates.csv"), dir.resolve("b/2018-candidates.csv"));
        Path y2022 = barnetOnly(boroughs.resolve("2022-candidates.csv"), dir.resolve("b/2022-candidates.csv"));
        Path w2022 = barnetOnly(boroughs.resolve("2022-wards.csv"), dir.resolve("b/2022-wards.csv"));
        Path control = SharedData.path("uk/council-control");
        List<Path> facts = List.of(control.resolve("council-composition-1973-2015.csv"),
                control.resolve("council-composition-2016-2025.csv"));
        try (Store s = Store.open(db.freshUrl(dir))) {
            s.importSource(Source.of(y2014), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2014, null, lookup, null, ingest));
            s.importSource(Source.of(y2018), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2018, null, lookup, null, ingest));
            s.importSource(Source.of("2022", List.of(y2022, w2022)), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2022, w2022, lookup, null, ingest));
            s.importSource(Source.of(facts.toString(), facts), CouncilControlImporter.NAME, "test",
                    ingest -> CouncilControlImporter.load(facts, ingest));

            CompositionHistory.History h = CompositionHistory.of(s, OrganisationId.parse("local.barnet"), LocalDate.of(2025, 1, 1));
            assertThat(h.elections()).containsExactly("local.barnet.2014-05-22", "local.barnet.2018-05-03",
                    "local.barnet.2022-05-05");
            List<CompositionHistory.Step> elections = h.steps().stream()
                    .filter(st -> st.source() == CompositionHistory.Source.ELECTION_RESULT).toList();
            assertThat(elections).extracting(CompositionHistory.Step::reference).containsExactlyElementsOf(h.elections());
            // Each election's control, from the candidates files' own elected flags.
            assertThat(key(elections.get(0))).isEqualTo(controlFromFile(y2014, "party", "elected_flag", "Yes")).isEqualTo("con");
            assertThat(key(elections.get(1))).isEqualTo(controlFromFile(y2018, "party", "elected_flag", "Yes")).isEqualTo("con");
            assertThat(key(elections.get(2))).isEqualTo(controlFromFile(y2022, "party", "elected", "True")).isEqualTo("lab");
            // ... and the council-control file's rows for those years agree.
            assertThat(controlInFactsFile(facts.get(0), 2014)).isEqualTo("Con");
            assertThat(controlInFactsFile(facts.get(1), 2018)).isEqualTo("Con");
            assertThat(controlInFactsFile(facts.get(1), 2022)).isEqualTo("Lab");
            assertThat(elections.get(0).composition()).isEqualTo("Con 32, Lab 30, LD 1 of 63");
            assertThat(elections.get(1).controlChanged()).isFalse();
            assertThat(elections.get(2).controlChanged()).isTrue();

            // Before 2014, the control facts: each change of control, and the year before the first election.
            List<CompositionHistory.Step> before = h.steps().subList(0, h.steps().indexOf(elections.get(0)));
            assertThat(before).allSatisfy(st -> assertThat(st.source()).isEqualTo(CompositionHistory.Source.CONTROL_FACT));
            assertThat(before).extracting(CompositionHistory.Step::when).startsWith("1973").contains("1994", "2002").endsWith("2013");
            assertThat(before).filteredOn(st -> st.when().equals("1994")).singleElement()
                    .satisfies(st -> {
                        assertThat(st.what()).isEqualTo("No overall control");
                        assertThat(st.controlChanged()).isTrue();
                        assertThat(st.reference()).startsWith(facts.get(0) + ":");
                    });
            // After 2014 every step is an election (no control changed in a year without one).
            assertThat(h.steps().subList(before.size(), h.steps().size())).containsExactlyElementsOf(elections);

            String text = CompositionHistory.text(h);
            assertThat(text).startsWith("local.barnet: composition across 3 elections, 1973 to 2022-05-05")
                    .containsSubsequence("1994", "control fact", "No overall control", "2014-05-22", "election result",
                            "Con 32, Lab 30, LD 1 of 63", "2022-05-05", "Lab 41, Con 22 of 63", "Lab majority of 19 (changed)")
                    .contains("Control facts: Open Council Data UK");

            // At a date before 2022, the timeline stops at 2018.
            assertThat(CompositionHistory.of(s, OrganisationId.parse("local.barnet"), LocalDate.of(2021, 12, 31)).elections())
                    .containsExactly("local.barnet.2014-05-22", "local.barnet.2018-05-03");
        }
    }

    private static String key(CompositionHistory.Step st) {
        String p = st.controlParty().toLowerCase(Locale.ROOT);
        return p.substring(0, Math.min(3, p.length()));
    }
}
