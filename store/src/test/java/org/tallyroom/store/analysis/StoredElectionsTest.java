package org.tallyroom.store.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.EventRecord;
import org.tallyroom.store.EventType;
import org.tallyroom.store.Events;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.testing.TestDatabase;

/** The store's side of the analysis: loading contests, finding the previous one, party keys, events. */
class StoredElectionsTest {
    @TempDir
    java.nio.file.Path dir;

    private static Declaration ward(String id, int seats, Party a, Party b) {
        BallotSpec spec = new BallotSpec(ElectionId.parse(id), null, null, null, null, null,
                org.tallyroom.store.id.Nation.ENGLAND, seats, null, false);
        return Declaration.of(spec, List.of(
                Declaration.Entry.of(Person.onBallot(id, "Ann Able"), a, 900, true),
                Declaration.Entry.of(Person.onBallot(id, "Bob Baker"), b, 800, seats > 1),
                Declaration.Entry.of(Person.onBallot(id, "Cy Cole"), null, 100, false)),
                new Turnout(5000L, 1212L, null, 12L, java.util.Map.of()));
    }

    private static void load(Store store, String name, Declaration... ds) {
        store.importSource(Source.of(name, name.getBytes(StandardCharsets.UTF_8)), "test", "test",
                in -> List.of(ds).forEach(in::declare));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void previousContest_bySlugWithoutCodes_skipsByElections_andPartiesAreOneKey(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            load(store, "2018", ward("local.x.hill.2018-05-03", 2, new Party("PP52", "Conservative", null),
                    Party.named("Labour Party")));
            load(store, "2020", ward("local.x.hill.by.2020-05-07", 1, Party.named("Labour"), Party.named("Con")));
            load(store, "2022", ward("local.x.hill.2022-05-05", 2, Party.named("Conservative and Unionist Party"),
                    new Party(null, "Labour", "LAB")));
            StoredElections s = new StoredElections(store);
            StoredContest now = s.contest("local.x.hill.2022-05-05").orElseThrow();
            assertThat(now.result().divisionId()).isEqualTo("x/hill");
            assertThat(now.result().candidates()).extracting(CandidateVotes::party).containsExactly("Con", "Lab", "Ind");
            // Two seats: valid papers are papers issued less rejected, not the votes.
            assertThat(now.result().validPapers().getAsLong()).isEqualTo(1200);
            StoredContest before = s.previousContest(now).orElseThrow();
            assertThat(before.ballotId()).isEqualTo("local.x.hill.2018-05-03");
            assertThat(before.result().candidates()).extracting(CandidateVotes::party).containsExactly("Con", "Lab", "Ind");
            assertThat(s.previousOrganisationElection("local.x.2022-05-05")).contains("local.x.2018-05-03");
            assertThat(s.election("local.x.2022-05-05").contests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void publishedReading_hidesProvisionalResults_andTakesAPreferentialCountsLastStage(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            load(store, "2018", ward("local.x.hill.2018-05-03", 1, Party.named("Labour"), Party.named("Con")));
            Declaration counting = ward("local.x.hill.2022-05-05", 1, Party.named("Labour"), Party.named("Con"));
            load(store, "2022", new Declaration(counting.ballot(), counting.candidates(), ResultStatus.PROVISIONAL,
                    counting.turnout(), 0, null, null, null));
            String id = "mayor.x.2022-05-05";
            BallotSpec sv = new BallotSpec(ElectionId.parse(id), null, null, null, null, null,
                    org.tallyroom.store.id.Nation.ENGLAND, 1, "sv", false);
            load(store, "mayor", new Declaration(sv, List.of(
                    new Declaration.Entry(Person.onBallot(id, "Ann Able"), Party.named("Labour"), null, null,
                            new BigDecimal("1310.75"), true, null, null),
                    new Declaration.Entry(Person.onBallot(id, "Bob Baker"), Party.named("Con"), null, null,
                            new BigDecimal("994"), false, null, null)),
                    ResultStatus.DECLARED, Turnout.UNKNOWN, 2, null, null, null));

            StoredElections cli = new StoredElections(store);
            StoredElections published = StoredElections.published(store);
            StoredElections team = StoredElections.current(store);
            // The count team and the CLI see tonight's provisional figures; the public does not.
            assertThat(cli.contest("local.x.hill.2022-05-05")).isPresent();
            assertThat(team.contest("local.x.hill.2022-05-05")).isPresent();
            assertThat(published.contest("local.x.hill.2022-05-05")).isEmpty();
            assertThat(published.declaredSoFar("local.x.2022-05-05").contests()).isEmpty();
            assertThat(published.declaredSoFar("local.x.2022-05-05").withoutResult())
                    .containsExactly("local.x.hill.2022-05-05");
            assertThat(published.previousContest("local.x.hill.2022-05-05")).map(StoredContest::ballotId)
                    .contains("local.x.hill.2018-05-03");
            // Tonight's election has no declared result yet, so it is no one's previous election in public.
            load(store, "2026", ward("local.x.hill.2026-05-07", 1, Party.named("Labour"), Party.named("Con")));
            assertThat(published.previousElection("local.x.2026-05-07")).contains("local.x.2018-05-03");
            assertThat(cli.previousElection("local.x.2026-05-07")).contains("local.x.2022-05-05");
            // The supplementary vote: refused by the CLI, its last stage in whole votes for the pages.
            assertThatThrownBy(() -> cli.contest(id)).hasMessageContaining("counted by sv");
            assertThat(published.contest(id).orElseThrow().result().candidates())
                    .extracting(CandidateVotes::party, CandidateVotes::votes, CandidateVotes::elected)
                    .containsExactly(tuple("Lab", 1310L, true), tuple("Con", 994L, false));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void previousElection_ofAGroupWithoutOrganisation_isTheLatestEarlierGroupOfTheSameType(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            load(store, "2017", ward("parl.hill.2017-06-08", 1, Party.named("Labour"), Party.named("Con")));
            load(store, "2018", ward("local.x.hill.2018-05-03", 1, Party.named("Labour"), Party.named("Con")));
            load(store, "2019", ward("parl.hill.2019-12-12", 1, Party.named("Labour"), Party.named("Con")));
            StoredElections s = StoredElections.published(store);
            assertThat(s.previousElection("parl.2019-12-12")).contains("parl.2017-06-08");
            assertThat(s.previousElection("parl.2017-06-08")).isEmpty();
            assertThat(s.previousContest("parl.hill.2019-12-12")).map(StoredContest::ballotId).contains("parl.hill.2017-06-08");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void events_recordedAgainstStoredRows_andListedInOrder(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            load(store, "2022", ward("local.x.hill.2022-05-05", 2, Party.named("Conservative and Unionist Party"),
                    Party.named("Labour Party")));
            OrganisationId x = OrganisationId.parse("local.x");
            store.importSource(Source.of("e", new byte[] {1}), "test", "test", in -> {
                Events.record(store, in, new EventRecord(LocalDate.of(2023, 3, 1), x, EventType.DEFECTION, "hill", "ann able",
                        "Con", "Reform UK", null));
                Events.record(store, in, new EventRecord(LocalDate.of(2023, 1, 1), x, EventType.WHIP_SUSPENDED, "hill", "Bob Baker",
                        null, null, "pending"));
            });
            List<Events.StoredEvent> events = Events.list(store, x);
            assertThat(events).extracting(Events.StoredEvent::type).containsExactly(EventType.WHIP_SUSPENDED, EventType.DEFECTION);
            Events.StoredEvent defection = events.get(1);
            assertThat(defection.member()).isEqualTo("Ann Able"); // the name as on the ballot paper
            assertThat(defection.party()).isEqualTo("Con");
            assertThat(defection.toParty()).isEqualTo("Reform");
            assertThat(defection.divisionId()).isEqualTo("x/hill");
            var t = new StoredElections(store).timeline(x, LocalDate.of(2023, 6, 1));
            assertThat(t.timeline().at(LocalDate.of(2023, 6, 1)).seatsOf("Reform")).isEqualTo(1);
            assertThat(t.timeline().at(LocalDate.of(2023, 6, 1)).seatsOf("Lab (whip suspended)")).isEqualTo(1);
        }
    }

    @Test
    void eventRecord_refusesWhatATypeNeeds() {
        OrganisationId x = OrganisationId.parse("local.x");
        assertThatThrownBy(() -> new EventRecord(LocalDate.of(2023, 1, 1), x, EventType.BY_ELECTION, "hill", "A", null,
                null, null)).isInstanceOf(EventRecord.Refused.class).hasMessageContaining("winner's party");
        assertThatThrownBy(() -> OrganisationId.parse("parl.x")).hasMessageContaining("'parl' alone");
        assertThat(PartyKeys.of(null, "APNI", "Alliance Party")).isEqualTo("Alliance");
        assertThat(PartyKeys.of(null, "ED", "English Democrats")).isEqualTo("Eng Dem");
        assertThat(PartyKeys.of("PP53", "Lab Co-op", "Labour and Co-operative Party")).isEqualTo("Lab");
        assertThat(PartyKeys.of(null, null, null)).isEqualTo("Ind");
    }
}
