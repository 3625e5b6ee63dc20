package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.InputException;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.testing.TestDatabase;

/** The store's contract, on H2 and on PostgreSQL alike. */
class StoreTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-06T03:00:00Z"), ZoneOffset.UTC);
    private static final String WHETSTONE = "local.barnet.whetstone.2022-05-05";

    private Store open(TestDatabase db) {
        return Store.open(db.freshUrl(dir), CLOCK);
    }

    static Declaration whetstone(long ann, long ben, long cal, ResultStatus status, String reason) {
        BallotSpec ballot = new BallotSpec(ElectionId.parse(WHETSTONE), "Whetstone", "London Borough of Barnet",
                "Whetstone", "E05013651", "2022", null, 2, null, false);
        List<Declaration.Entry> c = List.of(
                Declaration.Entry.of(Person.ynr("1", "Ann Apple"), new Party("PP53", "Labour Party", null), ann, ann > cal),
                Declaration.Entry.of(Person.ynr("2", "Ben Brown"), new Party("PP52", "Conservative and Unionist Party", null), ben, true),
                Declaration.Entry.of(Person.ynr("3", "Cal Cole"), Party.named("Green Party (local)"), cal, cal >= ann));
        Turnout t = new Turnout(9000L, 4100L, BigDecimal.valueOf(ann + ben + cal), 12L,
                Map.of(RejectionReason.TOO_MANY_VOTES, 7L, RejectionReason.UNMARKED_OR_UNCERTAIN, 5L));
        return new Declaration(ballot, c, status, t, 0, null, null, reason);
    }

    private static ImportOutcome load(Store s, String name, Declaration... ds) {
        byte[] bytes = (name + "|" + String.join("|", java.util.Arrays.stream(ds).map(Object::toString).toList()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return s.importSource(Source.of(name, bytes), "test", "tester", in -> {
            for (Declaration d : ds) {
                in.declare(d);
            }
        });
    }

    private static long count(Store s, String table) {
        return org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void schemaCreates_withTheMainPartiesSeeded(TestDatabase db) {
        try (Store s = open(db)) {
            for (String t : List.of("provenance", "organisations", "divisions", "parties", "people", "elections", "ballots",
                    "candidacies", "results", "candidate_results", "result_rejections", "events", "current_results")) {
                assertThat(count(s, t)).as(t).isGreaterThanOrEqualTo(0);
            }
            List<String> ecIds = org.tallyroom.store.Sql.of(s).withHandle(h -> h.createQuery("SELECT ec_id FROM parties ORDER BY ec_id")
                    .mapTo(String.class).list());
            assertThat(ecIds).containsExactlyInAnyOrder("PP102", "PP52", "PP53", "PP63", "PP7931", "PP77", "PP85", "PP90");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reopeningMigratesNothingAndKeepsData(TestDatabase db) {
        String url = db.freshUrl(dir);
        try (Store s = Store.open(url, CLOCK)) {
            load(s, "a", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
        }
        try (Store s = Store.open(url, CLOCK)) {
            assertThat(s.currentResult(WHETSTONE)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void declarationStoresBallotCandidatesResultAndTurnout(TestDatabase db) {
        try (Store s = open(db)) {
            ImportOutcome o = load(s, "a", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            assertThat(o).isEqualTo(new ImportOutcome(false, o.provenanceId(), 1, 1, 0));
            BallotView b = s.ballot(WHETSTONE).orElseThrow();
            assertThat(b.electionId()).isEqualTo("local.barnet.2022-05-05");
            assertThat(b.organisation()).isEqualTo("London Borough of Barnet");
            assertThat(b.gss()).isEqualTo("E05013651");
            assertThat(b.seats()).isEqualTo(2);
            assertThat(b.votingSystem()).isEqualTo("block");
            assertThat(b.candidates()).extracting(BallotView.Candidate::name).containsExactly("Ann Apple", "Ben Brown", "Cal Cole");
            assertThat(b.candidates()).extracting(BallotView.Candidate::partyEcId).containsExactly("PP53", "PP52", null);
            assertThat(b.candidates().get(0).partyLabel()).isEqualTo("Lab");
            ResultVersion r = s.currentResult(WHETSTONE).orElseThrow();
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(ResultStatus.DECLARED);
            assertThat(r.recordedBy()).isEqualTo("tester");
            assertThat(r.recordedAt()).isEqualTo(CLOCK.instant());
            assertThat(r.source()).isEqualTo("a");
            assertThat(r.candidates()).extracting(f -> f.votes().toPlainString()).containsExactly("1200", "1500", "1100");
            assertThat(r.candidates()).extracting(ResultVersion.Figures::elected).containsExactly(true, true, false);
            assertThat(r.candidates()).extracting(ResultVersion.Figures::rank).containsExactly(2, 1, 3);
            assertThat(r.turnout().electorate()).isEqualTo(9000L);
            assertThat(r.turnout().ballotPapersIssued()).isEqualTo(4100L);
            assertThat(r.turnout().rejected()).isEqualTo(12L);
            assertThat(r.turnout().rejectedByReason()).containsExactly(Map.entry(RejectionReason.TOO_MANY_VOTES, 7L),
                    Map.entry(RejectionReason.UNMARKED_OR_UNCERTAIN, 5L));
            assertThat(s.elections()).containsExactly(new ElectionSummary("local.barnet.2022-05-05",
                    "London Borough of Barnet local election 2022-05-05", java.time.LocalDate.of(2022, 5, 5), 1, 1));
            assertThat(s.ballotIds("local.2022-05-05")).containsExactly(WHETSTONE);
            assertThat(s.ballotIds(WHETSTONE)).containsExactly(WHETSTONE);
            assertThat(s.ballotIds("parl.2019-12-12")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void upsertsAreIdempotent(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "a", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            Map<String, Long> before = counts(s);
            ImportOutcome again = load(s, "b (same figures, another file)", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            assertThat(again.newVersions()).isZero();
            assertThat(again.unchanged()).isEqualTo(1);
            Map<String, Long> after = counts(s);
            after.put("provenance", after.get("provenance") - 1);
            assertThat(after).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reimportOfTheSameSourceChangesNothing(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "a", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            Map<String, Long> before = counts(s);
            ImportOutcome again = load(s, "a", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            assertThat(again.alreadyImported()).isTrue();
            assertThat(counts(s)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void provisionalThenDeclared_isTwoVersions(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "p", whetstone(1200, 1500, 1100, ResultStatus.PROVISIONAL, null));
            load(s, "d", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            assertThat(s.history(WHETSTONE)).extracting(ResultVersion::status)
                    .containsExactly(ResultStatus.PROVISIONAL, ResultStatus.DECLARED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void correctionIsANewVersion_andKeepsHistory(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "declared", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            load(s, "corrected", whetstone(1210, 1500, 1100, ResultStatus.CORRECTED, "transposed figures at the count"));
            List<ResultVersion> h = s.history(WHETSTONE);
            assertThat(h).extracting(ResultVersion::version).containsExactly(1, 2);
            assertThat(h.get(0).candidates().get(0).votes()).isEqualByComparingTo("1200");
            assertThat(h.get(1).candidates().get(0).votes()).isEqualByComparingTo("1210");
            assertThat(h.get(1).status()).isEqualTo(ResultStatus.CORRECTED);
            assertThat(h.get(1).reason()).isEqualTo("transposed figures at the count");
            assertThat(s.currentResult(WHETSTONE).orElseThrow().version()).isEqualTo(2);
            long current = org.tallyroom.store.Sql.of(s).withHandle(hd -> hd.createQuery("SELECT version FROM current_results").mapTo(Long.class).one());
            assertThat(current).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void differentFiguresForADeclaredResult_becomeACorrectionWithAReason(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "declared", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            load(s, "other source", whetstone(1200, 1501, 1100, ResultStatus.DECLARED, null));
            ResultVersion v2 = s.currentResult(WHETSTONE).orElseThrow();
            assertThat(v2.status()).isEqualTo(ResultStatus.CORRECTED);
            assertThat(v2.reason()).isEqualTo("figures differ from version 1: votes of 1 candidate, valid votes");
        }
    }

    /** The same declaration as a source without the ballot paper account would give it. */
    private static Declaration withoutTurnout(Declaration d) {
        return new Declaration(d.ballot(), d.candidates(), d.status(), Turnout.UNKNOWN, d.decimals(), d.countMethod(),
                d.countReport(), d.reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNarrowerReimport_keepsTheFiguresItDoesNotBring_andIsNoNewVersion(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "with the account", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            ImportOutcome narrower = load(s, "without the account",
                    withoutTurnout(whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null)));
            assertThat(narrower.newVersions()).isZero();
            assertThat(narrower.unchanged()).isEqualTo(1);
            assertThat(narrower.notes()).anyMatch(n -> n.contains("were kept from the stored version"));
            ResultVersion v = s.currentResult(WHETSTONE).orElseThrow();
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.turnout().electorate()).isEqualTo(9000L);
            assertThat(v.turnout().rejectedByReason()).containsEntry(RejectionReason.TOO_MANY_VOTES, 7L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNarrowerReimportWithOtherVotes_isACorrectionSayingWhat_andKeepsTheElectorate(TestDatabase db) {
        try (Store s = open(db)) {
            load(s, "with the account", whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
            load(s, "without the account", withoutTurnout(whetstone(1200, 1500, 1101, ResultStatus.DECLARED, null)));
            List<ResultVersion> h = s.history(WHETSTONE);
            assertThat(h).extracting(ResultVersion::version).containsExactly(1, 2);
            ResultVersion v2 = h.get(1);
            assertThat(v2.status()).isEqualTo(ResultStatus.CORRECTED);
            assertThat(v2.reason()).isEqualTo("figures differ from version 1: votes of 1 candidate");
            assertThat(v2.turnout().electorate()).isEqualTo(9000L);
            assertThat(v2.turnout().ballotPapersIssued()).isEqualTo(4100L);
            assertThat(v2.candidates().get(2).votes()).isEqualByComparingTo("1101");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingImportLeavesNothingBehind(TestDatabase db) {
        try (Store s = open(db)) {
            Map<String, Long> before = counts(s);
            assertThatThrownBy(() -> s.importSource(Source.of("bad.csv", new byte[] {1}), "test", "tester", in -> {
                in.declare(whetstone(1200, 1500, 1100, ResultStatus.DECLARED, null));
                throw new InputException("bad.csv", 3, 2, "votes as a whole number", "'x'");
            })).isInstanceOf(InputException.class).hasMessage("bad.csv:3:2: expected votes as a whole number, found 'x'");
            assertThat(counts(s)).isEqualTo(before);
            assertThat(s.ballot(WHETSTONE)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fractionalVotesSurviveExactly(TestDatabase db) {
        try (Store s = open(db)) {
            BallotSpec ballot = BallotSpec.of(ElectionId.parse("local.dundee-city.the-ferry.2022-05-05"), 4);
            List<Declaration.Entry> c = List.of(
                    new Declaration.Entry(Person.onBallot("x", "A"), null, null, null, new BigDecimal("1801.00000"), true, null, null),
                    new Declaration.Entry(Person.onBallot("x", "B"), null, null, null, new BigDecimal("1571.99999"), false, null, null),
                    new Declaration.Entry(Person.onBallot("x", "C"), null, null, null, new BigDecimal("0.00001"), false, null, "lot"));
            s.importSource(Source.of("stv", new byte[] {2}), "test", "tester", in ->
                    in.declare(new Declaration(ballot, c, ResultStatus.DECLARED, Turnout.UNKNOWN, 5, "stv-scotland", "{}", null)));
            ResultVersion r = s.currentResult(ballot.id().toString()).orElseThrow();
            assertThat(r.candidates()).extracting(f -> f.votes().toPlainString()).containsExactly("1801.00000", "1571.99999", "0.00001");
            assertThat(r.candidates().get(2).tieBreakNote()).isEqualTo("lot");
            assertThat(r.countMethod()).isEqualTo("stv-scotland");
            assertThat(r.countReport()).isEqualTo("{}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void candidatesWithoutFiguresMakeNoResult(TestDatabase db) {
        try (Store s = open(db)) {
            BallotSpec ballot = BallotSpec.of(ElectionId.parse("parl.chipping-barnet.2019-12-12"), 1);
            s.importSource(Source.of("cands", new byte[] {3}), "test", "tester", in -> in.declare(Declaration.of(ballot,
                    List.of(new Declaration.Entry(Person.ynr("9", "Theresa Villiers"), Party.named("Conservative"), null, null,
                            null, false, null, null)), Turnout.UNKNOWN)));
            assertThat(s.ballot("parl.chipping-barnet.2019-12-12").orElseThrow().candidates()).hasSize(1);
            assertThat(s.currentResult("parl.chipping-barnet.2019-12-12")).isEmpty();
            assertThat(s.ballot("parl.chipping-barnet.2019-12-12").orElseThrow().organisation()).isEqualTo("House of Commons");
            assertThat(s.elections()).extracting(ElectionSummary::electionId).containsExactly("parl.2019-12-12");
        }
    }

    private static Map<String, Long> counts(Store s) {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (String t : List.of("provenance", "organisations", "divisions", "parties", "people", "elections", "ballots",
                "candidacies", "results", "candidate_results", "result_rejections")) {
            m.put(t, count(s, t));
        }
        return m;
    }

}
