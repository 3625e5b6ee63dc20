package org.tallyroom.store.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.export.StoredResult;
import org.tallyroom.store.testing.TestDatabase;

/** Issue 10, item 2: impossible counts in a NIST report are refused with their JSON pointer, nothing written. */
class NistCdfValidationTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-05-06T03:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void impossibleCounts_areRefusedWithTheirPointer_andNothingIsWritten(TestDatabase db) throws Exception {
        String json;
        try (Store s = Store.open(db.freshUrl(dir), CLOCK)) {
            NistCdfRoundTripTest.fill(s);
            json = NistCdfWriter.write(StoredResult.load(s, "local.2022-05-05"), CLOCK.instant(), "test");
        }
        assertThat(json).contains("\"Count\" : 1500");
        String[][] cases = {
                {"\"Count\" : -5", "expected votes of 0 or more, found -5"},
                {"\"Count\" : \"12x\"", "expected a number of votes, found '12x'"},
                {"\"Count\" : 1e30", "expected votes below 10^18, found 1E+30"},
                {"\"Count\" : 1e999999999", "expected votes below 10^18"},
                {"\"Count\" : 1500.0000000001", "expected votes with at most 9 decimal places"},
                {"\"Count\" : 4500", "expected at most 4088 votes for candidate 2"},
        };
        try (Store s = Store.open(db.freshUrl(dir), CLOCK)) {
            for (String[] c : cases) {
                Path file = dir.resolve("bad.json");
                Files.writeString(file, json.replace("\"Count\" : 1500", c[0]));
                assertThatThrownBy(() -> s.importSource(Source.of(file), NistCdfReader.NAME, "tester",
                        in -> NistCdfReader.load(file, in)))
                        .as(c[0]).isInstanceOf(InputException.class)
                        .hasMessageContaining(file + ":0:0: /Election/0/Contest/")
                        .hasMessageContaining("/ContestSelection/1")
                        .hasMessageContaining(c[1]);
                assertThat(s.currentResult("local.barnet.whetstone.2022-05-05")).as(c[0]).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void impossiblePaperCounts_areRefused(TestDatabase db) throws Exception {
        String json;
        try (Store s = Store.open(db.freshUrl(dir), CLOCK)) {
            NistCdfRoundTripTest.fill(s);
            json = NistCdfWriter.write(StoredResult.load(s, "local.2022-05-05"), CLOCK.instant(), "test");
        }
        for (String[] c : List.of(
                new String[] {"\"BallotsRejected\" : 12", "\"BallotsRejected\" : -12", "/BallotsRejected: expected a count of 0 or more"},
                new String[] {"\"BallotsRejected\" : 12", "\"BallotsRejected\" : 12.5", "/BallotsRejected: expected a count as a whole number"},
                new String[] {"\"BallotsRejected\" : 12", "\"BallotsRejected\" : 5000", "expected rejected papers of at most the 4100"})) {
            assertThat(json).contains(c[0]);
            Path file = dir.resolve("bad.json");
            Files.writeString(file, json.replace(c[0], c[1]));
            assertThatThrownBy(() -> NistCdfReader.read(file)).as(c[1]).isInstanceOf(InputException.class)
                    .hasMessageContaining(c[2]);
        }
    }
}
