package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** End to end: a BLT file counted by Scottish STV with the seats its header gives. */
class CountCommandBltTest {

    @Test
    void countsABltFileWithItsOwnSeats(@TempDir Path out) throws Exception {
        Path blt = SharedData.path("stv/official/linn07.blt");
        int exit = Main.run("count", "--method", "stv-scotland", "--format", "json", "--out", out.toString(),
                blt.toString());
        assertThat(exit).isZero();
        JsonNode j = new JsonMapper().readTree(Files.readString(out.resolve("linn07.json")));
        assertThat(j.get("seats").asInt()).isEqualTo(4);
        assertThat(j.get("quota").asString()).isEqualTo("1914.00000");
        assertThat(j.get("elected").size()).isEqualTo(4);
        assertThat(j.get("elected").get(0).asString()).isEqualTo("David Ritchie (SNP)");
    }

    @Test
    void badBltInputIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path blt = dir.resolve("bad.blt");
        Files.writeString(blt, "3 2\n1 1 9 0\n0\n");
        int exit = Main.run("count", "--method", "stv-scotland", "--out", dir.resolve("o").toString(), blt.toString());
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
    }
}
