package org.tallyroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project's own copy of the reference data is found and decompressed without ../shared. */
class SharedDataTest {
    @Test
    void aFileComesFromTheProjectCopy_decompressed() throws IOException {
        Path p = SharedData.fromProjectCopy("uk/westminster/ge2019-results-by-candidate.csv");
        assertThat(p).isNotNull().isRegularFile();
        assertThat(p.toString()).contains("target").endsWith("ge2019-results-by-candidate.csv");
        assertThat(Files.readAllLines(p)).hasSizeGreaterThan(3000);
        Path shared = SharedData.sharedRoot();
        if (shared != null) {
            assertThat(Files.mismatch(p, shared.resolve("data/uk/westminster/ge2019-results-by-candidate.csv")))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void aFolderComesWhole() {
        Path dir = SharedData.fromProjectCopy("stv/official");
        assertThat(dir).isDirectory();
        assertThat(dir.resolve("linn07.blt")).isRegularFile();
        assertThat(SharedData.fromProjectCopy("stv/scotland2007-2012/ballots").toFile().list()).hasSize(374);
    }

    @Test
    void theFoldersOtherHelpersUseAreCarried() {
        for (String folder : new String[] {"stv/official", "stv/scotland2007-2012", "stv/meek", "stv/ni-assembly",
                "rcv/rctab", "uk/westminster", "uk/london-boroughs", "uk/london-2016", "uk/council-control", "maps",
                "formats"}) {
            assertThat(SharedData.fromProjectCopy(folder)).as(folder).isDirectory();
        }
        assertThat(SharedData.fromProjectCopy("nothing/here.csv")).isNull();
        assertThat(SharedData.fromProjectCopy("../pom.xml")).isNull();
    }
}
