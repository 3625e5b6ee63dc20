package org.tallyroom.store.notional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.council.ComparisonBasis;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.io.InputException;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.Source;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.read.ReadStore;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;

/**
 * A council's notional results ({@code import notional}) stored on H2 and PostgreSQL, and a later election
 * on the new wards compared against them. The elections are London Elects' real Barnet rows, cut to a few
 * wards (2018: High Barnet and Underhill; 2022: Barnet Vale, High Barnet and Underhill, all three new
 * codes). The notional figures are a HAND-MADE TEST FIXTURE written below, not published figures: no
 * notional 2018 result for these wards is in ../shared/data.
 */
class CouncilNotionalTest {
    @TempDir
    Path dir;

    private static final String ELECTION = "local.barnet.2018-05-03";
    private static final LocalDate WARDS_2022 = LocalDate.of(2022, 5, 5);

    /** TEST FIXTURE, hand-made: invented notional 2018 seats and votes for three 2022 Barnet wards. */
    private static final String FIXTURE = """
            ward_gss,ward_name,seats,party,notional_seats,notional_votes
            E05013628,Barnet Vale,3,Conservative and Unionist Party,2,5100
            E05013628,Barnet Vale,3,Labour Party,1,4900
            E05013628,Barnet Vale,3,Green Party,0,900
            E05013644,High Barnet,2,Conservative and Unionist Party,2,3600
            E05013644,High Barnet,2,Labour Party,0,3000
            E05013647,Underhill,2,Labour Party,2,3300
            E05013647,Underhill,2,Conservative and Unionist Party,0,2700
            """;

    /** The real rows of one London Elects file for the given ward codes (header kept). */
    private Path wards(Path file, Set<String> codes, Path into) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> codes.stream().anyMatch(l::contains)).forEach(out::add);
        Files.createDirectories(into.getParent());
        return Files.write(into, out, StandardCharsets.ISO_8859_1);
    }

    private void importBarnet(Store s) throws Exception {
        Path boroughs = SharedData.path("uk/london-boroughs");
        Path lookup = boroughs.resolve("party-name-lookup.csv");
        Path y2018 = wards(boroughs.resolve("2018-candidates.csv"), Set.of("E05000056,", "E05000060,"), dir.resolve("b/2018.csv"));
        Set<String> new2022 = Set.of(",E05013628,", ",E05013644,", ",E05013647,");
        Path y2022 = wards(boroughs.resolve("2022-candidates.csv"), new2022, dir.resolve("b/2022-candidates.csv"));
        Path w2022 = wards(boroughs.resolve("2022-wards.csv"), new2022, dir.resolve("b/2022-wards.csv"));
        s.importSource(Source.of(y2018), LondonBoroughImporter.NAME, "test",
                ingest -> LondonBoroughImporter.load(y2018, null, lookup, null, ingest));
        s.importSource(Source.of("2022", List.of(y2022, w2022)), LondonBoroughImporter.NAME, "test",
                ingest -> LondonBoroughImporter.load(y2022, w2022, lookup, null, ingest));
    }

    private static ImportOutcome importNotional(Store s, Path file) throws Exception {
        return s.importSource(Source.of(file), CouncilNotional.NAME, "test",
                ingest -> CouncilNotional.load(file, ELECTION, WARDS_2022, ingest));
    }

    private static long count(Store s, String sql) {
        return Sql.of(s).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void barnet2022_againstNotional2018OnTheNewWards_gainsAndLossesWardByWard(TestDatabase db) throws Exception {
        Path fixture = Files.writeString(dir.resolve("notional-fixture.csv"), FIXTURE);
        try (Store s = Store.open(db.freshUrl(dir))) {
            importBarnet(s);
            StoredElections stored = StoredElections.published(s);
            StoredElection after = stored.election("local.barnet.2022-05-05");
            StoredElection before = stored.election(ELECTION);
            assertThat(Council.sameWards(after.election(), before.election())).isFalse();
            // Nothing stored yet: no notional basis, and the page's change is the whole-council one.
            assertThat(CouncilNotional.against(s, after.election(), after.date(), before.election(), ELECTION)).isEmpty();
            assertThat(new ReadStore(s).council("local.barnet.2022-05-05").orElseThrow().comparedOn())
                    .startsWith(ComparisonBasis.WHOLE_COUNCIL.description());

            ImportOutcome first = importNotional(s, fixture);
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).startsWith("3 wards, 7 seats: notional 2018 results on "
                    + "the 2022 wards").contains("stored as notional results, not as an election"));
            assertThat(count(s, "SELECT COUNT(*) FROM notional_contests")).isEqualTo(3);
            assertThat(count(s, "SELECT COUNT(*) FROM notional_votes WHERE seats_won IS NOT NULL AND votes IS NOT NULL"))
                    .isEqualTo(7);
            assertThat(count(s, "SELECT COUNT(*) FROM elections")).isEqualTo(count(s,
                    "SELECT COUNT(DISTINCT election_id) FROM ballots") + 2); // no election made of the notional set
            assertThat(importNotional(s, fixture).alreadyImported()).isTrue();

            CouncilNotional.Against against = CouncilNotional.against(s, after.election(), after.date(), before.election(),
                    ELECTION).orElseThrow();
            assertThat(against.usable()).isTrue();
            assertThat(against.basis()).isEqualTo("against notional 2018 results on the 2022 wards (" + ELECTION
                    + " recast on the wards in force from 2022-05-05): 3 wards notional");
            CouncilChange c = Council.compare(after.election(), before.election(), against.wards());
            assertThat(c.basis()).isEqualTo(ComparisonBasis.NOTIONAL);
            // The real 2022 results: Barnet Vale Con 1, Lab 2; High Barnet Lab 2; Underhill Lab 2. Against the
            // fixture (Con 2 Lab 1; Con 2; Lab 2): Labour gains 1 + 2, the Conservatives lose 1 + 2.
            String lab = key(c, 6);
            String con = key(c, 1);
            assertThat(c.party(lab).gains()).hasValue(3);
            assertThat(c.party(lab).losses()).hasValue(0);
            assertThat(c.party(con).losses()).hasValue(3);
            assertThat(c.party(con).before()).isEqualTo(4); // notional; the real 2018 wards elected Con 3, Lab 3
            assertThat(c.before().seatsOf(con)).isEqualTo(3);
            assertThat(c.wards()).extracting(w -> w.divisionName()).containsExactlyInAnyOrder("Barnet Vale", "High Barnet");

            // The council page's data (the read model) is recomputed by the import and says its basis.
            Views.Council page = new ReadStore(s).council("local.barnet.2022-05-05").orElseThrow();
            assertThat(page.comparedOn()).isEqualTo(against.basis());
            assertThat(page.changes()).anySatisfy(p -> {
                assertThat(p.party()).isEqualTo(lab);
                assertThat(p.gains()).hasValue(3);
            });
        }
    }

    /** The party key holding {@code seats} seats after the election (the store's key for Labour or the Conservatives). */
    private static String key(CouncilChange c, int seats) {
        return c.after().byParty().stream().filter(p -> p.seats() == seats).findFirst().orElseThrow().party();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNotionalSetNotCoveringTheNewWards_isNotUsed_andTheBasisSaysWhy(TestDatabase db) throws Exception {
        // Only two of the three new wards: the third has no notional result and is new.
        String two = FIXTURE.lines().filter(l -> !l.startsWith("E05013647")).reduce("", (a, b) -> a + b + "\n");
        Path fixture = Files.writeString(dir.resolve("two-wards.csv"), two);
        try (Store s = Store.open(db.freshUrl(dir))) {
            importBarnet(s);
            importNotional(s, fixture);
            StoredElections stored = StoredElections.published(s);
            StoredElection after = stored.election("local.barnet.2022-05-05");
            CouncilNotional.Against against = CouncilNotional.against(s, after.election(), after.date(),
                    stored.election(ELECTION).election(), ELECTION).orElseThrow();
            assertThat(against.usable()).isFalse();
            assertThat(against.basis()).contains("Underhill (E05013647) has no notional result and is new");
            Views.Council page = new ReadStore(s).council("local.barnet.2022-05-05").orElseThrow();
            assertThat(page.comparedOn()).startsWith(ComparisonBasis.WHOLE_COUNCIL.description())
                    .contains("Underhill (E05013647) has no notional result");
            assertThat(page.changes()).allSatisfy(p -> assertThat(p.gains()).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBadNotionalFile_isLocated_andNothingIsWritten(TestDatabase db) throws Exception {
        // Line 4: High Barnet's notional seats add up to 3 where the ward has 2.
        Path bad = Files.writeString(dir.resolve("bad.csv"), FIXTURE.replace("E05013644,High Barnet,2,Labour Party,0,3000",
                "E05013644,High Barnet,2,Labour Party,1,3000"));
        Path badCode = Files.writeString(dir.resolve("bad-code.csv"), FIXTURE.replace("E05013647,Underhill,2,Labour",
                "E0501364,Underhill,2,Labour"));
        try (Store s = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> importNotional(s, bad)).isInstanceOf(InputException.class)
                    .hasMessageContaining("bad.csv:6:5: expected notional seats in E05013644 adding up to its 2 seats");
            assertThatThrownBy(() -> importNotional(s, badCode)).isInstanceOf(InputException.class)
                    .hasMessageContaining("bad-code.csv:7:1: expected a ward's GSS code such as E05013630");
            assertThatThrownBy(() -> s.importSource(Source.of(bad), CouncilNotional.NAME, "test",
                    ingest -> CouncilNotional.load(bad, "parl.2019-12-12", WARDS_2022, ingest)))
                    .hasMessageContaining("expected a council election");
            assertThat(count(s, "SELECT COUNT(*) FROM notional_contests")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM notional_votes")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM provenance")).isZero();
        }
    }
}
