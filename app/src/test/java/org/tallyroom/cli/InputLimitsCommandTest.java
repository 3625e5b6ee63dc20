package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 8: the command line's input limits, refused with exit 2 and a message naming the limit. */
class InputLimitsCommandTest {
    @TempDir
    Path dir;

    private Path oneLongLine(long bytes) throws IOException {
        Path blt = dir.resolve("long.blt");
        try (OutputStream out = Files.newOutputStream(blt)) {
            out.write("3 1\n1 1".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) ' ');
            for (long n = 0; n < bytes; n += chunk.length) {
                out.write(chunk);
            }
            out.write(" 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        return blt;
    }

    @Test
    void aLineOverTheDefaultLimit_isRefusedNamingIt() throws IOException {
        Path blt = oneLongLine(3L << 20);
        Cli r = Cli.run("count", "--method", "stv-scotland", blt.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(blt + ":2:1048577: expected a line of at most 1048576 bytes (the limit set by "
                + "--max-line-length), found a longer line").doesNotContain("Exception");
    }

    @Test
    void theLimitsAreOptions() throws IOException {
        Path blt = oneLongLine(1 << 16);
        assertThat(Cli.run("count", "--method", "stv-scotland", blt.toString()).exit()).isZero();
        Cli line = Cli.run("count", "--method", "stv-scotland", "--max-line-length", "1K", blt.toString());
        assertThat(line.exit()).isEqualTo(2);
        assertThat(line.err()).contains(":2:1025: expected a line of at most 1024 bytes");
        Cli size = Cli.run("count", "--method", "stv-scotland", "--max-file-size", "100", blt.toString());
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.err()).contains("expected a file of at most 100 bytes (the limit set by --max-file-size)");
        Cli bad = Cli.run("count", "--method", "stv-scotland", "--max-file-size", "lots", blt.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("expected --max-file-size as a size of 1 or more");
        // the limits of one run do not outlive it
        assertThat(Cli.run("count", "--method", "stv-scotland", blt.toString()).exit()).isZero();
    }
}
