package org.tallyroom.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run the build makes for the JDK's ahead-of-time cache (app/target/tallyroom.aot, JDK 25's
 * {@code -XX:AOTCacheOutput}): the commands people run most, on small inputs, so that the classes they
 * load are found already parsed and linked the next time. Not a command: the build runs it with
 * {@code java -cp tallyroom.jar org.tallyroom.cli.AotTraining EXAMPLES WORKDIR}. A failure here never
 * fails the build: the launcher runs without a cache as before.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        try {
            train(Path.of(args[0]), Path.of(args[1]));
        } catch (Exception | LinkageError e) {
            System.err.println("tallyroom: AOT training run stopped early (the cache covers less): " + e);
        }
    }

    private static void train(Path examples, Path work) throws Exception {
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        String db = org.tallyroom.store.Store.h2File(work.resolve("db/tallyroom"));
        String tallies = examples.resolve("ward-tallies.csv").toString();
        String blt = examples.resolve("ward.blt").toString();
        String generated = work.resolve("ranked.csv").toString();
        List<String[]> runs = List.of(
                new String[] {"--help"},
                new String[] {"count", "--help"},
                new String[] {"count", "--method", "fptp", tallies},
                new String[] {"count", "--method", "stv-scotland", "--format", "json", blt},
                new String[] {"count", "--method", "stv-meek", blt},
                new String[] {"generate", "--ballots", "20000", "--candidates", "6", generated},
                new String[] {"count", "--method", "av", generated},
                new String[] {"import", "ballots", "--db", db, "--method", "fptp", "--ballot-id",
                        "parl.chipping-barnet.2019-12-12", tallies},
                new String[] {"import", "ballots", "--db", db, "--method", "stv-scotland", "--ballot-id",
                        "local.barnet.ward.2022-05-05", blt},
                new String[] {"elections", "--db", db},
                new String[] {"show", "--db", db, "parl.chipping-barnet.2019-12-12"},
                new String[] {"analyse", "contest", "--db", db, "parl.chipping-barnet.2019-12-12"});
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String[] run : runs) {
            Main.run(nowhere, nowhere, run);
        }
    }
}
