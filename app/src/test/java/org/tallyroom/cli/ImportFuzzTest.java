package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.CountException;
import org.tallyroom.io.InputException;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.EventRecord;
import org.tallyroom.store.Events;
import org.tallyroom.store.EventsCsv;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.export.StoredResult;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.nist.NistCdfReader;
import org.tallyroom.store.nist.NistCdfWriter;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.store.ynr.YnrCsvImporter;
import org.tallyroom.testing.SharedData;

/**
 * Issue 10, item 9: every importer fed 1,000 seeded mutations of a small valid file each run, into one
 * store: each import either succeeds or is refused with a located message of the kinds the command
 * line turns into exit 2 (never another exception, never a raw database error), and a refused import
 * leaves every table exactly as it was.
 */
class ImportFuzzTest {
    private static final int MUTATIONS = 1000;
    private static final List<String> TABLES = List.of("provenance", "organisations", "divisions", "parties", "people",
            "elections", "ballots", "candidacies", "results", "candidate_results", "result_rejections", "events",
            "ward_results");

    @TempDir
    Path dir;

    /** One import into the store. */
    interface Load {
        void into(Store store, Path file) throws Exception;
    }

    private void fuzz(String name, Store store, byte[] seed, String fileName, Load load) throws IOException {
        Path file = dir.resolve(fileName);
        Mutations m = new Mutations(name.hashCode(), seed);
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutant = m.next();
            Files.write(file, mutant);
            String shown = name + " mutation " + i + ":\n" + Mutations.show(mutant);
            Map<String, Long> before = fingerprint(store);
            try {
                load.into(store, file);
                continue;
            } catch (InputException e) {
                assertThat(e.getMessage()).as(shown).startsWith(file.toString() + ":").doesNotContain("Exception", "java.");
            } catch (StoreException | CountException | IllegalArgumentException e) {
                assertThat(e).as(shown).isNotInstanceOf(NumberFormatException.class);
                assertThat(String.valueOf(e.getMessage())).as(shown).doesNotContain("Exception", "java.", "SQL");
            } catch (Exception e) {
                fail(shown + "\nthrew " + e, e);
            }
            refused++;
            assertThat(fingerprint(store)).as(shown + "\nthe store after a refused import").isEqualTo(before);
        }
        assertThat(refused).as(name + ": some mutants are refused").isPositive();
    }

    private static Map<String, Long> fingerprint(Store store) {
        return org.tallyroom.store.Sql.of(store).withHandle(h -> {
            Map<String, Long> m = new TreeMap<>();
            for (String t : TABLES) {
                m.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
            m.put("provenance.max", h.createQuery("SELECT COALESCE(MAX(id), 0) FROM provenance").mapTo(Long.class).one());
            return m;
        });
    }

    private static void imports(Store store, Path file, String importer, Store.Work<Exception> work) throws Exception {
        store.importSource(Source.of(file), importer, "fuzz", work);
    }

    @Test
    void nistCdf() throws Exception {
        String json;
        try (Store s = Store.open(TestDatabase.H2.freshUrl(dir))) {
            BallotSpec ward = new BallotSpec(ElectionId.parse("local.barnet.whetstone.2022-05-05"), "Whetstone",
                    "London Borough of Barnet", "Whetstone", "E05013651", null, null, 2, null, false);
            s.importSource(Source.of("seed", new byte[] {1}), "test", "test", in -> in.declare(new Declaration(ward, List.of(
                    Declaration.Entry.of(Person.ynr("1", "Ann Apple"), new Party("PP53", "Labour Party", "Lab"), 1200, true),
                    Declaration.Entry.of(Person.ynr("2", "Ben Brown"), null, 1500, true),
                    new Declaration.Entry(Person.ynr("3", "Cal Cole"), null, null, null, new BigDecimal("99.5"), false, null,
                            null)), ResultStatus.DECLARED, new Turnout(9000L, 4100L, null, 12L, Map.of()), 1, null, null,
                    null)));
            json = NistCdfWriter.write(StoredResult.load(s, "local.2022-05-05"), Instant.parse("2022-05-06T03:00:00Z"), "t");
        }
        // keep the seed small: the writer indents, the mutations do not need it
        json = json.replaceAll("\n\\s+", "\n");
        try (Store store = Store.open(TestDatabase.H2.freshUrl(dir))) {
            fuzz("nist-cdf", store, json.getBytes(StandardCharsets.UTF_8), "report.json",
                    (s, f) -> imports(s, f, NistCdfReader.NAME, in -> NistCdfReader.load(f, in)));
        }
    }

    @Test
    void ynr() throws Exception {
        String csv = "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,party_name,"
                + "party_id,post_label,cancelled_poll,seats_contested,gss,organisation_name,party_ec_id,votes_cast,elected,"
                + "tied_vote_winner,turnout_reported,spoilt_ballots,total_electorate\n"
                + "101,Ann Apple,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Labour Party,"
                + "party:53,Whetstone,False,2,E05013651,London Borough of Barnet,,1200,True,,4100,12,9000\n"
                + "102,Ben Brown,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Conservative and "
                + "Unionist Party,PP52,Whetstone,False,2,E05013651,London Borough of Barnet,PP52,1500,True,,4100,12,9000\n"
                + "103,Cal Cole,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Independent,"
                + "ynmp-party:2,Whetstone,False,2,E05013651,London Borough of Barnet,,1100,False,,4100,12,9000\n";
        try (Store store = Store.open(TestDatabase.H2.freshUrl(dir))) {
            fuzz("ynr", store, csv.getBytes(StandardCharsets.UTF_8), "ynr.csv",
                    (s, f) -> imports(s, f, YnrCsvImporter.NAME, in -> YnrCsvImporter.load(f, in)));
        }
    }

    @Test
    void hocCandidates() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("uk/westminster/ge2019-results-by-candidate.csv"));
        String csv = String.join("\n", lines.subList(0, 14)) + "\n";
        LocalDate poll = LocalDate.of(2019, 12, 12);
        try (Store store = Store.open(TestDatabase.H2.freshUrl(dir))) {
            fuzz("hoc-candidates", store, csv.getBytes(StandardCharsets.UTF_8), "ge2019-results-by-candidate.csv",
                    (s, f) -> imports(s, f, "hoc-candidates", in -> HocCandidatesImporter.load(f, null, poll, in)));
        }
    }

    @Test
    void londonBorough() throws Exception {
        byte[] all = Files.readAllBytes(SharedData.path("uk/london-boroughs/2018-candidates.csv"));
        int cut = 0;
        for (int lines = 0; lines < 7; cut++) { // the header and Abbey ward's six candidates, as published (Latin-1)
            if (all[cut] == '\n') {
                lines++;
            }
        }
        LocalDate poll = LocalDate.of(2018, 5, 3);
        try (Store store = Store.open(TestDatabase.H2.freshUrl(dir))) {
            fuzz("london-borough", store, java.util.Arrays.copyOf(all, cut), "2018-candidates.csv",
                    (s, f) -> imports(s, f, "london-borough", in -> LondonBoroughImporter.load(f, null, null, poll, in)));
        }
    }

    @Test
    void events() throws Exception {
        String url = TestDatabase.H2.freshUrl(dir);
        AnalysisFixtures.testshire(url);
        String csv = """
                date,organisation,type,division,member,party,to_party,note
                2022-09-01,local.testshire,resignation,north,Lab N1,,,moved away
                2022-11-10,local.testshire,by-election,north,Con X,Con,,
                2023-02-01,local.testshire,defection,E05900003,LD E2,LD,Labour,
                2023-06-01,local.testshire,whip-suspended,south,Lab S1,,,
                """;
        try (Store store = Store.open(url)) {
            fuzz("events", store, csv.getBytes(StandardCharsets.UTF_8), "events.csv", (s, f) -> {
                EventsCsv.Parsed parsed = EventsCsv.read(f);
                imports(s, f, "events", in -> {
                    for (EventsCsv.Row row : parsed.rows()) {
                        try {
                            Events.record(s, in, row.event());
                        } catch (EventRecord.Refused x) {
                            throw new InputException(parsed.file(), row.line(), parsed.column(x.field()), x.getMessage());
                        }
                    }
                });
            });
        }
    }
}
