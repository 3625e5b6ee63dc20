package org.tallyroom.store.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.ward.AreaLevel;
import org.tallyroom.analysis.ward.Rollup;
import org.tallyroom.analysis.ward.RollupArea;
import org.tallyroom.analysis.ward.Rollups;
import org.tallyroom.analysis.ward.WardShare;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.London2016Importer;
import org.tallyroom.testing.SharedData;

/**
 * The 2016 GLA results as imported, rolled up to boroughs and constituencies from the store's ward rows,
 * against figures computed here from the files themselves.
 */
class StoredWardAreasTest {
    @TempDir
    Path dir;

    /** Each candidate's votes over the rows, by the file's column names. */
    private static Map<String, Long> sum(WardResultsFile f, List<WardRow> rows) {
        Map<String, Long> out = new HashMap<>();
        long[] t = f.totals(rows);
        for (int i = 0; i < t.length; i++) {
            out.put(f.candidates().get(i), t[i]);
        }
        return out;
    }

    private static Map<String, Long> votes(RollupArea a) {
        Map<String, Long> out = new HashMap<>();
        for (WardShare s : a.line().shares()) {
            out.put(s.name(), s.votes());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void london2016_rolledUpByBoroughAndConstituency_addsUpToTheFilesAndTheDeclarations(TestDatabase db) throws Exception {
        Path gla = SharedData.path("uk/london-2016");
        London2016 files = London2016.read(gla);
        try (Store store = Store.open(db.freshUrl(dir))) {
            store.importSource(London2016Importer.source(gla), London2016Importer.NAME, "test",
                    in -> London2016Importer.load(gla, in));
            StoredWardAreas stored = new StoredWardAreas(store);

            // Mayor, first preferences, by borough: 32 boroughs and the City, adding up to the London-wide totals.
            PlacedWards mayor = stored.wards("mayor.london.2016-05-05");
            Rollup byBorough = Rollups.rollup(mayor.contestName(), AreaLevel.BOROUGH, mayor.rows(), mayor.declared());
            assertThat(byBorough.areas()).hasSize(33);
            assertThat(byBorough.areas()).extracting(a -> a.line().wardName()).contains("City of London", "Barnet", "Westminster");
            assertThat(byBorough.check().agrees()).as(byBorough.check().toString()).isTrue();
            assertThat(byBorough.check().unplaced()).isEmpty();
            WardResultsFile first = files.mayorFirstPreferences();
            Map<String, Long> london = sum(first, first.rows());
            byBorough.total().shares().forEach(s -> assertThat(s.votes()).as(s.name()).isEqualTo(london.get(s.name())));
            // Zylinski: no column in the file, no declared total stored; said, not hidden.
            assertThat(byBorough.check().lines()).anySatisfy(l -> {
                assertThat(l.name()).isEqualTo("Prince ZYLINSKI");
                assertThat(l.declared()).isNull();
            });

            // Barnet from the files: the rows with Barnet's ward codes, and its postal votes.
            java.util.Set<String> barnetCodes = barnetCodes();
            List<WardRow> barnetRows = first.rows().stream().filter(r -> r.constituency().equals("Barnet & Camden"))
                    .filter(r -> r.ward().equals("Barnet Postal") || barnetCodes.contains(r.gssCode())).toList();
            assertThat(barnetRows).hasSize(22);
            Map<String, Long> barnet = sum(first, barnetRows);
            String leader = barnet.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            RollupArea b = byBorough.area("Barnet");
            assertThat(votes(b)).containsAllEntriesOf(barnet);
            assertThat(b.line().leaders()).containsExactly(leader);
            assertThat(leader).isEqualTo("Zac GOLDSMITH");
            assertThat(b.wards()).isEqualTo(21);
            WardRow postal = barnetRows.stream().filter(r -> r.ward().equals("Barnet Postal")).findFirst().orElseThrow();
            assertThat(votes(new RollupArea(b.postal(), 0, null))).containsAllEntriesOf(sum(first, List.of(postal)));
            assertThat(byBorough.area("E09000001").wards()).isOne(); // the City, counted whole as one row

            // The list by constituency: each constituency's rows of london-member.csv, and London-wide the declaration.
            PlacedWards list = stored.wards("gla.a.2016-05-05");
            Rollup listBy = Rollups.rollup(list.contestName(), AreaLevel.CONSTITUENCY, list.rows(), list.declared());
            assertThat(listBy.areas()).hasSize(14);
            assertThat(listBy.check().agrees()).as(listBy.check().toString()).isTrue();
            WardResultsFile members = files.londonMembers();
            for (String c : files.constituencyNames()) {
                assertThat(votes(listBy.area(c))).as(c).containsAllEntriesOf(sum(members, members.rowsOf(c)));
            }

            // Each constituency ballot: by borough and by constituency, adding up to its declared result.
            for (String c : files.constituencyNames()) {
                String id = "gla.c." + London2016.slug(c) + ".2016-05-05";
                PlacedWards w = stored.wards(id);
                Rollup byC = Rollups.rollup(w.contestName(), AreaLevel.CONSTITUENCY, w.rows(), w.declared());
                assertThat(byC.areas()).as(id).hasSize(1);
                assertThat(byC.check().agrees()).as(id).isTrue();
                WardResultsFile f = files.constituency(c);
                assertThat(votes(byC.areas().get(0))).as(id).containsAllEntriesOf(sum(f, f.rows()));
                Rollup byB = Rollups.rollup(w.contestName(), AreaLevel.BOROUGH, w.rows(), w.declared());
                assertThat(byB.areas()).as(id).hasSizeBetween(2, 4);
                assertThat(byB.check().agrees()).as(id).isTrue();
            }

            assertThatThrownBy(() -> stored.wards("mayor.nowhere.2016-05-05")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no ballot");
            assertThat(StoredWardAreas.published(store).wards("gla.a.2016-05-05").rows()).hasSameSizeAs(list.rows());
        }
    }

    /** Barnet's ward codes, from London Elects' 2014 borough results (the 2016 files use the 2014 wards). */
    private static java.util.Set<String> barnetCodes() throws Exception {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(SharedData.path("uk/london-boroughs/2014-candidates.csv"))) {
            csv.forEach(r -> {
                if (r.getField("Borough_name").equals("Barnet")) {
                    out.add(r.getField("Ward_code"));
                }
            });
        }
        return out;
    }
}
