package org.tallyroom.store.notional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.national.SeatChange;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.Source;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.testing.SharedData;

/**
 * The Commons Library's notional 2019 results on the 2024 boundaries imported as notional results, on H2
 * and PostgreSQL, and GE2024 compared against them: Labour's 411 seats, and the seats changing hands
 * equal to the count made here from the two files themselves (each 2024 seat's winner against its
 * notional 2019 winner, parties told apart by the files' own MNIS party ids, so Labour and Labour
 * Co-operative are one party, the Speaker is the Speaker, and independents are one "party").
 */
class NotionalResultsTest {
    @TempDir
    Path dir;

    private static Path notionalFile() {
        return SharedData.path("uk/westminster/ge2019-notional-2024-boundaries-by-candidate.csv");
    }

    private static Path ge2024() {
        return SharedData.path("uk/westminster/ge2024-results-by-candidate.csv");
    }

    private static ImportOutcome importNotional(Store s, Path file) throws Exception {
        return s.importSource(Source.of(file), NotionalResults.NAME, "test", ingest -> NotionalResults.load(file, ingest));
    }

    private static long count(Store s, String sql) {
        return Sql.of(s).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Each constituency's winner in a by-candidate file: the party id of the row with the most votes. */
    private static Map<String, String> winners(Path file, String gssColumn, String votesColumn, String partyColumn,
                                               String independentColumn, String speakerColumn) throws InputException {
        List<CsvFile.Row> rows = CsvFile.readAll(file);
        List<String> header = rows.get(0).fields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList();
        int gss = header.indexOf(gssColumn);
        int votes = header.indexOf(votesColumn);
        int party = header.indexOf(partyColumn);
        int ind = header.indexOf(independentColumn);
        int spk = header.indexOf(speakerColumn);
        assertThat(List.of(gss, votes, party)).doesNotContain(-1);
        Map<String, Long> best = new HashMap<>();
        Map<String, String> winner = new HashMap<>();
        for (CsvFile.Row r : rows.subList(1, rows.size())) {
            long v = Long.parseLong(r.field(votes));
            String id = spk >= 0 && r.field(spk).equals("true") ? "47" // the Speaker's MNIS party id in the 2024 file
                    : ind >= 0 && r.field(ind).equals("true") ? "8" // independents' MNIS party id in the 2024 file
                    : r.field(party);
            assertThat(id).as("party id at line %d", r.line()).isNotEmpty();
            if (v > best.getOrDefault(r.field(gss), -1L)) {
                best.put(r.field(gss), v);
                winner.put(r.field(gss), id);
            }
        }
        return winner;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ge2024_againstNotional2019_labour411_andTheGainsTheFilesGive(TestDatabase db) throws Exception {
        Map<String, String> won2024 = winners(ge2024(), "ONS ID", "Votes", "MNIS party ID", "", "");
        Map<String, String> notional2019 = winners(notionalFile(), "Constituency geographic code", "Candidate vote count",
                "Main party MNIS ID", "Candidate is standing as independent", "Candidate is standing as Commons Speaker");
        assertThat(won2024.keySet()).isEqualTo(notional2019.keySet()).hasSize(650);
        int changed = 0;
        int labourGains = 0;
        int conservativeLosses = 0;
        for (String seat : won2024.keySet()) {
            if (!won2024.get(seat).equals(notional2019.get(seat))) {
                changed++;
                labourGains += won2024.get(seat).equals("15") ? 1 : 0;
                conservativeLosses += notional2019.get(seat).equals("4") ? 1 : 0;
            }
        }

        try (Store s = Store.open(db.freshUrl(dir))) {
            LocalDate polling = LocalDate.of(2024, 7, 4);
            s.importSource(Source.of(ge2024()), HocCandidatesImporter.NAME, "test",
                    ingest -> HocCandidatesImporter.load(ge2024(), null, polling, ingest));
            ImportOutcome first = importNotional(s, notionalFile());
            assertThat(first.alreadyImported()).isFalse();
            assertThat(first.notes()).anySatisfy(n -> assertThat(n)
                    .contains("650 constituencies: notional 2019 results on the 2024 boundaries").contains("not as an election"));
            assertThat(count(s, "SELECT COUNT(*) FROM notional_contests")).isEqualTo(650);
            long votes = count(s, "SELECT COUNT(*) FROM notional_votes");
            assertThat(votes).isEqualTo(CsvFile.readAll(notionalFile()).size() - 1);
            // Never mistaken for an election: nothing of 2019 among the elections and ballots.
            assertThat(count(s, "SELECT COUNT(*) FROM ballots WHERE poll_date = DATE '2019-12-12'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM elections WHERE poll_date = DATE '2019-12-12'")).isZero();
            // Parties through the alias table onto the rows the 2024 results use: Labour is PP53.
            assertThat(count(s, "SELECT COUNT(*) FROM notional_votes v JOIN parties p ON p.id = v.party_id "
                    + "WHERE p.ec_id = 'PP53'")).isEqualTo(631);

            ImportOutcome again = importNotional(s, notionalFile());
            assertThat(again.alreadyImported()).isTrue();
            assertThat(count(s, "SELECT COUNT(*) FROM notional_votes")).isEqualTo(votes);

            StoredElections stored = new StoredElections(s);
            StoredElection after = stored.election("parl.2024-07-04");
            assertThat(Baseline.defaultFor(s, after)).contains("parl.2019-12-12");
            Baseline b = Baseline.of(s, stored, after, "parl.2019-12-12", false);
            assertThat(b.notional()).isEqualTo(650);
            assertThat(b.direct()).isZero();
            assertThat(b.basis()).startsWith("against notional 2019 results on the 2024 boundaries");

            NationalResult r = National.compare(after.election(), b.before());
            assertThat(r.previousName()).contains("notional 2019 results on the 2024 boundaries");
            assertThat(r.unmatched()).isEmpty();
            assertThat(r.party("Lab").orElseThrow().seats()).isEqualTo(411);
            assertThat(r.party("Con").orElseThrow().seatsBefore()).isEqualTo(
                    notional2019.values().stream().filter("4"::equals).count());
            assertThat(r.changingHands()).hasSize(changed);
            assertThat(r.changingHands().stream().filter(c -> c.to().equals("Lab")).count()).isEqualTo(labourGains);
            assertThat(r.changingHands().stream().map(SeatChange::from).filter("Con"::equals).count())
                    .isEqualTo(conservativeLosses);
            // The Speaker's seat (Chorley) is not a change of hands.
            assertThat(r.changingHands()).noneMatch(c -> c.divisionName().equals("Chorley"));

            // No notional set for a basis it was not imported for: 2024 against itself is direct.
            assertThat(Baseline.of(s, stored, after, "parl.2024-07-04", false).notional()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void realResultsOrBadRows_areRefusedWhereTheyAre_andNothingIsStored(TestDatabase db) throws Exception {
        List<String> lines = Files.readAllLines(notionalFile(), StandardCharsets.UTF_8);
        List<String> bad = new java.util.ArrayList<>(lines.subList(0, 40));
        bad.set(30, bad.get(30).replace(",2019-12-12,true,", ",2019-12-12,false,"));
        Path realish = Files.write(dir.resolve("real.csv"), bad, StandardCharsets.UTF_8);
        List<String> noVotes = new java.util.ArrayList<>(lines.subList(0, 40));
        noVotes.set(12, noVotes.get(12).replaceFirst(",false,false,false,\\d+,", ",false,false,false,many,"));
        Path badVotes = Files.write(dir.resolve("votes.csv"), noVotes, StandardCharsets.UTF_8);
        try (Store s = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> importNotional(s, realish)).isInstanceOf(InputException.class)
                    .hasMessageContaining("real.csv:31:8").hasMessageContaining("true");
            assertThatThrownBy(() -> importNotional(s, badVotes)).isInstanceOf(InputException.class)
                    .hasMessageContaining("votes.csv:13:49");
            assertThat(count(s, "SELECT COUNT(*) FROM notional_contests")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM provenance")).isZero();
        }
    }
}
