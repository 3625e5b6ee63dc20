package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

class TalliesCsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("tallies.csv"), text);
    }

    @Test
    void readsColumnsInAnyOrder_foldsNames_allowsQuotedThousands() throws Exception {
        Contest c = TalliesCsv.read(write("Votes,Candidate,Party,notes\n\"81,482\",  Andrew   DISMORE ,Lab,x\n65242,Daniel THOMAS,Con,\n"));
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Andrew DISMORE", "Daniel THOMAS");
        assertThat(((Votes.Tallies) c.votes()).votes()).containsExactly(81_482, 65_242);
        assertThat(c.title()).isEqualTo("tallies");
    }

    @Test
    void byteOrderMarkAndCrlf_readAsPlainText() throws Exception {
        Path p = dir.resolve("bom.csv");
        Files.write(p, ("\uFEFFcandidate,party,votes\r\nA,X,3\r\nB,Y,4\r\n").getBytes(StandardCharsets.UTF_8));
        Contest c = TalliesCsv.read(p);
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("A", "B");
        assertThat(((Votes.Tallies) c.votes()).votes()).containsExactly(3, 4);
    }

    @Test
    void windows1252Names_areDecoded() throws Exception {
        Path p = dir.resolve("latin.csv");
        Files.write(p, "candidate,party,votes\nJos\u00e9 L\u00d3PEZ,X,3\n".getBytes("windows-1252"));
        assertThat(TalliesCsv.read(p).candidates().get(0).name()).isEqualTo("Jos\u00e9 L\u00d3PEZ");
    }

    private void rejects(String text, String located, String... words) throws IOException {
        Path p = write(text);
        assertThatThrownBy(() -> TalliesCsv.read(p)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(p + ":" + located + ": expected").hasMessageContainingAll(words);
    }

    @Test
    void malformedTallies_sayWhereAndWhat() throws Exception {
        rejects("", "1:1", "candidate,party,votes", "an empty file");
        rejects("name,votes\nA,1\n", "1:1", "candidate,party,votes", "'name,votes'");
        rejects("candidate,party,votes\n", "2:1", "at least one candidate row", "none");
        rejects("candidate,party,votes\nA,X,1\nA,Y,2\n", "3:1", "each candidate once", "'A' a second time");
        rejects("candidate,party,votes\nA,X,ten\n", "2:3", "votes as a whole number", "'ten'");
        rejects("candidate,party,votes\nA,X,-4\n", "2:3", "votes as a whole number", "'-4'");
        rejects("candidate,party,votes\nA,X,1.5\n", "2:3", "votes as a whole number", "'1.5'");
        rejects("candidate,party,votes\nA,X,\n", "2:3", "votes as a whole number", "an empty value");
        rejects("candidate,party,votes\nA,X\n", "2:3", "3 columns as in the header", "2 columns");
        rejects("candidate,party,votes\nA,X,1,9\n", "2:4", "3 columns as in the header", "4 columns");
        rejects("candidate,party,votes\n,X,1\n", "2:1", "a candidate name", "an empty value");
        rejects("candidate,party,votes\nA,X,123456789012345678901234\n", "2:3", "below 10^18");
        rejects("candidate,party,votes\nA,\"X,1\n", "2:2", "a closing quote for the field opened here", "the end of the file");
    }
}
