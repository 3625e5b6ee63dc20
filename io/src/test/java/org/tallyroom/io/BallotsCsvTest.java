package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

class BallotsCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<Ballot> ballots(Contest c) {
        return ((Votes.Papers) c.votes()).ballots();
    }

    @Test
    void ranksBecomeBallots_identicalRowsBundle_weightsAdd() throws Exception {
        Path p = write("ward.csv", "Ann,Bob,Cat\n1,2,\n1,2,\n,1,2\n3,1,2\n");
        Contest c = BallotsCsv.read(p);
        assertThat(c.title()).isEqualTo("ward");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Ann", "Bob", "Cat");
        assertThat(ballots(c)).extracting(Ballot::toString).containsExactly("2: 1 2", "1: 2 3", "1: 2 3 1");
    }

    @Test
    void weightColumnAnywhereAnyCase_blankWeightIsOne() throws Exception {
        Path p = write("w.csv", "Ann,WEIGHT,Bob\n1,5,2\n1,,2\n2,3,1\n");
        Contest c = BallotsCsv.read(p);
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Ann", "Bob");
        assertThat(ballots(c)).extracting(Ballot::toString).containsExactly("6: 1 2", "3: 2 1");
    }

    @Test
    void crossesAreRankOne_duplicateRanksAndGapsAreKeptAsMarked() throws Exception {
        Path p = write("x.csv", "A,B,C,D\nX,,x,\n1,1,2,\n1,,3,\n,,,\n");
        List<Ballot> b = ballots(BallotsCsv.read(p));
        assertThat(b).extracting(Ballot::toString).containsExactly("1: 1=3", "1: 1=2 3", "1: 1 - 3", "1:");
    }

    @Test
    void bomCrlfQuotedCellsAndBlankLinesReadFine() throws Exception {
        Path p = dir.resolve("bom.csv");
        Files.write(p, ("\uFEFF\"Smith, Jo\",\"Bloggs \"\"Fred\"\"\"\r\n\r\n\"1\", 2 \r\n2,1").getBytes(StandardCharsets.UTF_8));
        Contest c = BallotsCsv.read(p);
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Smith, Jo", "Bloggs \"Fred\"");
        assertThat(ballots(c)).extracting(Ballot::toString).containsExactly("1: 1 2", "1: 2 1");
    }

    @Test
    void windows1252HeaderIsDecoded() throws Exception {
        Path p = dir.resolve("latin.csv");
        Files.write(p, "Zoë,José\n1,2\n".getBytes(Charset.forName("windows-1252")));
        assertThat(BallotsCsv.read(p).candidates()).extracting(Candidate::name).containsExactly("Zoë", "José");
    }

    private void rejects(String text, String located, String... words) throws IOException {
        Path p = write("bad.csv", text);
        assertThatThrownBy(() -> BallotsCsv.read(p)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(p + ":" + located + ": expected")
                .hasMessageContainingAll(words);
    }

    @Test
    void emptyFile() throws Exception {
        rejects("", "1:1", "header row", "an empty file");
        rejects("\n\r\n", "1:1", "header row", "an empty file");
    }

    @Test
    void headerOnly() throws Exception {
        rejects("A,B\n", "2:1", "at least one ballot row", "none");
    }

    @Test
    void duplicateCandidateInHeader() throws Exception {
        rejects("A,B,A\n1,2,3\n", "1:3", "each candidate once", "'A' a second time");
    }

    @Test
    void emptyCandidateNameAndTwoWeightColumns() throws Exception {
        rejects("A,,B\n1,2,3\n", "1:2", "a candidate name");
        rejects("A,weight,Weight\n1,2,3\n", "1:3", "one weight column");
        rejects("weight\n1\n", "1:1", "candidate names", "only a weight column");
    }

    @Test
    void wrongNumberOfCells() throws Exception {
        rejects("A,B,C\n1,2,3\n1,2\n", "3:3", "3 cells as in the header", "2 cells");
        rejects("A,B\n1,2,,\n", "2:3", "2 cells as in the header", "4 cells");
    }

    @Test
    void badRanks() throws Exception {
        rejects("A,B\n1,two\n", "2:2", "a rank from 1 to 2", "'two'");
        rejects("A,B\n0,1\n", "2:1", "a rank from 1 to 2", "'0'");
        rejects("A,B\n1,-2\n", "2:2", "a rank", "'-2'");
        rejects("A,B\n1,3\n", "2:2", "a rank from 1 to 2", "'3'");
        rejects("A,B\n1,99999999999999999999999\n", "2:2", "a rank", "'99999999999999999999999'");
        rejects("A,B\n1,1.5\n", "2:2", "a rank", "'1.5'");
    }

    @Test
    void badWeights() throws Exception {
        rejects("A,weight\n1,0\n", "2:2", "a weight", "'0'");
        rejects("A,weight\n1,-3\n", "2:2", "a weight", "'-3'");
        rejects("A,weight\n1,2.5\n", "2:2", "a weight", "'2.5'");
        rejects("A,weight\n1,abc\n", "2:2", "a weight", "'abc'");
        rejects("A,weight\n1,123456789012345678901\n", "2:2", "a weight", "'123456789012345678901'");
    }

    @Test
    void unterminatedQuote() throws Exception {
        rejects("A,B\n1,\"2\n", "2:2", "a closing quote", "end of the file");
    }

    @Test
    void aMillionPapersReadAndBundle() throws Exception {
        // Not a timing test: the size checks the reader scales and keeps every paper.
        StringBuilder sb = new StringBuilder("A,B,C,D,E,F,G,H,I,J,K,L,M,N\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            int[] rank = new int[14];
            int k = 1 + rnd.nextInt(5);
            for (int r = 1; r <= k; r++) {
                int c;
                do {
                    c = rnd.nextInt(14);
                } while (rank[c] != 0);
                rank[c] = r;
            }
            for (int c = 0; c < 14; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                if (rank[c] > 0) {
                    sb.append(rank[c]);
                }
            }
            sb.append('\n');
        }
        Contest c = BallotsCsv.read(write("big.csv", sb.toString()));
        assertThat(ballots(c).stream().mapToLong(Ballot::weight).sum()).isEqualTo(200_000);
    }
}
