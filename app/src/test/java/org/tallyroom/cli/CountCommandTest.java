package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void blockCountOfTallies_readsLikeADeclaration() throws IOException {
        Path t = file("whetstone.csv", "candidate,party,votes\nAnn,Lab,1200\nBen,Con,1100\nCal,Lab,1150\nDee,Con,900\n");
        Cli r = Cli.run("count", "--method", "block", "--seats", "2", t.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("whetstone (block, 2 seats)", "Elected: Ann, Cal", "Valid votes: 4,350");
    }

    @Test
    void jsonFollowsTheReportFormat() throws IOException {
        Path t = file("ward.csv", "candidate,party,votes\nAnn,Lab,10\nBen,Con,7\n");
        Cli r = Cli.run("count", "--method", "fptp", "--format", "json", t.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"format\" : \"tallyroom.count/1\"", "\"elected\" : [ \"Ann\" ]",
                "\"quota\" : null", "\"kind\" : \"first-preferences\"");
    }

    @Test
    void severalInputsWithOut_writeOneReportEach() throws IOException {
        Path a = file("a.csv", "candidate,party,votes\nAnn,Lab,10\nBen,Con,7\n");
        Path b = file("b.csv", "candidate,party,votes\nCal,Lab,3\nDee,Con,9\n");
        Path out = dir.resolve("reports");
        Cli r = Cli.run("count", "--method", "fptp", "--format", "json", "--out", out.toString(), a.toString(), b.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out.resolve("a.json"))).contains("\"elected\" : [ \"Ann\" ]");
        assertThat(Files.readString(out.resolve("b.json"))).contains("\"elected\" : [ \"Dee\" ]");
    }

    @Test
    void badVotes_exitTwoWithFileLineColumn_andNoStackTrace() throws IOException {
        Path t = file("bad.csv", "candidate,party,votes\nAnn,Lab,10\nBen,Con,ten\n");
        Cli r = Cli.run("count", "--method", "fptp", t.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(t + ":3:3: expected votes as a whole number, found 'ten'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownMethod_listsTheKnownOnes() throws IOException {
        Path t = file("x.csv", "candidate,party,votes\nAnn,Lab,10\n");
        Cli r = Cli.run("count", "--method", "borda", t.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown method 'borda'", "fptp", "block");
    }

    @Test
    void missingFile_isAClearError() {
        Cli r = Cli.run("count", "--method", "fptp", dir.resolve("nope.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.csv:0:0: expected a readable file, found no such file").doesNotContain("\tat ");
    }

    @Test
    void fptpWithTwoSeats_saysToUseBlock() throws IOException {
        Path t = file("x.csv", "candidate,party,votes\nAnn,Lab,10\nBen,Con,7\nCal,LD,3\n");
        Cli r = Cli.run("count", "--method", "fptp", "--seats", "2", t.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("use --method block");
    }
}
