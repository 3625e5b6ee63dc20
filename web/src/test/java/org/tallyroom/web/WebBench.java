package org.tallyroom.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.uk.HocCandidatesImporter;

/**
 * The server side of scripts/bench-web.sh (not a test): the results service on a store holding the
 * 2017 and 2019 general elections, for an external load generator (wrk) to measure.
 *
 * <p>{@code WebBench import DB_URL DATA_UK_DIR}: imports GE2017 and GE2019 with their constituency files.
 * {@code WebBench serve DB_URL PORT TOKEN_FILE [cold]}: makes sure a returning officer "bench" exists, writes
 * a fresh API token for it to TOKEN_FILE, starts the service on 127.0.0.1:PORT,
 * renders its newest pages ({@link WebServer#warm}, as {@code tallyroom serve} does; not with {@code cold}) and prints "ready".
 * {@code WebBench postgres WORK DATA_UK_DIR URL_FILE}: an embedded PostgreSQL holding both elections, its URL in URL_FILE.
 * {@code WebBench postgres-empty WORK URL_FILE N}: N empty databases on an embedded PostgreSQL, a URL a line.
 */
public final class WebBench {
    private WebBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "postgres" -> {
                String url = org.tallyroom.store.testing.TestDatabase.POSTGRESQL.freshUrl(Path.of(args[1]));
                importGeneralElections(url, Path.of(args[2]));
                Files.writeString(Path.of(args[3]), url);
                System.out.println("ready");
                System.out.flush();
                Thread.currentThread().join();
            }
            case "postgres-empty" -> {
                // Empty databases on one embedded PostgreSQL, for timing command-line imports into a fresh store.
                StringBuilder urls = new StringBuilder();
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    urls.append(org.tallyroom.store.testing.TestDatabase.POSTGRESQL.freshUrl(Path.of(args[1]))).append('\n');
                }
                Files.writeString(Path.of(args[2]), urls);
                System.out.println("ready");
                System.out.flush();
                Thread.currentThread().join();
            }
            case "import" -> importGeneralElections(args[1], Path.of(args[2]));
            case "serve" -> {
                Store store = Store.open(args[1], org.tallyroom.store.PoolSize.SERVICE);
                WebServer server = new WebServer(store);
                if (server.accounts().users().stream().noneMatch(u -> u.username().equals("bench"))) {
                    server.accounts().create("bench", Accounts.randomPassword(),
                            EnumSet.of(Role.RESULTS_ENTRY, Role.RETURNING_OFFICER));
                }
                Files.writeString(Path.of(args[3]), server.accounts().issueToken("bench", "bench"));
                long t0 = System.nanoTime();
                server.start("127.0.0.1", Integer.parseInt(args[2]));
                long t1 = System.nanoTime();
                if (args.length < 5 || !args[4].equals("cold")) {
                    server.warm();
                }
                System.out.printf("started in %.2f s, pages warmed in %.2f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
                System.out.println("ready");
                System.out.flush();
                Thread.currentThread().join();
            }
            default -> throw new IllegalArgumentException("expected import, postgres, postgres-empty or serve, found " + args[0]);
        }
    }

    private static void importGeneralElections(String url, Path uk) throws Exception {
        try (Store store = Store.open(url)) {
            for (String year : new String[] {"2017", "2019"}) {
                Path cand = uk.resolve("westminster/ge" + year + "-results-by-candidate.csv");
                Path cons = uk.resolve("westminster/ge" + year + "-results-by-constituency.csv");
                LocalDate date = HocCandidatesImporter.dateFromFileName(cand).orElseThrow();
                long t0 = System.nanoTime();
                var outcome = store.importSource(Source.of(cand + " + " + cons, java.util.List.of(cand, cons)),
                        HocCandidatesImporter.NAME + " " + date + " constituencies", "bench",
                        in -> HocCandidatesImporter.load(cand, cons, date, in));
                System.out.printf("imported ge%s: %s in %.2f s%n", year, outcome.describe(cand.toString()),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
