package org.tallyroom.store.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;
import org.tallyroom.io.selection.SelectionCount;
import org.tallyroom.store.EventRecord;
import org.tallyroom.store.EventType;
import org.tallyroom.store.Events;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.SelectionFacts;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.testing.TestDatabase;

/**
 * A party selection stored as its ballot's published result, on H2 and PostgreSQL: the count, the papers
 * not counted by reason and one by one, re-import doing nothing, a bad file storing nothing, and the
 * national party removing the selected candidate and putting another in, on the selection's timeline.
 */
class SelectionStoreTest {
    private static final Path EXAMPLES = Path.of("../examples/selection");
    private static final String ID = "selection.lab.chipping-barnet.2026-03-01";
    private static final LocalDate FREEZE = LocalDate.of(2025, 12, 1);
    private static final OrganisationId LAB = OrganisationId.parse("selection.lab");

    @TempDir
    Path dir;

    private static ImportOutcome importSelection(Store store, Path members, Path ballots) throws Exception {
        ElectionId id = SelectionImporter.selectionId(ID, FREEZE);
        SelectionCount.Inputs in = new SelectionCount.Inputs(ID, SelectionImporter.partyName("lab"), members, FREEZE,
                EXAMPLES.resolve("shortlist.csv"), ballots, 1, null, null);
        return store.importSource(Source.of(ID, List.of(members, in.shortlist(), ballots)), "selection " + ID, "test",
                ingest -> SelectionImporter.store(ingest, id, SelectionCount.count(in)));
    }

    private static EventRecord event(String date, EventType type, String member) {
        return new EventRecord(LocalDate.parse(date), LAB, type, "chipping-barnet", member, null, null, "NEC decision");
    }

    private static void record(Store store, EventRecord e) {
        store.importSource(Source.of("event " + e, e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "event add",
                "test", in -> Events.record(store, in, e));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void selection_storedWithItsRejectedPapers_andTheReplacementOnItsTimeline(TestDatabase db) throws Exception {
        try (Store store = Store.open(db.freshUrl(dir))) {
            ImportOutcome o = importSelection(store, EXAMPLES.resolve("members.csv"), EXAMPLES.resolve("ballots.csv"));
            assertThat(o.alreadyImported()).isFalse();
            assertThat(importSelection(store, EXAMPLES.resolve("members.csv"), EXAMPLES.resolve("ballots.csv"))
                    .alreadyImported()).isTrue();

            ResultVersion v = store.currentResult(ID).orElseThrow();
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.countMethod()).isEqualTo("av");
            assertThat(v.candidates()).filteredOn(ResultVersion.Figures::elected).extracting(f -> f.candidate().name())
                    .containsExactly("Alice Archer");
            assertThat(v.candidates()).extracting(f -> f.candidate().party()).containsOnly("Labour Party");
            assertThat(v.turnout().electorate()).isEqualTo(9);
            assertThat(v.turnout().rejected()).isEqualTo(8);
            assertThat(v.turnout().valid()).isEqualByComparingTo("6");

            SelectionFacts.Stored s = SelectionFacts.current(store, ID).orElseThrow();
            assertThat(s.facts()).isEqualTo(new SelectionFacts.Facts(FREEZE, "Chipping Barnet CLP executive",
                    LocalDate.of(2026, 1, 20), 12, 9, 14, 6));
            assertThat(s.rejected()).extracting(SelectionFacts.Rejected::reason).containsExactly("joined-after-freeze",
                    "lapsed", "lapsed", "not-a-member", "duplicate", "duplicate", "not-on-shortlist", "no-first-preference");
            assertThat(s.rejected().get(3)).isEqualTo(new SelectionFacts.Rejected(11, "X999", "not-a-member",
                    "membership number X999 is not on the members file"));
            assertThat(s.cutShort()).containsExactly(new SelectionFacts.CutShort(7, "L006", 2, "Zoe Zed"));

            // the party puts no one in before taking the selected candidate out: refused, nothing recorded
            assertThatThrownBy(() -> record(store, event("2026-04-02", EventType.CANDIDATE_REPLACED, "Dan Dare")))
                    .isInstanceOf(EventRecord.Refused.class).hasMessageContaining("no place in " + ID + " is vacant");
            assertThatThrownBy(() -> record(store, event("2026-04-02", EventType.CANDIDATE_REMOVED, "Bina Bose")))
                    .hasMessageContaining("Bina Bose does not hold a place in " + ID + " on 2026-04-02 (held by Alice Archer)");
            assertThatThrownBy(() -> record(store, event("2026-02-01", EventType.CANDIDATE_REMOVED, "Alice Archer")))
                    .hasMessageContaining("no selection of selection.lab for chipping-barnet on or before 2026-02-01");
            assertThatThrownBy(() -> record(store, event("2026-04-02", EventType.RESIGNATION, "Alice Archer")))
                    .hasMessageContaining("takes only candidate-removed and candidate-replaced");
            assertThat(Events.list(store, LAB)).isEmpty();

            record(store, event("2026-04-02", EventType.CANDIDATE_REMOVED, "alice archer"));
            record(store, event("2026-04-09", EventType.CANDIDATE_REPLACED, "Dan Dare"));
            assertThat(Events.list(store, LAB)).extracting(Events.StoredEvent::type)
                    .containsExactly(EventType.CANDIDATE_REMOVED, EventType.CANDIDATE_REPLACED);
            List<SelectionTimeline.Entry> t = SelectionTimeline.of(store, ID);
            assertThat(t).extracting(SelectionTimeline.Entry::date).containsExactly(LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 9));
            assertThat(t.get(1).holders()).isEmpty();
            assertThat(t.get(1).vacant()).isEqualTo(1);
            assertThat(t.get(2).holders()).containsExactly("Dan Dare");
            assertThat(t.get(2).vacant()).isZero();
            // a second replacement has no place to fill
            assertThatThrownBy(() -> record(store, event("2026-05-01", EventType.CANDIDATE_REPLACED, "Eve Ell")))
                    .hasMessageContaining("no place in " + ID + " is vacant on 2026-05-01");
            // and a selection event is refused for a council
            assertThatThrownBy(() -> record(store, new EventRecord(LocalDate.of(2026, 4, 2), OrganisationId.parse("local.barnet"),
                    EventType.CANDIDATE_REMOVED, "whetstone", "Alice Archer", null, null, null)))
                    .hasMessageContaining("is an event of a party selection");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBadMembersFile_storesNothing_andSaysWhere(TestDatabase db) throws Exception {
        Path members = Files.writeString(dir.resolve("members.csv"), "membership_number,joined\nL001,2019-04-01\nL002,01/01/2020\n");
        try (Store store = Store.open(db.freshUrl(dir))) {
            assertThatThrownBy(() -> importSelection(store, members, EXAMPLES.resolve("ballots.csv")))
                    .isInstanceOf(InputException.class)
                    .hasMessage(members + ":3:2: expected the date joined as YYYY-MM-DD, found '01/01/2020'");
            assertThat(store.ballot(ID)).isEmpty();
            assertThat(store.elections()).isEmpty();
        }
    }
}
