package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.Methods;
import org.tallyroom.io.ConstituencySeatsCsv;
import org.tallyroom.io.ContestReader;
import org.tallyroom.io.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, item 9: every reader behind {@code tallyroom count}, fed 1,000 seeded mutations of a small
 * valid file each run: the command exits 0 or 2, never prints a stack trace or an exception's name, and
 * a refusal says where (file:line:column).
 */
class ReaderFuzzTest {
    private static final int MUTATIONS = 1000;
    /** Every this many mutants go through the whole command (exit code, stderr); the rest straight to the reader and count. */
    private static final int THROUGH_THE_COMMAND = 40;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tallies       | examples/ward-tallies.csv  | count --method block --seats 3
            sv-tallies    | sv                         | count --method sv --input sv-tallies
            ballots csv   | examples/mayor-ballots.csv | count --method sv
            blt           | examples/ward.blt          | count --method stv-scotland
            list tallies  | examples/list-votes.csv    | count --method dhondt --seats 11
            seats csv     | examples/constituency-seats.csv | count --method ams --seats 11 --constituency-seats FILE examples/list-votes.csv
            """)
    void mutatedInput_exits0or2_withoutAStackTrace(String reader, String seedFile, String command) throws IOException {
        Path root = projectRoot();
        byte[] seed = seedFile.equals("sv") ? "candidate,party,first,second\nAnn,Lab,100,0\nBen,Con,80,30\nCal,LD,20,0\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8) : Files.readAllBytes(root.resolve(seedFile));
        String ext = seedFile.endsWith(".blt") ? ".blt" : ".csv";
        Path input = dir.resolve("input" + ext);
        Mutations m = new Mutations(reader.hashCode(), seed);
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutant = m.next();
            Files.write(input, mutant);
            List<String> args = new ArrayList<>();
            boolean fileTaken = false;
            for (String a : command.split(" ")) {
                if (a.equals("FILE")) {
                    args.add(input.toString());
                    fileTaken = true;
                } else if (a.startsWith("examples/")) {
                    args.add(root.resolve(a).toString());
                } else {
                    args.add(a);
                }
            }
            if (!fileTaken) {
                args.add(input.toString());
            }
            String shown = reader + " mutation " + i + ":\n" + Mutations.show(mutant);
            if (i % THROUGH_THE_COMMAND != 0) {
                refused += direct(input, command, shown);
                continue;
            }
            Cli r = Cli.run(args.toArray(String[]::new));
            String why = shown + "\nerr: " + r.err();
            assertThat(r.exit()).as(why).isIn(0, 2);
            assertThat(r.err()).as(why).doesNotContain("\tat ", "Exception", "java.");
            if (r.exit() == 2) {
                refused++;
                assertThat(r.err()).as(why).containsPattern(":\\d+:\\d+: |: cannot count|tallyroom: ");
            }
        }
        assertThat(refused).as("some mutants are refused").isPositive();
    }

    /**
     * Reads (and counts) a mutant as the command does, without its start-up cost: the only exceptions
     * allowed are those the command turns into exit 2 with a located message. Returns 1 if refused.
     */
    private static int direct(Path input, String command, String shown) {
        String[] words = command.split(" ");
        String method = words[2];
        try {
            if (method.equals("ams")) {
                ConstituencySeatsCsv.read(input);
                return 0;
            }
            Contest contest = command.contains("sv-tallies") ? ContestReader.read(input, ContestReader.Kind.SV_TALLIES)
                    : ContestReader.read(input);
            int seats = command.contains("--seats") ? Integer.parseInt(words[4])
                    : contest.seats();
            Methods.byId(method).orElseThrow().count(contest, CountOptions.seats(seats));
            return 0;
        } catch (InputException e) {
            assertThat(e.getMessage()).as(shown).containsPattern(":\\d+:\\d+: ").doesNotContain("Exception", "java.");
            return 1;
        } catch (CountException | IllegalArgumentException | ArithmeticException e) {
            assertThat(e).as(shown).isNotInstanceOf(NumberFormatException.class);
            assertThat(String.valueOf(e.getMessage())).as(shown).doesNotContain("Exception", "java.");
            return 1;
        }
    }

    static Path projectRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("examples")) && Files.exists(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project root with examples/ above " + Path.of("").toAbsolutePath());
    }
}
