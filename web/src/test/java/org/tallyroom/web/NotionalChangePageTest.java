package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.notional.Baseline;
import org.tallyroom.store.notional.NotionalResults;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.testing.SharedData;

/**
 * The 2024 general election page compares with the Commons Library's notional 2019 results on the 2024
 * boundaries once they are stored (real files in ../shared/data/uk/westminster), says so, and shows the
 * same change and seats changing hands as {@code tallyroom analyse national} works out from them.
 */
class NotionalChangePageTest {
    static final String GE2024 = "parl.2024-07-04";
    @TempDir
    static Path dir;
    static Store store;
    static ReadModel model;

    @BeforeAll
    static void load() throws Exception {
        Path westminster = SharedData.path("uk/westminster");
        store = Store.open(TestDatabase.H2.freshUrl(dir));
        for (String year : List.of("2019", "2024")) {
            Path cand = westminster.resolve("ge" + year + "-results-by-candidate.csv");
            Path cons = westminster.resolve("ge" + year + "-results-by-constituency.csv");
            store.importSource(Source.of("ge" + year, List.of(cand, cons)), HocCandidatesImporter.NAME, "test",
                    in -> HocCandidatesImporter.load(cand, cons, HocCandidatesImporter.dateFromFileName(cand).orElseThrow(), in));
        }
        model = new ReadModel(store);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void beforeTheNotionalResults_changeIsSinceTheDeclared2019Results_thenAgainstTheNotionalOnes() throws Exception {
        Views.National before = model.national(GE2024).orElseThrow();
        assertThat(before.comparedOn()).isNull();
        assertThat(Pages.national(before, null, List.of(), Map.of(), null, ""))
                .contains("Seats and shares: change since parl.2019-12-12.").doesNotContain("notional");

        // Stored after the 2024 results: the import itself brings the 2024 page up to date.
        Path notional = SharedData.path("uk/westminster/ge2019-notional-2024-boundaries-by-candidate.csv");
        store.importSource(Source.of(notional), NotionalResults.NAME, "test", in -> NotionalResults.load(notional, in));
        Views.National n = model.national(GE2024).orElseThrow();
        assertThat(n.comparedOn()).isEqualTo("notional 2019 results on the 2024 boundaries");

        // What `analyse national` compares with: the same baseline, worked out on its own path.
        StoredElections published = StoredElections.published(store);
        StoredElection after = published.election(GE2024);
        Baseline baseline = Baseline.of(store, published, after, "parl.2019-12-12", false);
        assertThat(baseline.notional()).isEqualTo(650);
        Election singleMember = new Election(after.electionId(), after.election().contests().stream().filter(c -> c.seats() == 1).toList());
        NationalResult expected = National.compare(singleMember, baseline.before());
        Map<String, Integer> expectedChange = new HashMap<>();
        expected.parties().forEach(p -> expectedChange.put(p.party(), p.seatChange()));
        Map<String, Integer> shownChange = new HashMap<>();
        n.parties().forEach(p -> shownChange.put(p.party(), p.seatChange()));
        assertThat(shownChange).isEqualTo(expectedChange);
        assertThat(n.changingHands()).hasSameSizeAs(expected.changingHands());
        assertThat(n.changingHands()).isNotEmpty();
        // Against the recast 2019, no 2024 seat is "new": every one has a notional predecessor.
        assertThat(expected.unmatched()).isEmpty();

        PartyResult lab = n.parties().stream().filter(p -> p.party().equals("Lab")).findFirst().orElseThrow();
        assertThat(lab.seatChange()).isEqualTo(lab.seats() - lab.seatsBefore()).isPositive();
        String html = Pages.national(n, null, List.of(), Map.of(), null, "");
        assertThat(html).contains("Seats and shares: change against notional 2019 results on the 2024 boundaries.",
                "Seats by party, change against notional 2019 results on the 2024 boundaries</caption>",
                "Against notional 2019 results on the 2024 boundaries:")
                .contains("<tr data-party=\"Lab\">")
                .containsPattern("<tr data-party=\"Lab\">.*?<td class=\"n chg up\">\\+" + lab.seatChange() + "</td>");
    }
}
