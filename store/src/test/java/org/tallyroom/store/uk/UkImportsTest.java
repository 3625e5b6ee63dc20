package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.InputException;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every file in data/uk imported into the store, on H2 and on PostgreSQL, checked against the published
 * declarations (data/README.md): Westminster 2017 and 2019, London boroughs 2018 and 2022, and the 2016
 * GLA elections. Needs ../shared/data/uk.
 */
class UkImportsTest {
    @TempDir
    Path dir;

    private static final List<String> TABLES = List.of("provenance", "organisations", "divisions", "parties", "people",
            "elections", "ballots", "candidacies", "results", "candidate_results", "result_rejections", "ward_results");

    private static Path uk() {
        return SharedData.path("uk");
    }

    private static long one(Store s, String sql) {
        return org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Map<String, Long> rowCounts(Store s) {
        Map<String, Long> out = new LinkedHashMap<>();
        TABLES.forEach(t -> out.put(t, one(s, "SELECT COUNT(*) FROM " + t)));
        return out;
    }

    /** Seats won by party abbreviation at the ballots whose id ends with the date. */
    private static Map<String, Long> winners(Store s, String date) {
        Map<String, Long> out = new LinkedHashMap<>();
        org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("""
                SELECT COALESCE(pa.abbreviation, pa.name, 'no party') AS party, COUNT(*) AS seats
                FROM current_results r JOIN ballots b ON r.ballot_id = b.id
                JOIN candidate_results cr ON cr.result_id = r.id
                JOIN candidacies c ON cr.candidacy_id = c.id LEFT JOIN parties pa ON c.party_id = pa.id
                WHERE cr.elected AND b.ballot_id LIKE :pattern GROUP BY COALESCE(pa.abbreviation, pa.name, 'no party')""")
                .bind("pattern", "parl.%." + date).mapToMap().list())
                .forEach(m -> out.put((String) m.get("party"), ((Number) m.get("seats")).longValue()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyUkFile_importsAsDeclared_andAgainChangesNothing(TestDatabase db) throws Exception {
        try (Store s = Store.open(db.freshUrl(dir))) {
            List<ImportOutcome> first = UkImports.importAll(s, uk());
            assertThat(first).extracting(ImportOutcome::ballots).containsExactly(650, 650, 632, 679, 16);
            assertThat(first).allMatch(o -> o.newVersions() == o.ballots());

            // Westminster: 650 + 650 ballots, the declared House.
            assertThat(one(s, "SELECT COUNT(*) FROM ballots WHERE ballot_id LIKE 'parl.%.2019-12-12'")).isEqualTo(650);
            assertThat(one(s, "SELECT COUNT(*) FROM ballots WHERE ballot_id LIKE 'parl.%.2017-06-08'")).isEqualTo(650);
            assertThat(winners(s, "2019-12-12")).containsEntry("Con", 365L).containsEntry("Lab", 202L)
                    .containsEntry("SNP", 48L).containsEntry("LD", 11L);
            assertThat(winners(s, "2017-06-08")).containsEntry("Con", 317L).containsEntry("Lab", 262L)
                    .containsEntry("SNP", 35L).containsEntry("LD", 12L);
            ResultVersion barnet = s.currentResult("parl.chipping-barnet.2019-12-12").orElseThrow();
            assertThat(barnet.turnout().electorate()).isEqualTo(79_960L);
            assertThat(barnet.countMethod()).isEqualTo("fptp");
            assertThat(barnet.countReport()).contains("Theresa Villiers");
            assertThat(s.ballot("parl.chipping-barnet.2019-12-12").orElseThrow().gss()).isEqualTo("E14000636");

            // London boroughs: every ward and every candidate.
            assertThat(one(s, "SELECT COUNT(*) FROM ballots WHERE ballot_id LIKE 'local.%.2018-05-03'")).isEqualTo(632);
            assertThat(one(s, "SELECT COUNT(*) FROM ballots WHERE ballot_id LIKE 'local.%.2022-05-05'")).isEqualTo(679);
            assertThat(one(s, "SELECT COUNT(*) FROM candidacies c JOIN ballots b ON c.ballot_id = b.id "
                    + "WHERE b.ballot_id LIKE 'local.%.2018-05-03'")).isEqualTo(6_554);
            assertThat(one(s, "SELECT COUNT(*) FROM candidacies c JOIN ballots b ON c.ballot_id = b.id "
                    + "WHERE b.ballot_id LIKE 'local.%.2022-05-05'")).isEqualTo(6_191);
            assertThat(one(s, "SELECT COUNT(*) FROM candidate_results cr JOIN results r ON cr.result_id = r.id "
                    + "JOIN ballots b ON r.ballot_id = b.id WHERE cr.elected AND b.ballot_id LIKE 'local.%.2022-05-05'"))
                    .isEqualTo(1_817);
            assertThat(one(s, "SELECT COUNT(*) FROM elections WHERE election_id LIKE 'local.%.2022-05-05' "
                    + "AND level = 'organisation'")).isEqualTo(32);
            // 2022 turnout and rejected papers by reason, from the wards file (Abbey: 2,802 electors, 746 valid;
            // 1 voting for too many, 2 unmarked or void).
            ResultVersion abbey = s.currentResult("local.barking-and-dagenham.abbey.2022-05-05").orElseThrow();
            assertThat(abbey.turnout().electorate()).isEqualTo(2_802L);
            assertThat(abbey.turnout().valid()).isEqualByComparingTo("746");
            assertThat(abbey.turnout().rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    RejectionReason.TOO_MANY_VOTES, 1L, RejectionReason.UNMARKED_OR_UNCERTAIN, 2L));
            assertThat(one(s, "SELECT COUNT(*) FROM current_results r JOIN ballots b ON r.ballot_id = b.id "
                    + "WHERE b.ballot_id LIKE 'local.%.2022-05-05' AND r.electorate IS NOT NULL")).isEqualTo(679);
            // Barnet 2022: Lab 41, Con 22; 2018: Con 38, Lab 25.
            assertThat(one(s, "SELECT COUNT(*) FROM candidate_results cr JOIN candidacies c ON cr.candidacy_id = c.id "
                    + "JOIN ballots b ON c.ballot_id = b.id JOIN parties p ON c.party_id = p.id WHERE cr.elected "
                    + "AND b.ballot_id LIKE 'local.barnet.%.2022-05-05' AND p.name = 'Labour Party'")).isEqualTo(41);
            // Parties normalised through the lookup: one Labour party in 2022, whatever the ballot paper said.
            List<String> labour = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT DISTINCT p.name FROM candidacies c "
                    + "JOIN ballots b ON c.ballot_id = b.id JOIN parties p ON c.party_id = p.id "
                    + "WHERE b.ballot_id LIKE 'local.%.2022-05-05' AND LOWER(p.name) LIKE '%labour%'")
                    .mapTo(String.class).list());
            assertThat(labour).containsExactly("Labour Party");
            assertThat(s.ballot("local.barking-and-dagenham.abbey.2022-05-05").orElseThrow().candidates().get(0).party())
                    .isEqualTo("Labour Party");
            // Nonsuch 2018: a tie for the second seat, settled by the lot the file's flags record.
            ResultVersion nonsuch = s.currentResult("local.sutton.nonsuch.2018-05-03").orElseThrow();
            assertThat(nonsuch.candidates()).anySatisfy(f -> {
                assertThat(f.tieBreakNote()).contains("lot", "elected flags");
                assertThat(f.elected()).isTrue();
            });

            // GLA 2016.
            ResultVersion mayor = s.currentResult("mayor.london.2016-05-05").orElseThrow();
            assertThat(mayor.candidates()).hasSize(12).noneMatch(ResultVersion.Figures::elected);
            assertThat(mayor.candidates()).anySatisfy(f -> {
                assertThat(f.candidate().name()).isEqualTo("Sadiq Aman KHAN");
                assertThat(f.votes()).isEqualByComparingTo(BigDecimal.valueOf(1_148_716));
                assertThat(f.candidate().party()).isEqualTo("Labour Party");
            });
            assertThat(mayor.candidates()).anySatisfy(f -> {
                assertThat(f.candidate().name()).isEqualTo("Prince ZYLINSKI");
                assertThat(f.votes()).isNull();
            });
            assertThat(mayor.note()).contains("First preferences only", "Prince ZYLINSKI", "cannot be derived");
            assertThat(one(s, "SELECT COUNT(*) FROM ballots WHERE ballot_id LIKE 'gla.c.%.2016-05-05'")).isEqualTo(14);
            ResultVersion bc = s.currentResult("gla.c.barnet-and-camden.2016-05-05").orElseThrow();
            assertThat(bc.candidates()).filteredOn(ResultVersion.Figures::elected).singleElement().satisfies(f -> {
                assertThat(f.candidate().name()).isEqualTo("Andrew Hartley DISMORE");
                assertThat(f.votes()).isEqualByComparingTo(BigDecimal.valueOf(81_482));
            });
            ResultVersion list = s.currentResult("gla.a.2016-05-05").orElseThrow();
            JsonNode seats = JsonMapper.builder().build().readTree(list.countReport()).get("seats_by_party");
            assertThat(seats.get("Labour Party").asInt()).isEqualTo(12);
            assertThat(seats.get("Conservative Party").asInt()).isEqualTo(8);
            assertThat(seats.get("Green Party - \"vote Green on orange\"").asInt()).isEqualTo(2);
            assertThat(seats.get("UK Independence Party (UKIP)").asInt()).isEqualTo(2);
            assertThat(seats.get("Caroline Pidgeon's London Liberal Democrats").asInt()).isEqualTo(1);
            // Mayor by ward: first preferences over every row sum to the file's totals; second preferences too.
            assertThat(one(s, "SELECT SUM(w.votes) FROM ward_results w JOIN candidacies c ON w.candidacy_id = c.id "
                    + "JOIN ballots b ON w.ballot_id = b.id WHERE b.ballot_id = 'mayor.london.2016-05-05' "
                    + "AND w.preference = 1 AND c.ballot_paper_name = 'Sadiq Aman KHAN'")).isEqualTo(1_148_716);
            assertThat(one(s, "SELECT COUNT(DISTINCT w.row_number) FROM ward_results w JOIN ballots b ON w.ballot_id = b.id "
                    + "WHERE b.ballot_id = 'mayor.london.2016-05-05' AND w.preference = 2")).isEqualTo(663);

            // Again: nothing changes.
            Map<String, Long> before = rowCounts(s);
            List<ImportOutcome> again = UkImports.importAll(s, uk());
            assertThat(again).allMatch(ImportOutcome::alreadyImported);
            assertThat(rowCounts(s)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sameFigures_fromAnotherImport_areUnchanged_notNewVersions(TestDatabase db) throws Exception {
        Path cand = uk().resolve("westminster/ge2019-results-by-candidate.csv");
        Path cons = uk().resolve("westminster/ge2019-results-by-constituency.csv");
        java.time.LocalDate date = java.time.LocalDate.of(2019, 12, 12);
        try (Store s = Store.open(db.freshUrl(dir))) {
            s.importSource(Source.of(cand), "one", "test", in -> HocCandidatesImporter.load(cand, cons, date, in));
            Map<String, Long> before = rowCounts(s);
            ImportOutcome o = s.importSource(Source.of(cand), "two", "test",
                    in -> HocCandidatesImporter.load(cand, cons, date, in));
            assertThat(o.alreadyImported()).isFalse();
            assertThat(o.newVersions()).isZero();
            assertThat(o.unchanged()).isEqualTo(650);
            Map<String, Long> after = rowCounts(s);
            after.merge("provenance", -1L, Long::sum);
            assertThat(after).isEqualTo(before);
        }
    }

    /** Issue 10 item 6: import hoc-candidates without --constituencies after an import with it. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hocCandidatesWithoutConstituencies_afterWithThem_changesNothing_andKeepsTheElectorate(TestDatabase db)
            throws Exception {
        Path cand = uk().resolve("westminster/ge2019-results-by-candidate.csv");
        Path cons = uk().resolve("westminster/ge2019-results-by-constituency.csv");
        java.time.LocalDate date = java.time.LocalDate.of(2019, 12, 12);
        try (Store s = Store.open(db.freshUrl(dir))) {
            s.importSource(Source.of(cand + " + " + cons, List.of(cand, cons)),
                    HocCandidatesImporter.NAME + " " + date + " constituencies", "test",
                    in -> HocCandidatesImporter.load(cand, cons, date, in));
            ImportOutcome narrower = s.importSource(Source.of(cand), HocCandidatesImporter.NAME + " " + date, "test",
                    in -> HocCandidatesImporter.load(cand, null, date, in));
            assertThat(narrower.alreadyImported()).isFalse();
            assertThat(narrower.newVersions()).isZero();
            assertThat(narrower.unchanged()).isEqualTo(650);
            ResultVersion v = s.currentResult("parl.chipping-barnet.2019-12-12").orElseThrow();
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.turnout().electorate()).isNotNull().isPositive();
            assertThat(one(s, "SELECT COUNT(*) FROM results WHERE status = 'corrected'")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBadLineNearTheEnd_importsNothing_andSaysWhere(TestDatabase db) throws Exception {
        Path real = uk().resolve("london-boroughs/2022-candidates.csv");
        List<String> lines = Files.readAllLines(real, StandardCharsets.UTF_8);
        int bad = lines.size() - 2;
        String[] f = lines.get(bad).split(",", -1);
        f[6] = "12x";
        lines.set(bad, String.join(",", f));
        Path copy = dir.resolve("2022-candidates.csv");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        Path wards = uk().resolve("london-boroughs/2022-wards.csv");
        Path lookup = uk().resolve("london-boroughs/party-name-lookup.csv");
        try (Store s = Store.open(db.freshUrl(dir))) {
            Map<String, Long> before = rowCounts(s);
            assertThatThrownBy(() -> s.importSource(Source.of(copy), LondonBoroughImporter.NAME, "test",
                    in -> LondonBoroughImporter.load(copy, wards, lookup, null, in)))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(copy + ":" + (bad + 1) + ":7: expected votes");
            assertThat(rowCounts(s)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBadLineAtTheEndOfAHocFile_importsNothing(TestDatabase db) throws Exception {
        Path real = uk().resolve("westminster/ge2019-results-by-candidate.csv");
        List<String> lines = Files.readAllLines(real, StandardCharsets.UTF_8);
        int bad = lines.size() - 1;
        lines.set(bad, lines.get(bad).replaceFirst("^[A-Z]\\d{8}", "X1"));
        Path copy = dir.resolve("ge2019-results-by-candidate.csv");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        try (Store s = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> s.importSource(Source.of(copy), HocCandidatesImporter.NAME, "test",
                    in -> HocCandidatesImporter.load(copy, null, HocCandidatesImporter.date(copy, null), in)))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(copy + ":" + (bad + 1) + ":1: expected an ONS constituency id");
            assertThat(one(s, "SELECT COUNT(*) FROM ballots")).isZero();
            assertThat(one(s, "SELECT COUNT(*) FROM provenance")).isZero();
        }
    }
}
