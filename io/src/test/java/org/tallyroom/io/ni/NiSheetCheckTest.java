package org.tallyroom.io.ni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;
import org.tallyroom.testing.SharedData;

/**
 * The check and the reader on a copy of a real sheet (2017 Belfast South, which adds up and records
 * every status where its figures put it) with one figure changed at a time.
 */
class NiSheetCheckTest {
    @TempDir
    Path tmp;

    private Path year;
    private Path sheet;

    @BeforeEach
    void copySheet() throws IOException {
        Path src = SharedData.path("stv/ni-assembly/2017");
        year = tmp.resolve("2017");
        Files.createDirectories(year.resolve("NI"));
        Files.copy(src.resolve("contest.csv"), year.resolve("contest.csv"));
        Files.copy(src.resolve("NI/constituencies.csv"), year.resolve("NI/constituencies.csv"));
        Files.copy(src.resolve("NI/all-constituency-info.csv"), year.resolve("NI/all-constituency-info.csv"));
        sheet = year.resolve("constituency/belfast-south");
        Files.createDirectories(sheet);
        for (String f : List.of("Candidate.csv", "ConstituencyCount.csv", "Count.csv", "NonTransferable.csv")) {
            Files.copy(src.resolve("constituency/belfast-south").resolve(f), sheet.resolve(f));
        }
    }

    private NiSheetCheck.Result check() throws InputException {
        List<NiSheet> sheets = NiSheetReader.read(sheet);
        assertThat(sheets).hasSize(1);
        return NiSheetCheck.check(sheets.get(0));
    }

    /** Replaces {@code from} by {@code to} on line {@code line} (1-based) of the sheet's file. */
    private void edit(String file, int line, String from, String to) throws IOException {
        Path p = sheet.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        assertThat(lines.get(line - 1)).contains(from);
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
        Files.write(p, lines, StandardCharsets.UTF_8);
    }

    @Test
    void realSheet_addsUp_withNoFinding() throws Exception {
        NiSheetCheck.Result r = check();
        assertThat(r.findings()).isEmpty();
        assertThat(r.addsUp()).isTrue();
        assertThat(r.quota()).isEqualTo(Long.parseLong(Files.readAllLines(sheet.resolve("ConstituencyCount.csv")).get(1)
                .split(",")[4]) * 100);
        assertThat(r.elected()).hasSize(5).containsExactlyInAnyOrderElementsOf(r.rulesElected());
        assertThat(r.steps().get(0).action()).isEqualTo(NiSheetCheck.Action.FIRST_PREFERENCES);
        assertThat(r.steps().get(1).action()).isEqualTo(NiSheetCheck.Action.SURPLUS);
    }

    @Test
    void aTotalThatIsNotThePreviousPlusTheTransfer_isFoundAtItsLine() throws Exception {
        edit("Count.csv", 30, "4341.74", "4341.84");
        NiSheetCheck.Result r = check();
        assertThat(r.addsUp()).isFalse();
        assertThat(r.findings(NiSheetCheck.Concern.FIGURES)).anySatisfy(f -> {
            assertThat(f.file()).endsWith("Count.csv");
            assertThat(f.line()).isEqualTo(30);
            assertThat(f.stage()).isEqualTo(3);
            assertThat(f.message()).contains("Clare Bailey").contains("4341.74").contains("4341.84");
        });
    }

    @Test
    void aQuotaOtherThanTheRulesGive_isFound() throws Exception {
        String line = Files.readAllLines(sheet.resolve("ConstituencyCount.csv")).get(1);
        String quota = line.split(",")[4];
        edit("ConstituencyCount.csv", 2, "," + quota + ",", "," + (Long.parseLong(quota) + 1) + ",");
        NiSheetCheck.Result r = check();
        assertThat(r.findings(NiSheetCheck.Concern.FIGURES)).anySatisfy(f -> {
            assertThat(f.stage()).isZero();
            assertThat(f.message()).startsWith("quota " + (Long.parseLong(quota) + 1)).contains("is " + quota + " (r.48)");
        });
    }

    @Test
    void anExclusionRecordedAtAnotherCount_isAStatusFinding_notAFigure() throws Exception {
        edit("Count.csv", 32, "Excluded,3", "Excluded,2");
        NiSheetCheck.Result r = check();
        assertThat(r.addsUp()).isTrue();
        assertThat(r.findings(NiSheetCheck.Concern.STATUSES)).anySatisfy(f -> assertThat(f.message()).contains("Sean Burns"));
    }

    @Test
    void aCandidateMissingFromACount_isAnErrorWithFileAndLine() throws Exception {
        Path p = sheet.resolve("Count.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        lines.remove(29);
        Files.write(p, lines);
        assertThatThrownBy(this::check).isInstanceOf(InputException.class)
                .hasMessageContaining("Count.csv:").hasMessageContaining("a row for every candidate at count 3");
    }

    @Test
    void aFigureWithThreeDecimalPlaces_isAnErrorWithItsColumn() throws Exception {
        edit("Count.csv", 30, "48.96", "48.965");
        assertThatThrownBy(this::check).isInstanceOf(InputException.class)
                .hasMessageContaining("Count.csv:30:7: expected transfers as a number with at most two decimal places, found '48.965'");
    }
}
