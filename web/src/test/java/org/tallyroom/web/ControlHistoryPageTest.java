package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.history.CompositionHistory;
import org.tallyroom.store.history.CouncilControlImporter;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;

/**
 * Barnet's council page shows its control history (template council/control-history.jte) from the stored
 * control facts (the real council-control files, Barnet's rows) and the 2018 and 2022 elections (London
 * Elects' files, Barnet's rows); the organisation timeline's data carries the composition across both
 * elections, with the facts before them.
 */
class ControlHistoryPageTest {
    @TempDir
    Path dir;

    private Path rows(Path file, Charset cs, String marker, Path into) throws Exception {
        List<String> lines = Files.readAllLines(file, cs);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.contains(marker)).forEach(out::add);
        Files.createDirectories(into.getParent());
        return Files.write(into, out, cs);
    }

    @Test
    void barnet_councilPage_showsControlHistory_withSources() throws Exception {
        Path boroughs = SharedData.path("uk/london-boroughs");
        Path lookup = boroughs.resolve("party-name-lookup.csv");
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Path y2018 = rows(boroughs.resolve("2018-candidates.csv"), latin1, ",Barnet,", dir.resolve("b/2018-candidates.csv"));
        Path y2022 = rows(boroughs.resolve("2022-candidates.csv"), latin1, ",Barnet,", dir.resolve("b/2022-candidates.csv"));
        Path w2022 = rows(boroughs.resolve("2022-wards.csv"), latin1, ",Barnet,", dir.resolve("b/2022-wards.csv"));
        Path control = SharedData.path("uk/council-control");
        Charset cp1252 = Charset.forName("windows-1252");
        // Barnet's rows of each file: the 1973-2015 file is unquoted, the 2016-2025 one quotes its names.
        List<Path> facts = List.of(
                rows(control.resolve("council-composition-1973-2015.csv"), cp1252, ",Barnet,", dir.resolve("c/council-composition-1973-2015.csv")),
                rows(control.resolve("council-composition-2016-2025.csv"), cp1252, ",\"Barnet\",", dir.resolve("c/council-composition-2016-2025.csv")));
        try (Store s = Store.open(TestDatabase.H2.freshUrl(dir))) {
            s.importSource(Source.of(y2018), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2018, null, lookup, null, ingest));
            s.importSource(Source.of("2022", List.of(y2022, w2022)), LondonBoroughImporter.NAME, "test",
                    ingest -> LondonBoroughImporter.load(y2022, w2022, lookup, null, ingest));
            s.importSource(Source.of(facts.toString(), facts), CouncilControlImporter.NAME, "test",
                    ingest -> CouncilControlImporter.load(facts, ingest));
            ReadModel model = new ReadModel(s);

            ControlHistoryView view = model.controlHistory("local.barnet.2022-05-05").orElseThrow();
            assertThat(view.periods()).extracting(ControlHistoryView.Period::heading)
                    .containsSubsequence("No overall control 1994-2002", "Conservative control 2002-2022", "Labour control from 2022");
            String html = Templates.render("council/control-history.jte", view);
            assertThat(html).contains("<h2 id=\"control-history-h\">Control of Barnet, 1973-")
                    .containsSubsequence("<h3>No overall control 1994-2002</h3>", "<h3>Conservative control 2002-2022</h3>",
                            "<span class=\"when\">2018</span> <span class=\"source\">composition file</span>: Con 38, Lab 25 of 63",
                            "(council-composition-2016-2025.csv:",
                            "<a href=\"/elections/local.barnet.2018-05-03\">election: Con 38, Lab 25 of 63, Con majority of 13</a>",
                            "<h3>Labour control from 2022</h3>",
                            "<a href=\"/elections/local.barnet.2022-05-05\">election: Lab 41, Con 22 of 63, Lab majority of 19</a>")
                    .contains("Open Council Data UK").doesNotContain(dir.toString());
            // An election of an organisation with no control facts: no section.
            assertThat(model.controlHistory("parl.2019-12-12")).isEmpty();

            Views.Timeline t = model.timeline("barnet").orElseThrow();
            CompositionHistory.History h = t.composition();
            assertThat(h.elections()).containsExactly("local.barnet.2018-05-03", "local.barnet.2022-05-05");
            assertThat(h.steps().get(0).source()).isEqualTo(CompositionHistory.Source.CONTROL_FACT);
            assertThat(h.steps().get(0).when()).isEqualTo("1973");
            assertThat(h.steps()).filteredOn(st -> st.source() == CompositionHistory.Source.ELECTION_RESULT)
                    .extracting(CompositionHistory.Step::controlParty).containsExactly("Con", "Lab");
            String timelinePage = Templates.render("council/composition-timeline.jte", h);
            assertThat(timelinePage).contains("Composition across 2 elections")
                    .containsSubsequence(">1994</th><td>control fact</td><td>No overall control</td>",
                            "<a href=\"/elections/local.barnet.2022-05-05\">", "Lab majority of 19 (changed)");
        }
    }
}
