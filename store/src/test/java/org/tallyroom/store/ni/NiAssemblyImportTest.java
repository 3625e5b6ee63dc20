package org.tallyroom.store.ni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.io.InputException;
import org.tallyroom.io.report.ReportJsonReader;
import org.tallyroom.io.ni.NiSheet;
import org.tallyroom.io.ni.NiSheetCheck;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.read.ReadStore;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NI Assembly count sheets of 2011, 2016 and 2017 imported on H2 and PostgreSQL: every sheet a
 * declared stv-ni result whose figures are the sheet's (first preferences as the result, every stage
 * in the stored report), once; a sheet that cannot be read imports nothing.
 */
class NiAssemblyImportTest {
    @TempDir
    Path dir;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everySheet_storedAsDeclared_withItsStages_andAgainChangesNothing(TestDatabase db) throws Exception {
        Path root = SharedData.path("stv/ni-assembly");
        List<NiSheetCheck.Result> sheets = NiAssemblyImporter.check(List.of(root));
        try (Store s = Store.open(db.freshUrl(dir))) {
            ImportOutcome first = s.importSource(NiAssemblyImporter.source(List.of(root)), NiAssemblyImporter.NAME, "test",
                    ingest -> NiAssemblyImporter.load(List.of(root), ingest));
            assertThat(first.ballots()).isEqualTo(54);
            assertThat(first.newVersions()).isEqualTo(54);
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("2016 fermanagh-south-tyrone"));

            for (NiSheetCheck.Result r : sheets) {
                NiSheet sheet = r.sheet();
                String id = NiAssemblyImporter.ballotId(sheet).toString();
                assertThat(id).startsWith("nia.").endsWith("." + sheet.election().date());
                ResultVersion v = s.currentResult(id).orElseThrow();
                assertThat(v.decimals()).isEqualTo(2);
                assertThat(v.countMethod()).isNull();
                assertThat(v.candidates()).hasSize(sheet.candidates().size());
                assertThat(v.candidates().stream().filter(ResultVersion.Figures::elected).count())
                        .isEqualTo(sheet.constituency().seats());
                BigDecimal firstPrefs = v.candidates().stream().map(ResultVersion.Figures::votes)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(firstPrefs).isEqualByComparingTo(BigDecimal.valueOf(sheet.stages().get(0).total(), 2));
                assertThat(v.turnout().rejected()).isEqualTo(sheet.poll().spoiled());
                assertThat(v.note()).contains("ElectionsNI").contains(r.addsUp() ? "adds up" : "does not add up");

                JsonNode report = JSON.readTree(v.countReport());
                assertThat(report.path("method").asString()).isEqualTo("stv-ni");
                assertThat(report.path("stages").size()).isEqualTo(sheet.stages().size());
                JsonNode last = report.path("stages").get(sheet.stages().size() - 1).path("votes");
                NiSheet.Stage lastStage = sheet.stages().get(sheet.stages().size() - 1);
                for (int c = 0; c < sheet.candidates().size(); c++) {
                    assertThat(new BigDecimal(last.path(sheet.candidates().get(c).name()).asString()))
                            .isEqualByComparingTo(BigDecimal.valueOf(lastStage.figures().get(c).total(), 2));
                }
                assertThat(report.path("elected").size()).isEqualTo(sheet.constituency().seats());
            }
            // Foyle 2017 (EONI lists an exclusion at the stage deciding it): McCann, excluded at the last stage and
            // never transferred, 663.21 behind Middleton there, who took the last seat.
            String foyle = s.currentResult("nia.foyle.2017-03-02").orElseThrow().countReport();
            LastSeat middleton = new LastSeat("Gary Middleton", "Eamonn McCann", new BigDecimal("663.21"), 6);
            assertThat(LastSeat.of(ReportJsonReader.read(foyle, "foyle"))).contains(middleton);
            // The same on the election page's constituency line, from the read model.
            assertThat(new ReadStore(s).council("nia.2017-03-02").orElseThrow().wards()).filteredOn(
                    w -> w.ballotId().equals("nia.foyle.2017-03-02")).singleElement()
                    .satisfies(w -> assertThat(w.lastSeat()).isEqualTo(middleton))
                    .satisfies(w -> assertThat(w.majority()).isNull());
            assertThat(s.elections()).anySatisfy(e -> {
                assertThat(e.electionId()).isEqualTo("nia.2017-03-02");
                assertThat(e.name()).isEqualTo("Northern Ireland Assembly Election 2017");
            });

            ImportOutcome again = s.importSource(NiAssemblyImporter.source(List.of(root)), NiAssemblyImporter.NAME, "test",
                    ingest -> NiAssemblyImporter.load(List.of(root), ingest));
            assertThat(again.alreadyImported()).isTrue();
            ImportOutcome oneYear = s.importSource(NiAssemblyImporter.source(List.of(root.resolve("2017"))),
                    NiAssemblyImporter.NAME, "test", ingest -> NiAssemblyImporter.load(List.of(root.resolve("2017")), ingest));
            assertThat(oneYear.newVersions()).isZero();
            assertThat(oneYear.unchanged()).isEqualTo(18);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSheetThatCannotBeRead_importsNothing(TestDatabase db) throws Exception {
        Path src = SharedData.path("stv/ni-assembly/2017");
        Path year = dir.resolve("copy/2017");
        Files.createDirectories(year.resolve("NI"));
        for (String f : List.of("contest.csv", "NI/constituencies.csv", "NI/all-constituency-info.csv")) {
            Files.copy(src.resolve(f), year.resolve(f));
        }
        for (String c : List.of("belfast-east", "belfast-south")) {
            Files.createDirectories(year.resolve("constituency").resolve(c));
            for (String f : List.of("Candidate.csv", "ConstituencyCount.csv", "Count.csv", "NonTransferable.csv")) {
                Files.copy(src.resolve("constituency").resolve(c).resolve(f), year.resolve("constituency").resolve(c).resolve(f));
            }
        }
        Path count = year.resolve("constituency/belfast-south/Count.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(count));
        lines.set(5, lines.get(5).replaceFirst(",1,", ",one,"));
        Files.write(count, lines);
        try (Store s = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> s.importSource(NiAssemblyImporter.source(List.of(year)), NiAssemblyImporter.NAME, "test",
                    ingest -> NiAssemblyImporter.load(List.of(year), ingest)))
                    .isInstanceOf(InputException.class).hasMessageContaining("belfast-south/Count.csv:6:3");
            long ballots = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ballots").mapTo(Long.class).one());
            assertThat(ballots).isZero();
        }
    }
}
