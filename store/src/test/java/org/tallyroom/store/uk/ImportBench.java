package org.tallyroom.store.uk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;

/**
 * Times importing everything in the UK data ({@link UkImports#everything}) into a fresh database: H2 in a temporary file, then an embedded
 * PostgreSQL (started before the clock starts). Not a test: run it with scripts/bench-import.sh. Each
 * database is timed from opening (schema migration included) to the last import committed, in this JVM,
 * after one untimed warm-up run on H2 (so the figures are for warm code; the first run is printed too).
 *
 * <p>Arguments: the data/uk folder (default ../shared/data/uk), the number of timed runs (default 3) and
 * optionally the start of the labels of the imports to time (e.g. {@code "hoc-candidates ge2019"}: GE2019
 * with its constituency file alone); default every one.
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path uk = Path.of(args.length > 0 ? args[0] : "../shared/data/uk").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        only = args.length > 2 ? args[2] : "";
        Path tmp = Files.createTempDirectory("tallyroom-bench");
        System.out.printf(Locale.ROOT, "data: %s%nJava %s, %d processors%n", uk, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "first run (cold), H2: %.2f s%n", time(TestDatabase.H2.freshUrl(tmp), uk, true));
        for (TestDatabase db : List.of(TestDatabase.H2, TestDatabase.POSTGRESQL)) {
            String warm = db.freshUrl(tmp);
            time(warm, uk, false);
            for (int i = 1; i <= runs; i++) {
                String url = db.freshUrl(tmp);
                System.out.printf(Locale.ROOT, "%s run %d: %.2f s%n", db, i, time(url, uk, i == 1));
            }
        }
        System.exit(0);
    }

    private static String only = "";

    private static double time(String url, Path uk, boolean show) throws Exception {
        long start = System.nanoTime();
        try (Store store = Store.open(url)) {
            for (UkImports.Job j : UkImports.everything(uk)) {
                if (!j.label().startsWith(only)) {
                    continue;
                }
                long t = System.nanoTime();
                var o = store.importSource(j.source(), j.importer(), "bench", j.work());
                if (show) {
                    System.out.printf(Locale.ROOT, "  %-12s %6.2f s  %s%n", j.label(), (System.nanoTime() - t) / 1e9,
                            o.describe(j.label()));
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
