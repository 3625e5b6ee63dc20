package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.io.uk.ConstituencyResult;
import org.tallyroom.io.uk.GeneralElectionCsv;
import org.tallyroom.io.uk.ParliamentaryCandidate;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/**
 * The elections before 2016 and the 2024 general election, on H2 and PostgreSQL: every general
 * election 2015-2024 with each seat's winner equal to the one computed from the Commons Library file
 * here, the declared House of 2024, the London boroughs of 2006 and 2014 (Spitalfields and Banglatown
 * at both, compared), parties through the alias table, unresolved names reported, imports idempotent.
 */
class HistoricImportsTest {
    @TempDir
    Path dir;

    private static final List<String> YEARS = List.of("2015", "2017", "2019", "2024");

    private static Path uk() {
        return SharedData.path("uk");
    }

    private static ImportOutcome importGe(Store s, String year) throws Exception {
        Path cand = uk().resolve("westminster/ge" + year + "-results-by-candidate.csv");
        Path cons = uk().resolve("westminster/ge" + year + "-results-by-constituency.csv");
        LocalDate date = HocCandidatesImporter.dateFromFileName(cand).orElseThrow();
        return s.importSource(Source.of(cand + " + " + cons, List.of(cand, cons)),
                HocCandidatesImporter.NAME + " " + date + " constituencies", "test",
                in -> HocCandidatesImporter.load(cand, cons, date, in));
    }

    private static ImportOutcome importBoroughs(Store s, String year) throws Exception {
        Path cand = uk().resolve("london-boroughs/" + year + "-candidates.csv");
        Path lookup = uk().resolve("london-boroughs/party-name-lookup.csv");
        Path turnout = year.equals("2006") ? uk().resolve("london-boroughs/2006-ward-turnout.csv") : null;
        List<Path> files = turnout == null ? List.of(cand, lookup) : List.of(cand, turnout, lookup);
        return s.importSource(Source.of(String.join(" + ", files.stream().map(Path::toString).toList()), files),
                LondonBoroughImporter.NAME + " lookup", "test",
                in -> LondonBoroughImporter.load(cand, turnout, lookup, null, in));
    }

    /** Each seat's winner as the file gives it: the candidate with the most votes (checked unique). */
    private static Map<String, String> winnersFromFile(String year) throws Exception {
        Path cand = uk().resolve("westminster/ge" + year + "-results-by-candidate.csv");
        LocalDate date = HocCandidatesImporter.dateFromFileName(cand).orElseThrow();
        Map<String, String> out = new HashMap<>();
        for (ConstituencyResult seat : GeneralElectionCsv.readByCandidate(cand)) {
            List<ParliamentaryCandidate> byVotes = seat.candidates().stream()
                    .sorted((a, b) -> Long.compare(b.votes(), a.votes())).toList();
            assertThat(byVotes.get(0).votes()).as(seat.constituency().name()).isGreaterThan(byVotes.get(1).votes());
            String id = ElectionId.ballot(ElectionType.PARL, null, null, seat.constituency().name(), false, date).toString();
            out.put(id, org.tallyroom.count.Candidate.fold(byVotes.get(0).name()));
        }
        return out;
    }

    private static Map<String, String> winnersStored(Store s, String date) {
        Map<String, String> out = new HashMap<>();
        org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("""
                SELECT b.ballot_id AS ballot, c.ballot_paper_name AS name
                FROM current_results r JOIN ballots b ON r.ballot_id = b.id
                JOIN candidate_results cr ON cr.result_id = r.id JOIN candidacies c ON cr.candidacy_id = c.id
                WHERE cr.elected AND b.ballot_id LIKE :pattern""")
                .bind("pattern", "parl.%." + date).mapToMap().list())
                .forEach(m -> assertThat(out.put((String) m.get("ballot"), (String) m.get("name"))).as("one winner").isNull());
        return out;
    }

    private static Map<String, Long> seatsByParty(Store s, String date) {
        Map<String, Long> out = new LinkedHashMap<>();
        org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("""
                SELECT COALESCE(pa.ec_id, 'none') AS party, COUNT(*) AS seats
                FROM current_results r JOIN ballots b ON r.ballot_id = b.id
                JOIN candidate_results cr ON cr.result_id = r.id
                JOIN candidacies c ON cr.candidacy_id = c.id LEFT JOIN parties pa ON c.party_id = pa.id
                WHERE cr.elected AND b.ballot_id LIKE :pattern GROUP BY COALESCE(pa.ec_id, 'none')""")
                .bind("pattern", "parl.%." + date).mapToMap().list())
                .forEach(m -> out.put((String) m.get("party"), ((Number) m.get("seats")).longValue()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generalElections2015To2024_winnersAsTheFilesGiveThem(TestDatabase db) throws Exception {
        try (Store s = Store.open(db.freshUrl(dir))) {
            for (String year : YEARS) {
                ImportOutcome o = importGe(s, year);
                assertThat(o.ballots()).as(year).isEqualTo(650);
                assertThat(o.newVersions()).as(year).isEqualTo(650);
                String date = HocCandidatesImporter.dateFromFileName(Path.of("ge" + year + ".csv")).orElseThrow().toString();
                assertThat(winnersStored(s, date)).as("winners %s", year).isEqualTo(winnersFromFile(year));
            }
            // The declared House of 2024, by register id: Lab 411, Con 121, LD 72, SNP 9.
            assertThat(seatsByParty(s, "2024-07-04")).containsEntry("PP53", 411L).containsEntry("PP52", 121L)
                    .containsEntry("PP90", 72L).containsEntry("PP102", 9L);
            // 2015 names no ids: its parties resolve through the alias table (Con 330, Lab 232, SNP 56, LD 8).
            assertThat(seatsByParty(s, "2015-05-07")).containsEntry("PP52", 330L).containsEntry("PP53", 232L)
                    .containsEntry("PP102", 56L).containsEntry("PP90", 8L);
            // 2019's "Brexit Party" is Reform UK's registration, as 2024's "Reform UK".
            long reformRows = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT c.party_id) FROM candidacies c "
                    + "JOIN parties p ON c.party_id = p.id WHERE p.ec_id = 'PP7931'").mapTo(Long.class).one());
            assertThat(reformRows).isEqualTo(1L);
            // Again: nothing changes.
            for (String year : YEARS) {
                assertThat(importGe(s, year).alreadyImported()).isTrue();
            }
        }
    }

    /**
     * Barnet 2022 turnout as declared, 37.9%: the returning officer's papers are the wards file's
     * ballots_polling + ballots_postal (97,480, equal to the valid papers here) over 256,974 electors;
     * valid plus the 386 rejected (the sum of the reasons) would give 38.08%.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void barnet2022_turnoutAsDeclared_papersIssuedFromTheFilesOwnColumns(TestDatabase db) throws Exception {
        Path wards = uk().resolve("london-boroughs/2022-wards.csv");
        long fileElectorate = 0;
        long filePapers = 0;
        for (var w : org.tallyroom.io.uk.LondonBoroughCsv.readWards2022(wards).values()) {
            if (w.ward().borough().equals("Barnet")) {
                fileElectorate += w.poll().electorate();
                filePapers += w.poll().ballotsPolling() + w.poll().ballotsPostal();
            }
        }
        try (Store s = Store.open(db.freshUrl(dir))) {
            Path cand = uk().resolve("london-boroughs/2022-candidates.csv");
            Path lookup = uk().resolve("london-boroughs/party-name-lookup.csv");
            s.importSource(Source.of(cand + " + " + wards, List.of(cand, wards, lookup)), LondonBoroughImporter.NAME, "test",
                    in -> LondonBoroughImporter.load(cand, wards, lookup, null, in));
            Map<String, Object> sums = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("""
                    SELECT SUM(r.electorate) AS electorate, SUM(r.ballot_papers_issued) AS issued
                    FROM current_results r JOIN ballots b ON r.ballot_id = b.id
                    WHERE b.ballot_id LIKE 'local.barnet.%.2022-05-05'""").mapToMap().one());
            long electorate = ((Number) sums.get("electorate")).longValue();
            long issued = ((Number) sums.get("issued")).longValue();
            assertThat(electorate).isEqualTo(fileElectorate).isEqualTo(256_974L);
            assertThat(issued).isEqualTo(filePapers).isEqualTo(97_480L);
            assertThat(java.math.BigDecimal.valueOf(issued * 100).divide(java.math.BigDecimal.valueOf(electorate), 1,
                    java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("37.9");
            ResultVersion vale = s.currentResult("local.barnet.barnet-vale.2022-05-05").orElseThrow();
            assertThat(vale.turnout().ballotPapersIssued()).isEqualTo(3_324L + 1_751L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void londonBoroughs2006And2014_spitalfieldsAndBanglatownCompared(TestDatabase db) throws Exception {
        try (Store s = Store.open(db.freshUrl(dir))) {
            ImportOutcome o2006 = importBoroughs(s, "2006");
            ImportOutcome o2014 = importBoroughs(s, "2014");
            assertThat(o2006.ballots()).isEqualTo(624);
            assertThat(o2014.ballots()).isEqualTo(629);
            assertThat(o2006.notes()).anySatisfy(n -> assertThat(n).contains("left unresolved", "Respect - The Unity Coalition"));

            ResultVersion then = s.currentResult("local.tower-hamlets.spitalfields-and-banglatown.2006-05-04").orElseThrow();
            assertThat(then.candidates()).filteredOn(ResultVersion.Figures::elected)
                    .extracting(f -> f.candidate().name()).containsExactlyInAnyOrder("Helal U. Abbas", "Fozol Miah", "Lutfur Rahman");
            // 2006 ballot paper account: 6,647 electors; 2,211 in person + 708 postal; 21 rejected (b 12, d 9).
            assertThat(then.turnout().electorate()).isEqualTo(6_647L);
            assertThat(then.turnout().rejected()).isEqualTo(21L);
            assertThat(then.turnout().valid()).isEqualByComparingTo("2898");

            StoredElections stored = new StoredElections(s);
            StoredContest before = stored.contest("local.tower-hamlets.spitalfields-and-banglatown.2006-05-04").orElseThrow();
            StoredContest after = stored.contest("local.tower-hamlets.spitalfields-banglatown.2014-05-22").orElseThrow();
            assertThat(after.result().elected()).extracting(CandidateVotes::name).containsExactly("Gulam Robbani", "Suluk Ahmed");
            assertThat(after.result().seats()).isEqualTo(2);
            assertThat(after.result().candidates()).extracting(CandidateVotes::name).contains("Jane E. Emmerson");
            assertThat(before.result().seats()).isEqualTo(3);
            ContestChange change = ContestAnalysis.compare(after.result(), before.resultAs(after.result().divisionId()));
            assertThat(change.verdict()).contains("THF 2").contains("was Lab 2");
            assertThat(change.party("Lab").before().compareTo(change.party("Lab").after())).isNegative();

            assertThat(importBoroughs(s, "2006").alreadyImported()).isTrue();
            assertThat(importBoroughs(s, "2014").alreadyImported()).isTrue();
        }
    }
}
