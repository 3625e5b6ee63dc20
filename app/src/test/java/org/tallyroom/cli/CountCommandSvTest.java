package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tallyroom count --method sv} end to end on the 2016 London mayoral declaration, typed by hand
 * from London Elects' published figures (first preferences of all 12 candidates; second preferences
 * added: Khan 161,427, Goldsmith 84,859). The declared second round was Khan 1,310,143, Goldsmith 994,614.
 */
class CountCommandSvTest {
    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path declaration() throws URISyntaxException {
        return Path.of(CountCommandSvTest.class.getResource("/london-mayor-2016-declaration.csv").toURI());
    }

    @Test
    void london2016_text_declaresKhanElectedOnTheSecondCount() throws Exception {
        Run r = run("count", "--method", "sv", declaration().toString());
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("second-preferences").contains("Elected: Sadiq Khan");
        String khan = r.out.lines().filter(l -> l.startsWith("Sadiq Khan")).findFirst().orElseThrow();
        assertThat(khan).contains("1148716").contains("1310143");
        String zac = r.out.lines().filter(l -> l.startsWith("Zac Goldsmith")).findFirst().orElseThrow();
        assertThat(zac).contains("909755").contains("994614");
    }

    @Test
    void london2016_json_givesTheSecondRoundTotals() throws Exception {
        Run r = run("count", "--method", "sv", "--format", "json", declaration().toString());
        assertThat(r.err).isEmpty();
        assertThat(r.exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out);
        assertThat(json.get("method").asString()).isEqualTo("sv");
        assertThat(json.get("elected").get(0).asString()).isEqualTo("Sadiq Khan");
        JsonNode stages = json.get("stages");
        assertThat(stages.size()).isEqualTo(2);
        JsonNode second = stages.get(1);
        assertThat(second.get("kind").asString()).isEqualTo("second-preferences");
        assertThat(second.get("votes").get("Sadiq Khan").asString()).isEqualTo("1310143");
        assertThat(second.get("votes").get("Zac Goldsmith").asString()).isEqualTo("994614");
        assertThat(second.get("excluded").size()).isEqualTo(10);
        assertThat(second.get("non_transferable").asString()).isEqualTo(Long.toString(538_490 - 161_427 - 84_859));
    }

    @Test
    void ballotsCsv_avCount_withSuppliedLot(@TempDir Path dir) throws Exception {
        Path ballots = Files.writeString(dir.resolve("party.csv"), "A,B,C,weight\n1,,,5\n,1,,5\n,,1,2\n");
        Run r = run("count", "--method", "av", "--lot", "B", "--format", "json", ballots.toString());
        assertThat(r.err).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(r.out);
        assertThat(json.get("elected").get(0).asString()).isEqualTo("B");
        assertThat(json.get("ties").get(0).get("resolved_by").asString()).isEqualTo("lot");
    }

    @Test
    void badBallotsFile_isReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path ballots = Files.writeString(dir.resolve("bad.csv"), "A,B\n1,2\n1,z\n");
        Run r = run("count", "--method", "av", ballots.toString());
        assertThat(r.exit).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err).startsWith(ballots + ":3:2: expected a rank").doesNotContain("Exception");
    }
}
