package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.testing.SharedData;

/** {@code tallyroom count --rctab CONFIG}: RCTab contests from the command line. */
class CountRctabCommandTest {
    @TempDir
    Path dir;

    private static Path config(String name) {
        return SharedData.path("rcv/rctab/" + name + "/" + name + "_config.json");
    }

    @Test
    void json_hasOneStagePerRound_andTheWinners() {
        Cli r = Cli.run("count", "--rctab", config("test_set_multi_winner_whole_threshold").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"format\" : \"tallyroom.count/1\"", "\"method\" : \"rctab\"",
                "\"number\" : 6", "\"final_round_surplus\"", "\"decisions\"");
        assertThat(r.out()).doesNotContain("\"number\" : 7");
    }

    @Test
    void text_readsLikeAStageTable() {
        Cli r = Cli.run("count", "--rctab", config("generic_csv_test").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Generic CSV Test (rctab, 1 seat)", "Elected: Cucumber", "Undeclared Write-ins",
                "Threshold");
    }

    @Test
    void outDir_getsOneReportNamedAfterTheConfig() throws IOException {
        Cli r = Cli.run("count", "--rctab", config("test_set_8_multi_cdf").toString(), "--format", "csv",
                "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("test_set_8_multi_cdf_config-count.csv"))).contains("Candidate B Name");
    }

    @Test
    void aBadConfig_exitsTwoWithItsLocation_andNoStackTrace() throws IOException {
        Path cfg = dir.resolve("c.json");
        Files.writeString(cfg, "{\n  \"outputSettings\" : { \"contestName\" : \"x\" },\n"
                + "  \"candidates\" : [ { \"name\" : \"A\" } ],\n  \"rules\" : { \"tiebreakMode\" : 7 }\n}\n");
        Cli r = Cli.run("count", "--rctab", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + ":4:32: /rules/tiebreakMode: expected one of random,")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void rctabWithAMethodOrFiles_isAUsageError() {
        Cli r = Cli.run("count", "--rctab", config("generic_csv_test").toString(), "--method", "av");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--rctab takes");
    }

    @Test
    void neitherMethodNorRctab_isAUsageError() {
        Cli r = Cli.run("count", "x.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing --method");
    }
}
