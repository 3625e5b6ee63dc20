package org.tallyroom.store.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.testing.SharedData;

/**
 * The read model's delta path ({@link ElectionInputs}: a declaration or correction reads only its own
 * ballot beside what earlier writes kept) gives the same summaries as a rebuild from scratch, on H2
 * and PostgreSQL. The Welsh seats of the 2017 and 2019 general elections (the published files, 40
 * seats each): 2017 imported whole; 2019 nominated, then declared seat by seat as on election night,
 * with seeded random corrections of declared seats of both elections between the declarations (each
 * correction swaps the top two candidates' votes, so the seat changes hands). After every write the
 * stored summaries of both elections equal the ones built afresh from the store; the corrections
 * change the national figures (seats by party). Needs ../shared/data/uk.
 */
class ReadModelDeltaTest {
    private static final String GE2017 = "parl.2017-06-08";
    private static final String GE2019 = "parl.2019-12-12";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void declarationsAndRandomCorrections_deltaSummariesEqualRebuildFromScratch(TestDatabase db) throws Exception {
        Path westminster = SharedData.path("uk/westminster");
        long seed = Long.getLong("tallyroom.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Store s = Store.open(db.freshUrl(dir))) {
            Path cand17 = wales(westminster.resolve("ge2017-results-by-candidate.csv"));
            Path cons17 = wales(westminster.resolve("ge2017-results-by-constituency.csv"));
            s.importSource(Source.of("wales 2017", Files.readAllBytes(cand17)), "test 2017", "test",
                    in -> HocCandidatesImporter.load(cand17, cons17, LocalDate.of(2017, 6, 8), in));
            List<Declaration> ge2019 = HocCandidatesImporter.read(wales(westminster.resolve("ge2019-results-by-candidate.csv")),
                    wales(westminster.resolve("ge2019-results-by-constituency.csv")), LocalDate.of(2019, 12, 12));
            assertThat(ge2019).hasSize(40);
            s.importSource(Source.of("wales 2019 nominations", "nominations".getBytes(StandardCharsets.UTF_8)), "test", "test",
                    in -> ge2019.forEach(d -> in.declare(new Declaration(d.ballot(), d.candidates().stream()
                            .map(e -> new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(), null, null, false, null,
                                    null)).toList(), d.status(), null, 0, null, null, null, null))));
            assertSameAsRebuilt(s, "after the nominations", seed);

            List<String> declared = new ArrayList<>(Sql.of(s).withHandle(h -> h.createQuery(
                    "SELECT b.ballot_id FROM ballots b JOIN elections e ON b.election_id = e.id WHERE e.election_id = :e")
                    .bind("e", GE2017).mapTo(String.class).list()));
            declared.sort(Comparator.naturalOrder());
            int corrections = 0;
            int changedSeats = 0;
            long reusedBefore = ElectionInputs.REUSED.get();
            for (Declaration d : ge2019) {
                String id = d.ballot().id().toString();
                s.importSource(Source.of(id, id.getBytes(StandardCharsets.UTF_8)), "test", "test", in -> in.declare(d));
                declared.add(id);
                assertSameAsRebuilt(s, "after declaring " + id, seed);
                if (random.nextInt(3) == 0) {
                    String ballot = declared.get(random.nextInt(declared.size()));
                    String election = ballot.endsWith("2019-12-12") ? GE2019 : GE2017;
                    String before = new ReadStore(s).national(election).orElseThrow().parties().toString();
                    correct(s, ballot, ++corrections);
                    String after = new ReadStore(s).national(election).orElseThrow().parties().toString();
                    if (!after.equals(before)) {
                        changedSeats++;
                    }
                    assertSameAsRebuilt(s, "after correcting " + ballot, seed);
                }
            }
            assertThat(corrections).as("seed %d", seed).isGreaterThan(0);
            // Each declaration and correction took the delta path (kept inputs, its own ballot read again).
            assertThat(ElectionInputs.REUSED.get() - reusedBefore).as("writes that reused kept inputs")
                    .isGreaterThanOrEqualTo(ge2019.size() + corrections);
            assertThat(changedSeats).as("corrections that changed the national figures (seed %d)", seed).isEqualTo(corrections);
        }
    }

    /** A correction of a declared seat: its top two candidates' votes swapped (the seat changes hands). */
    private static void correct(Store s, String ballotId, int n) {
        BallotView ballot = s.ballot(ballotId).orElseThrow();
        ResultVersion v = s.currentResult(ballotId).orElseThrow();
        String reason = "test correction " + n;
        Declaration base = CountedResult.fromVersion(ballot, v, ResultStatus.CORRECTED, reason);
        List<Declaration.Entry> byVotes = new ArrayList<>(base.candidates());
        byVotes.sort(Comparator.comparing(Declaration.Entry::votes).reversed());
        Declaration.Entry first = byVotes.get(0);
        Declaration.Entry second = byVotes.get(1);
        List<Declaration.Entry> entries = new ArrayList<>();
        for (Declaration.Entry e : base.candidates()) {
            BigDecimal votes = e == first ? second.votes() : e == second ? first.votes() : e.votes();
            entries.add(new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(), e.listPosition(), votes, e == second,
                    e.rank(), null));
        }
        Declaration correction = new Declaration(base.ballot(), entries, ResultStatus.CORRECTED, base.turnout(),
                base.decimals(), base.countMethod(), null, reason);
        s.importSource(Source.of("correction " + n, reason.getBytes(StandardCharsets.UTF_8)), "test", "test",
                in -> in.declare(correction));
        assertThat(s.currentResult(ballotId).orElseThrow().version()).isEqualTo(v.version() + 1);
    }

    /** Both elections' stored summaries equal those built now from the store, with nothing kept. */
    private static void assertSameAsRebuilt(Store s, String when, long seed) {
        for (String election : List.of(GE2017, GE2019)) {
            String stored = new String(new ReadStore(s).summaryJson(election).orElseThrow(), StandardCharsets.UTF_8);
            String rebuilt = Sql.of(s).inTransaction(h -> {
                String name = h.createQuery("SELECT name FROM elections WHERE election_id = :e").bind("e", election)
                        .mapTo(String.class).one();
                return ReadModelWriter.JSON.writeValueAsString(new ElectionViews(h, StoredElections.published(s))
                        .build(election, name));
            });
            assertThat(stored).as("%s: %s (seed %d)", election, when, seed).isEqualTo(rebuilt);
        }
    }

    /** The header and the Welsh rows (ONS ids W07...) of a general election file, under the test's directory. */
    private Path wales(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        lines.stream().skip(1).filter(l -> l.startsWith("W07")).forEach(kept::add);
        Path out = dir.resolve(file.getFileName());
        Files.write(out, kept, StandardCharsets.UTF_8);
        return out;
    }
}
