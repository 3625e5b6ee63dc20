package org.tallyroom.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.ConstituencyDeclaration;
import org.tallyroom.io.uk.GeneralElectionCsv;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.uk.HocCandidatesImporter;

/**
 * The demo: real published results, read from the project's shipped reference data ({@link DemoData})
 * by the project's own importers ({@link DemoImport}), and a real election night replayed.
 *
 * <p>{@link #HISTORY} is loaded whole at start: the general elections 2015, 2017 and 2024, the London
 * mayor and Assembly 2016, the London borough elections 2006, 2014, 2018 and 2022. {@link #NIGHT_FILES}, the 2019 general election,
 * is read and counted at start too, but only its ballots and candidates are stored; its results are
 * then declared one constituency at a time in the order of the declaration times its
 * by-constituency file gives ("12/12/2019 23:27" Newcastle upon Tyne Central first, St Ives at 14:52
 * the next day last), each recorded by the returning officer and published on the live feed. No
 * figure is typed here: every vote, electorate and rejected paper is the file's.
 */
public final class Demo {
    /** The election the demo night replays. */
    public static final String NIGHT = "parl.2019-12-12";
    /** The election before it (loaded whole), for changes and swing. */
    public static final String PREVIOUS = "parl.2017-06-08";
    /** The elections loaded whole at start: one line each. */
    static final List<DemoImport> HISTORY = List.of(
            DemoImport.generalElection(2015),
            DemoImport.generalElection(2017),
            DemoImport.generalElection(2024),
            DemoImport.london2016(),
            DemoImport.londonBoroughs2006(),
            DemoImport.londonBoroughs(2014, false),
            DemoImport.londonBoroughs(2018, false),
            DemoImport.londonBoroughs(2022, true));
    /** The files of the election the night replays. */
    static final DemoImport NIGHT_FILES = DemoImport.generalElection(2019);
    private static final DateTimeFormatter DECLARED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Demo accounts, with the passwords generated for this run. */
    public record Credentials(String admin, String returningOfficer, String clerk, String password) {
    }

    /** One declaration of the night: the ballot and the time it was declared on the real night. */
    public record Declared(String ballotId, String name, String gss, LocalDateTime at) {
    }

    private final Store store;
    private final Path dataDir;
    private final Map<String, Declaration> tonight = new LinkedHashMap<>();
    private final List<Declared> order = new ArrayList<>();

    /** A demo over {@code store}, unpacking the shipped files into {@code dataDir}. */
    public Demo(Store store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    /** Fills an empty store; returns the demo accounts (one password for all three, printed by the caller). */
    public Credentials populate(Accounts accounts) {
        return populate(accounts, line -> { });
    }

    /** As {@link #populate(Accounts)}, telling {@code progress} what it loads and how long each took. */
    public Credentials populate(Accounts accounts, Consumer<String> progress) {
        DemoData data = new DemoData(dataDir);
        for (DemoImport i : HISTORY) {
            long t = System.nanoTime();
            i.run(store, data);
            progress.accept("loaded " + i.title() + " (" + ms(t) + ")");
        }
        long t = System.nanoTime();
        tonight(data);
        progress.accept("loaded " + NIGHT_FILES.title() + ": " + tonight.size() + " constituencies to declare (" + ms(t) + ")");
        String password = Accounts.randomPassword();
        accounts.create("admin", password, EnumSet.of(Role.ADMIN));
        accounts.create("returning-officer", password, EnumSet.of(Role.RETURNING_OFFICER));
        accounts.create("clerk", password, EnumSet.of(Role.RESULTS_ENTRY));
        return new Credentials("admin", "returning-officer", "clerk", password);
    }

    private static String ms(long start) {
        return (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    /** Reads and counts the night's files; stores the ballots and candidates, keeps the results for the night. */
    private void tonight(DemoData data) {
        List<Path> f = NIGHT_FILES.files().stream().map(data::get).toList();
        List<Declaration> results;
        Map<String, LocalDateTime> times = new HashMap<>();
        try {
            results = HocCandidatesImporter.read(f.get(0), f.get(1), DemoImport.pollingDay(f.get(0)));
            for (ConstituencyDeclaration c : GeneralElectionCsv.readByConstituency(f.get(1))) {
                times.put(c.constituency().onsId(), LocalDateTime.parse(c.declarationTime(), DECLARED_AT));
            }
        } catch (InputException | RuntimeException e) {
            throw new IllegalStateException("the demo's shipped data does not read: " + e.getMessage(), e);
        }
        List<Declaration> candidatesOnly = new ArrayList<>();
        for (Declaration d : results) {
            candidatesOnly.add(new Declaration(d.ballot(), d.candidates().stream().map(e -> new Declaration.Entry(e.person(),
                    e.party(), e.ballotPaperName(), e.listPosition(), null, false, null, null)).toList(), d.status(), null, 0,
                    null, null, null));
            String id = d.ballot().id().toString();
            tonight.put(id, d);
            order.add(new Declared(id, d.ballot().name(), d.ballot().gss(), times.get(d.ballot().gss())));
        }
        // Stable: constituencies declared in the same minute keep the file's order.
        order.sort(Comparator.comparing(Declared::at));
        try {
            store.importSource(Source.of("reference-data: " + String.join(" + ", NIGHT_FILES.files()) + " (candidates)", f),
                    HocCandidatesImporter.NAME + " candidates", "demo", ingest -> ingest.declareAll(candidatesOnly));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The night's declarations in the order they were made on the real night. */
    public List<Declared> order() {
        return List.copyOf(order);
    }

    /** The ballots of tonight's election not yet declared, in the order the night declares them. */
    public List<String> undeclared() {
        return order.stream().map(Declared::ballotId).filter(id -> store.currentResult(id).isEmpty()).toList();
    }

    /** A night being replayed. */
    public static final class Night implements AutoCloseable {
        private final ScheduledExecutorService scheduler;
        private final List<ScheduledFuture<?>> pending = new ArrayList<>();

        private Night(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        /** Waits until every declaration is made (or the night stopped); true if it ended within the time. */
        public boolean awaitEnd(Duration within) throws InterruptedException {
            return scheduler.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * Stops the night: declarations not yet begun are dropped; one being recorded finishes (never
         * interrupted, as an interrupt would close the database file under it).
         */
        @Override
        public void close() {
            pending.forEach(f -> f.cancel(false));
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Replays the night: each declaration comes {@code firstAfter} after the start plus its real time
     * after the first declaration divided by {@code speed} (120: the 15 hours from 23:27 to 14:52 in
     * under 8 minutes), as the returning officer. A ballot already declared (by hand) is left as it is.
     */
    public Night night(WebServer server, double speed, Duration firstAfter) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("expected a speed above 0, found " + speed);
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tallyroom-demo-night");
            t.setDaemon(true);
            return t;
        });
        Night night = new Night(s);
        LocalDateTime first = order.get(0).at();
        for (Declared d : order) {
            long after = firstAfter.toMillis() + Math.round(Duration.between(first, d.at()).toMillis() / speed);
            // One thread: tasks due at the same moment run in the order they were scheduled.
            night.pending.add(s.schedule(() -> {
                if (store.currentResult(d.ballotId()).isPresent()) {
                    return;
                }
                try {
                    declare(server, d.ballotId());
                } catch (RuntimeException e) {
                    System.err.println("tallyroom demo: could not declare " + d.ballotId() + ": " + e.getMessage());
                }
            }, after, TimeUnit.MILLISECONDS));
        }
        s.shutdown(); // runs what is scheduled, then ends
        return night;
    }

    /**
     * Declares one of tonight's constituencies with the published figures, recorded by the returning
     * officer, and publishes it on the live feed.
     */
    public ResultVersion declare(WebServer server, String ballotId) {
        Declaration d = tonight.get(ballotId);
        if (d == null) {
            throw new IllegalArgumentException(ballotId + " is not one of tonight's ballots");
        }
        store.importSource(Source.of("reference-data: " + d.ballot().name() + " as declared",
                        ("demo night " + ballotId).getBytes(StandardCharsets.UTF_8)),
                HocCandidatesImporter.NAME + " demo night", "returning-officer", ingest -> ingest.declare(d));
        ResultVersion v = store.currentResult(ballotId).orElseThrow();
        server.changed();
        server.accounts().audit("returning-officer", "declare", ballotId, "version " + v.version() + " declared (demo night)",
                "demo");
        server.publish(ballotId, v);
        return v;
    }

    /** The votes tonight's ballot will be declared with, in ballot-paper order. */
    public long[] figuresFor(String ballotId) {
        return tonight.get(ballotId).candidates().stream().mapToLong(e -> e.votes().longValueExact()).toArray();
    }
}
