package org.tallyroom.store.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.io.InputException;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.export.ResultsCsv;
import org.tallyroom.store.export.StoredResult;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;

class NistCdfRoundTripTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-06T03:00:00Z"), ZoneOffset.UTC);

    static void fill(Store s) {
        BallotSpec whetstone = new BallotSpec(ElectionId.parse("local.barnet.whetstone.2022-05-05"), "Whetstone",
                "London Borough of Barnet", "Whetstone", "E05013651", null, null, 2, null, false);
        BallotSpec ferry = new BallotSpec(ElectionId.parse("local.dundee-city.the-ferry.2022-05-05"), "The Ferry",
                "Dundee City Council", "The Ferry", "S13003111", null, null, 2, null, false);
        BallotSpec barnetCamden = new BallotSpec(ElectionId.parse("gla.c.barnet-and-camden.2016-05-05"), null, null,
                "Barnet and Camden", null, null, null, 1, null, false);
        s.importSource(Source.of("fixture", new byte[] {9}), "test", "tester", in -> {
            in.declare(new Declaration(whetstone, List.of(
                    Declaration.Entry.of(Person.ynr("1", "Ann Apple"), new Party("PP53", "Labour Party", "Lab"), 1200, true),
                    Declaration.Entry.of(Person.ynr("2", "Ben Brown"), new Party("PP52", "Conservative and Unionist Party", "Con"), 1500, true),
                    Declaration.Entry.of(Person.ynr("3", "Cal Cole"), null, 1100, false)),
                    ResultStatus.DECLARED, new Turnout(9000L, 4100L, null, 12L,
                    java.util.Map.of(org.tallyroom.count.RejectionReason.TOO_MANY_VOTES, 7L)), 0, null, null, null));
            in.declare(new Declaration(ferry, List.of(
                    new Declaration.Entry(Person.onBallot("f", "Dee"), Party.named("SNP"), null, null, new BigDecimal("2100.00000"), true, null, null),
                    new Declaration.Entry(Person.onBallot("f", "Eve"), Party.named("Scottish Labour"), null, null, new BigDecimal("1571.12345"), true, null, null),
                    new Declaration.Entry(Person.onBallot("f", "Fay"), null, null, null, new BigDecimal("99.87655"), false, null, null)),
                    ResultStatus.PROVISIONAL, new Turnout(null, null, BigDecimal.valueOf(3771), 0L, java.util.Map.of()), 5,
                    "stv-scotland", null, null));
            in.declare(Declaration.of(barnetCamden, List.of(
                    Declaration.Entry.of(Person.ynr("7", "Andrew Dismore"), new Party("PP53", "Labour Party", null), 81482, true),
                    Declaration.Entry.of(Person.ynr("8", "Mike Freer"), new Party("PP52", "Conservative and Unionist Party", null), 65242, false)),
                    Turnout.UNKNOWN));
        });
    }

    private static String exportAll(Store s) {
        List<StoredResult> all = new java.util.ArrayList<>();
        for (String e : List.of("local.2022-05-05", "gla.2016-05-05")) {
            all.addAll(StoredResult.load(s, e));
        }
        return NistCdfWriter.write(all, CLOCK.instant(), "tallyroom test");
    }

    private static String csvAll(Store s) {
        List<StoredResult> all = new java.util.ArrayList<>();
        for (String e : List.of("local.2022-05-05", "gla.2016-05-05")) {
            all.addAll(StoredResult.load(s, e));
        }
        return ResultsCsv.write(all);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exportValidatesAgainstTheNistSchema_andReimportsToTheSameResults(TestDatabase db) throws Exception {
        String json;
        String csv;
        try (Store s = Store.open(db.freshUrl(dir), CLOCK)) {
            fill(s);
            json = exportAll(s);
            csv = csvAll(s);
        }
        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"OtherType\" : \"democracyclub-ballot-id\"", "\"Value\" : \"local.barnet.whetstone.2022-05-05\"",
                "\"VoteVariation\" : \"other\"", "\"OtherVoteVariation\" : \"stv-scotland\"", "\"VoteVariation\" : \"n-of-m\"",
                "\"Count\" : 1571.12345");
        Path file = dir.resolve("export.json");
        Files.writeString(file, json);
        try (Store fresh = Store.open(db.freshUrl(dir), CLOCK)) {
            fresh.importSource(Source.of(file), NistCdfReader.NAME, "tester", in -> NistCdfReader.load(file, in));
            assertThat(csvAll(fresh)).isEqualTo(csv);
            assertThat(exportAll(fresh)).isEqualTo(json);
            assertThat(fresh.currentResult("local.dundee-city.the-ferry.2022-05-05").orElseThrow().status())
                    .isEqualTo(ResultStatus.PROVISIONAL);
            assertThat(fresh.currentResult("local.barnet.whetstone.2022-05-05").orElseThrow().turnout().rejectedByReason())
                    .containsEntry(org.tallyroom.count.RejectionReason.TOO_MANY_VOTES, 7L);
        }
    }

    @Test
    void theSchemaCheckCatchesAnInvalidReport() throws IOException {
        assertThat(validate("{\"@type\": \"ElectionResults.ElectionReport\", \"Format\": \"by-ward\"}")).isNotEmpty();
    }

    @Test
    void contestWithoutABallotId_isRejectedWithItsPath() throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, """
                {"@type": "ElectionResults.ElectionReport", "Election": [{"@type": "ElectionResults.Election",
                 "Contest": [{"@type": "ElectionResults.CandidateContest", "@id": "c1", "Name": "X"}]}]}""");
        assertThatThrownBy(() -> NistCdfReader.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("/Election/0/Contest/0: expected an ExternalIdentifier of OtherType democracyclub-ballot-id");
    }

    @Test
    void brokenJson_givesLineAndColumn() throws IOException {
        Path file = dir.resolve("y.json");
        Files.writeString(file, "{\n  \"@type\": \n}");
        assertThatThrownBy(() -> NistCdfReader.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    static Set<ValidationMessage> validate(String json) throws IOException {
        Path schemaFile = SharedData.path("formats/nist/NIST_V2_election_results_reporting.json");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        return schema.validate(new ObjectMapper().readTree(json));
    }
}
