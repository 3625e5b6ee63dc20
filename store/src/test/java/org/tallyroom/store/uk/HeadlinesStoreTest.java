package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.read.ReadStore;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

/**
 * The headlines the read model keeps, from the published files in a real store (H2 and PostgreSQL):
 * Barnet 2022 declared ward by ward in file order after its 24 ballots were nominated, the control
 * line checked against the seats after each declaration, ending with Labour's gain of control from
 * the Conservatives across the boundary change; and the 2019 general election against 2017.
 * Needs ../shared/data/uk.
 */
class HeadlinesStoreTest {
    private static final String BARNET = "local.barnet.2022-05-05";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void barnet2022_declaredWardByWard_controlLineTrueAfterEach_endsLabourGainFromConservative(TestDatabase db)
            throws Exception {
        Path uk = SharedData.path("uk");
        try (Store s = Store.open(db.freshUrl(dir))) {
            for (UkImports.Job j : UkImports.all(uk)) {
                if (j.label().equals("london-2018")) {
                    s.importSource(j.source(), j.importer(), "test", j.work());
                }
            }
            // Barnet's rows of the 2022 files, in file order (the files' other boroughs are not needed here).
            Path boroughs = uk.resolve("london-boroughs");
            Path candidates = barnetRows(boroughs.resolve("2022-candidates.csv"));
            Path wards = barnetRows(boroughs.resolve("2022-wards.csv"));
            List<Declaration> barnet = LondonBoroughImporter.read(candidates, wards, boroughs.resolve("party-name-lookup.csv"),
                    null, new ArrayList<>());
            assertThat(barnet).hasSize(24);
            // Nominations first: every ward's ballot and candidates, no figures, as on the night before the count.
            s.importSource(Source.of("barnet 2022 nominations", "nominations".getBytes(StandardCharsets.UTF_8)), "test", "test",
                    in -> barnet.forEach(d -> in.declare(new Declaration(d.ballot(), d.candidates().stream()
                            .map(e -> new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(), null, null, false, null,
                                    null)).toList(), d.status(), null, 0, null, null, null, null))));
            ReadStore read = new ReadStore(s);
            Views.Council before = read.council(BARNET).orElseThrow();
            assertThat(before.seats()).isEqualTo(63);
            assertThat(before.headline().text()).isEqualTo("Barnet: no seats declared yet, 32 of 63 needed for a majority");

            String gain = "Labour GAIN Barnet from Conservative";
            int declared = 0;
            for (Declaration d : barnet) {
                s.importSource(Source.of(d.ballot().id().toString(), d.ballot().id().toString().getBytes(StandardCharsets.UTF_8)),
                        "test", "test", in -> in.declare(d));
                declared++;
                Views.Council c = read.council(BARNET).orElseThrow();
                assertThat(c.ballotsDeclared()).isEqualTo(declared);
                int toDeclare = c.seats() - c.seatsDeclared();
                int most = c.seatsByParty().stream().mapToInt(PartySeats::seats).max().orElse(0);
                List<String> leaders = c.seatsByParty().stream().filter(p -> p.seats() == most).map(PartySeats::party)
                        .sorted().map(PartyKeys::displayName).toList();
                String text = c.headline().text();
                if (most >= 32) {
                    assertThat(leaders).containsExactly("Labour");
                    assertThat(text).isEqualTo(gain);
                } else {
                    // Someone can still reach 32: the leader's seats, what is needed, what is left; never "no overall control".
                    assertThat(most + toDeclare).isGreaterThanOrEqualTo(32);
                    assertThat(text).isEqualTo(String.join(" and ", leaders) + " " + most + (leaders.size() > 1 ? " each" : "")
                            + " of 32 needed, " + toDeclare + (toDeclare == 1 ? " seat" : " seats") + " to declare");
                    assertThat(c.comparedOn()).startsWith("ward boundaries changed since local.barnet.2018-05-03");
                }
                assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain("no overall control");
            }
            Views.Council c = read.council(BARNET).orElseThrow();
            assertThat(c.headline().text()).isEqualTo(gain);
            assertThat(c.headline().details()).contains("Seats: Labour 41 (+16), Conservative 22 (\u221216)",
                    "2018: Conservative majority, 38 of 63 seats");
            assertThat(c.headline().details()).anyMatch(l -> l.startsWith("New ward boundaries since 2018: "));
            assertThat(c.verdict()).isEqualTo("Lab gain from Con");
            assertThat(c.comparedOn()).startsWith("whole-council change in seats");
            assertThat(c.changes()).extracting(PartyChange::party, PartyChange::net).contains(
                    org.assertj.core.groups.Tuple.tuple("Lab", 16), org.assertj.core.groups.Tuple.tuple("Con", -16));
            // The API serves the stored summary: the headline is in its JSON.
            String json = new String(read.summaryJson(BARNET).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"headline\":{\"text\":\"Labour GAIN Barnet from Conservative\"");
        }
    }

    /** The header and Barnet's lines of a 2022 London borough file, written under the test's directory. */
    private Path barnetRows(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(l -> l.startsWith("Barnet,")).forEach(kept::add);
        Path out = dir.resolve("barnet").resolve(file.getFileName());
        Files.createDirectories(out.getParent());
        return Files.write(out, kept, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generalElection2019_conservativeMajorityOf80(TestDatabase db) throws Exception {
        try (Store s = Store.open(db.freshUrl(dir))) {
            for (UkImports.Job j : UkImports.all(SharedData.path("uk"))) {
                if (j.label().startsWith("ge")) {
                    s.importSource(j.source(), j.importer(), "test", j.work());
                }
            }
            Views.National n = new ReadStore(s).national("parl.2019-12-12").orElseThrow();
            assertThat(n.headline().text()).isEqualTo("Conservative win a majority of 80");
            assertThat(n.headline().details()).contains("2017: hung parliament, Conservative largest with 317")
                    .anyMatch(l -> l.startsWith("Seats: Conservative 365 (+48), Labour 202 (\u221260)"));
        }
    }
}
