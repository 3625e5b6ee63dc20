package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Votes;

/** Issue 10, items 3 and 8: strict thousands separators, size and line limits, bytes in no encoding, CSV errors located. */
class InputHardeningTest {
    @TempDir
    Path dir;

    @AfterEach
    void defaultLimits() {
        InputFile.setLimits(new InputFile.Limits(InputFile.DEFAULT_MAX_FILE_SIZE, InputFile.DEFAULT_MAX_LINE_LENGTH));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void thousandsSeparators_onlyInGroupsOfThree() throws Exception {
        Path ok = write("ok.csv", "candidate,votes\nA,\"1,234,567\"\nB,\"999\"\nC,0\n");
        assertThat(((Votes.Tallies) TalliesCsv.read(ok).votes()).votes()).containsExactly(1_234_567, 999, 0);
        for (String bad : new String[] {"1,2", "12,,3", "1,84,3", ",123", "123,", "1234,567"}) {
            Path p = write("bad.csv", "candidate,votes\nA,5\nB,\"" + bad + "\"\n");
            assertThatThrownBy(() -> TalliesCsv.read(p)).as(bad).isInstanceOf(InputException.class)
                    .hasMessage(p + ":3:2: expected votes as a whole number with thousands separators in groups of three"
                            + " (1,234), found '" + bad + "'");
        }
    }

    @Test
    void semicolonsOrTabsForCommas_refusedAtTheHeader() throws Exception {
        Path semi = write("semi.csv", "\ncandidate;party;votes\nA;X;10\nB;Y;12\n");
        String expected = ":2:1: expected comma-separated values (save the file as CSV with commas), found fields separated by ";
        assertThatThrownBy(() -> ContestReader.read(semi)).isInstanceOf(InputException.class).hasMessage(semi + expected + "semicolons");
        assertThatThrownBy(() -> BallotsCsv.read(semi)).isInstanceOf(InputException.class).hasMessage(semi + expected + "semicolons");
        assertThatThrownBy(() -> CsvFile.readAll(semi)).isInstanceOf(InputException.class).hasMessage(semi + expected + "semicolons");
        Path tabs = write("tabs.csv", "\ncandidate\tvotes\nA\t10\n");
        assertThatThrownBy(() -> ContestReader.read(tabs)).isInstanceOf(InputException.class).hasMessage(tabs + expected + "tabs");
        // One column is still a file of one candidate's ballots, and a semicolon inside a quoted name with commas is data.
        assertThat(BallotsCsv.read(write("one.csv", "Alice\n1\n1\n")).candidates()).hasSize(1);
        assertThat(BallotsCsv.read(write("q.csv", "\"Smith; John\",Bob\n1,2\n")).candidates()).hasSize(2);
    }

    @Test
    void counts_wholeNonNegativeBelow10To18() throws Exception {
        assertThat(Counts.parse(" 0012 ")).isEqualTo(12);
        assertThat(Counts.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(Counts.parse("0")).isZero();
        assertThat(Counts.parse("000")).isZero();
        assertThat(Counts.parse("000000000000000000000007")).isEqualTo(7); // leading zeros do not count towards 10^18
        assertThat(Counts.parse("1,234,567")).isEqualTo(1_234_567);
        assertThat(Counts.parse("\t42\u00A0".replace('\u00A0', ' '))).isEqualTo(42);
        assertThatThrownBy(() -> Counts.parse("")).hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.parse("\u0663")).as("an Arabic-Indic digit").hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.parse("1 234")).hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.parse("+5")).hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.parse("1000000000000000000")).hasMessageContaining("below 10^18");
        assertThatThrownBy(() -> Counts.parse("-5")).hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.parse("12x")).hasMessageContaining("as a whole number");
        assertThatThrownBy(() -> Counts.whole(new java.math.BigDecimal("-5"))).hasMessage("expected of 0 or more, found -5");
        assertThatThrownBy(() -> Counts.whole(new java.math.BigDecimal("1E30"))).hasMessageContaining("below 10^18");
        assertThatThrownBy(() -> Counts.whole(new java.math.BigDecimal("2.5"))).hasMessageContaining("whole");
        assertThat(Counts.whole(new java.math.BigDecimal("7.000"))).isEqualTo(7);
    }

    @Test
    void votesAgainstThePapers() throws Exception {
        Counts.againstPapers(new long[] {3, 3}, 2, 3L, 0L);
        Counts.againstPapers(new long[] {5, 5}, 1, null, null);
        assertThatThrownBy(() -> Counts.againstPapers(new long[] {4, 3, 3}, 2, 3L, null))
                .isInstanceOfSatisfying(Counts.Invalid.class, e -> assertThat(e.candidate()).isEqualTo(0))
                .hasMessageContaining("at most 3 votes for candidate 1");
        assertThatThrownBy(() -> Counts.againstPapers(new long[] {3, 3, 3, 1}, 2, 3L, null))
                .hasMessage("expected votes adding up to at most 6 (3 valid papers with 2 votes each), found 10 votes");
        assertThatThrownBy(() -> Counts.againstPapers(new long[] {1}, 1, 3L, 4L))
                .hasMessageContaining("rejected papers of at most the 3 ballot papers issued");
    }

    @Test
    void aLineLongerThanTheLimit_isRefusedWithoutReadingTheRest() throws Exception {
        InputFile.setLimits(new InputFile.Limits(InputFile.DEFAULT_MAX_FILE_SIZE, 1000));
        Path blt = dir.resolve("long.blt");
        try (OutputStream out = Files.newOutputStream(blt)) {
            out.write("3 1\n1 1 2".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> BltReader.read(blt)).isInstanceOf(InputException.class)
                .hasMessage(blt + ":2:1001: expected a line of at most 1000 bytes (the limit set by --max-line-length), "
                        + "found a longer line");
        Path csv = write("long.csv", "candidate,votes\nA," + "1".repeat(2000) + "\n");
        assertThatThrownBy(() -> TalliesCsv.read(csv)).hasMessageStartingWith(csv + ":2:1001: expected a line of at most 1000");
        assertThatThrownBy(() -> BallotsCsv.read(csv)).hasMessageStartingWith(csv + ":2:1001: expected a line of at most 1000");
    }

    @Test
    void aFileLargerThanTheLimit_isRefusedNamingTheLimit() throws Exception {
        InputFile.setLimits(new InputFile.Limits(100, InputFile.DEFAULT_MAX_LINE_LENGTH));
        Path csv = write("big.csv", "candidate,votes\n" + "A,1\n".repeat(50));
        assertThatThrownBy(() -> TalliesCsv.read(csv))
                .hasMessage(csv + ":0:0: expected a file of at most 100 bytes (the limit set by --max-file-size), "
                        + "found one of 216 bytes");
        assertThatThrownBy(() -> BltReader.read(csv)).hasMessageContaining("--max-file-size");
    }

    @Test
    void bytesInNeitherUtf8NorWindows1252_areRefusedWhereTheyAre() throws Exception {
        Path blt = dir.resolve("bad.blt");
        byte[] head = "2 1\n1 1 0\n1 2 0\n0\n\"Ann \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0x81;
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '\n';
        Files.write(blt, bytes);
        assertThatThrownBy(() -> BltReader.read(blt)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(blt + ":5:7: expected text in UTF-8 or Windows-1252, found the byte 0x81");
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, concat("candidate,votes\nAnn \u00e9".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {(byte) 0x9D}, ",3\n".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> TalliesCsv.read(csv)).hasMessageStartingWith(csv + ":2:6: expected text in UTF-8 or Windows-1252");
        assertThatThrownBy(() -> BallotsCsv.read(csv)).hasMessageStartingWith(csv + ":2:6: expected text in UTF-8 or Windows-1252");
        // Windows-1252 alone is still read (London Elects' 2018 file).
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "candidate,votes\nAnn \u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(TalliesCsv.read(latin).candidates()).extracting(Candidate::name).containsExactly("Ann \u00e9");
    }

    @Test
    void csvStructureErrors_giveTheirLineAndColumn() throws Exception {
        Path p = write("quote.csv", "candidate,votes\nA,1\nB,\"2\n");
        assertThatThrownBy(() -> TalliesCsv.read(p)).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.line()).isEqualTo(3);
                    assertThat(ie.column()).isEqualTo(2);
                    assertThat(ie.getMessage()).doesNotContain("CsvParseException").contains("closing quote");
                });
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
