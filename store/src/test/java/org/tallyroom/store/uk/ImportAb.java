package org.tallyroom.store.uk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.store.Store;

/**
 * Compares H2 settings on a warm {@code import uk}: each round imports everything in the UK data into a
 * fresh H2 file once per URL suffix, in turn, so that every setting meets the same moments of a shared
 * machine's load; two untimed rounds first warm the code. Prints each run's wall time and the importing
 * thread's CPU time (which another process's load inflates less), then the medians. Not a test: run it
 * with scripts/bench-import-ab.sh.
 *
 * <p>Arguments: the data/uk folder, the number of timed rounds, then the URL suffixes ({@code -} for
 * none), e.g. {@code - ";PAGE_SIZE=65536"}.
 */
public final class ImportAb {
    private ImportAb() {
    }

    public static void main(String[] args) throws Exception {
        Path uk = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = Integer.parseInt(args[1]);
        List<String> suffixes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            suffixes.add(args[i].equals("-") ? "" : args[i]);
        }
        Path tmp = Files.createTempDirectory("tallyroom-ab");
        int n = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (String s : suffixes) {
                run("jdbc:h2:file:" + tmp.resolve("db" + n++ + "/tallyroom").toAbsolutePath() + s, uk);
            }
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            StringBuilder line = new StringBuilder("round " + r + ":");
            for (String s : suffixes) {
                double[] t = run("jdbc:h2:file:" + tmp.resolve("db" + n++ + "/tallyroom").toAbsolutePath() + s, uk);
                runs.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
                line.append(String.format(Locale.ROOT, "  [%s] %.2f s wall, %.2f s CPU", label(s), t[0], t[1]));
            }
            System.out.println(line);
        }
        runs.forEach((s, l) -> System.out.printf(Locale.ROOT, "[%s] medians: %.2f s wall, %.2f s CPU%n", label(s),
                median(l, 0), median(l, 1)));
        System.exit(0);
    }

    private static String label(String suffix) {
        return suffix.isEmpty() ? "as is" : suffix;
    }

    private static double median(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(t -> t[i]).sorted().toArray()[runs.size() / 2];
    }

    /** Wall and this thread's CPU seconds of importing everything into {@code url}. */
    private static double[] run(String url, Path uk) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        try (Store store = Store.open(url)) {
            for (UkImports.Job j : UkImports.everything(uk)) {
                store.importSource(j.source(), j.importer(), "bench", j.work());
            }
        }
        return new double[] {(System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9};
    }
}
