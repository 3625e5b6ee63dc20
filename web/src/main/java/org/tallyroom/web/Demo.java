package org.tallyroom.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.EventType;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;

/**
 * The demo: a small hand-made set of real results, typed from the facts in the shared data's README
 * and the published declarations it describes (Barnet and Camden 2016, the 2016 London mayor's first
 * and second preferences, Chipping Barnet 2017 and 2019), and a generated election night in a
 * fictional council, Fairhaven, whose wards are declared one after another so the live feed has
 * something to show.
 *
 * <p>Fairhaven is made from a seed: 20 wards of 1 to 3 seats, five parties whose strength varies
 * from ward to ward, candidates with generated names, an ordinary election in 2018 (declared), a
 * by-election and a defection in between, and the 2022 election whose candidates stand but whose
 * results come in during the demo. Every generated result is counted by the engine (block vote or
 * first past the post) and recorded through the same path as the count team's (ResultEntry).
 */
public final class Demo {
    public static final String COUNCIL = "local.fairhaven.2022-05-05";
    public static final String PREVIOUS = "local.fairhaven.2018-05-03";
    private static final String[] PARTY_KEYS = {"Con", "Lab", "LD", "Green", "Ind"};
    private static final Party[] PARTIES = {new Party("PP52", "Conservative and Unionist Party", "Con"),
            new Party("PP53", "Labour Party", "Lab"), new Party("PP90", "Liberal Democrats", "LD"),
            new Party("PP63", "Green Party", "Green"), null};
    private static final String[] FIRST = {"Amelia", "Ben", "Chloe", "Daniel", "Esther", "Farid", "Grace", "Hamza", "Isla",
            "James", "Kiran", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Usman",
            "Vera", "William", "Yasmin", "Zoe", "Aidan", "Bethany", "Callum", "Deborah", "Ewan"};
    private static final String[] LAST = {"Adeyemi", "Brooks", "Chaudhry", "Davies", "Evans", "Fletcher", "Gill", "Hughes",
            "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "O'Neill", "Patel", "Quinn", "Roberts", "Singh", "Taylor",
            "Underwood", "Vaughan", "Walsh", "Young", "Zielinski", "Ahmed", "Baker", "Clarke", "Doyle", "Ellis"};
    private static final String[] WARDS = {"Abbey", "Brookside", "Castle", "Docklands", "East Heath", "Fairfield",
            "Glebe", "Harbour", "Ivy Bridge", "Kingsmead", "Lowfield", "Market", "Northgate", "Orchard", "Priory",
            "Queensway", "Riverside", "St Anne's", "Temple", "Westcliff"};

    /** Demo accounts, with the passwords generated for this run. */
    public record Credentials(String admin, String returningOfficer, String clerk, String password) {
    }

    /** A ward's generated figures at one election. */
    record WardFigures(BallotSpec spec, List<Declaration.Entry> candidates, long electorate, long[] votes, long rejected,
                       long papers) {
    }

    private final Store store;
    private final long seed;
    private final Map<String, WardFigures> tonight = new LinkedHashMap<>();

    public Demo(Store store, long seed) {
        this.store = store;
        this.seed = seed;
    }

    /** Fills an empty store; returns the demo accounts (one password for all three, printed by the caller). */
    public Credentials populate(Accounts accounts) {
        realResults();
        fairhaven();
        String password = Accounts.randomPassword();
        accounts.create("admin", password, EnumSet.of(Role.ADMIN));
        accounts.create("returning-officer", password, EnumSet.of(Role.RETURNING_OFFICER));
        accounts.create("clerk", password, EnumSet.of(Role.RESULTS_ENTRY));
        return new Credentials("admin", "returning-officer", "clerk", password);
    }

    /** The ballots of tonight's election not yet declared, in the order the night declares them. */
    public List<String> undeclared() {
        return tonight.keySet().stream().filter(id -> store.currentResult(id).isEmpty()).toList();
    }

    /**
     * Declares tonight's wards one by one, every {@code interval} seconds, as the returning officer;
     * returns the scheduler (shut it down to stop). The first comes after {@code firstAfter} seconds.
     */
    public ScheduledExecutorService night(WebServer server, long firstAfter, long interval) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tallyroom-demo-night");
            t.setDaemon(true);
            return t;
        });
        User ro = new User(0, "returning-officer", EnumSet.of(Role.RETURNING_OFFICER));
        AtomicInteger next = new AtomicInteger();
        List<String> order = new ArrayList<>(tonight.keySet());
        s.scheduleAtFixedRate(() -> {
            while (next.get() < order.size()) {
                String id = order.get(next.getAndIncrement());
                if (store.currentResult(id).isPresent()) {
                    continue;
                }
                try {
                    declare(server, id, ro);
                } catch (RuntimeException e) {
                    System.err.println("tallyroom demo: could not declare " + id + ": " + e.getMessage());
                }
                return;
            }
            s.shutdown();
        }, firstAfter, interval, TimeUnit.SECONDS);
        return s;
    }

    /** Declares one of tonight's wards through the results service (as the count team would). */
    public void declare(WebServer server, String ballotId, User ro) {
        WardFigures w = tonight.get(ballotId);
        ResultEntry.Figures f = new ResultEntry.Figures(w.votes(), null, null, w.electorate(), w.papers(), w.rejected(), null);
        var v = new ResultEntry(store).apply(ballotId, ResultEntry.Action.DECLARE, f, null, ro);
        server.changed();
        server.accounts().audit(ro.username(), "declare", ballotId, "version " + v.version() + " declared (demo night)", "demo");
        server.publish(ballotId, v);
    }

    /** The figures tonight's ward will be declared with (votes in ballot-paper order). */
    public long[] figuresFor(String ballotId) {
        return tonight.get(ballotId).votes().clone();
    }

    // ------------------------------------------------------------------ the hand-made set

    private static Declaration.Entry entry(String ballot, String name, Party party, long votes) {
        return new Declaration.Entry(Person.onBallot(ballot, name), party, name, null, BigDecimal.valueOf(votes), false, null, null);
    }

    private void realResults() {
        Party con = PARTIES[0];
        Party lab = PARTIES[1];
        Party ld = PARTIES[2];
        Party green = PARTIES[3];
        Party ukip = new Party("PP85", "UK Independence Party (UKIP)", "UKIP");
        List<Declaration> all = new ArrayList<>();
        // London Assembly 2016, Barnet and Camden: constituency votes summed over the wards of the published
        // results; rejected papers by reason as published. Dismore 81,482, majority 16,240 (README).
        String bc = "gla.c.barnet-and-camden.2016-05-05";
        BallotSpec bcSpec = new BallotSpec(ElectionId.parse(bc), "Barnet and Camden", "Greater London Authority",
                "Barnet and Camden", null, null, null, 1, "fptp", false);
        all.add(counted(bcSpec, List.of(entry(bc, "Andrew Dismore", lab, 81482), entry(bc, "Joseph Langton", ld, 9057),
                entry(bc, "Zack Polanski", green, 11204), entry(bc, "Stephen Taylor", ukip, 16996),
                entry(bc, "Daniel Thomas", con, 65242)), null, null, Map.of(RejectionReason.IDENTIFIABLE, 14L,
                RejectionReason.UNMARKED_OR_UNCERTAIN, 1779L, RejectionReason.TOO_MANY_VOTES, 257L)));
        // Chipping Barnet, general elections 2017 and 2019 (House of Commons Library figures).
        String cb17 = "parl.chipping-barnet.2017-06-08";
        String cb19 = "parl.chipping-barnet.2019-12-12";
        all.add(counted(new BallotSpec(ElectionId.parse(cb17), "Chipping Barnet", null, "Chipping Barnet", "E14000636", null,
                null, 1, "fptp", false), List.of(entry(cb17, "Theresa Villiers", con, 25679), entry(cb17, "Emma Whysall", lab, 25326),
                entry(cb17, "Marisha Ray", ld, 3012), entry(cb17, "Phil Fletcher", green, 1406)), 77218L, 204L, Map.of()));
        all.add(counted(new BallotSpec(ElectionId.parse(cb19), "Chipping Barnet", null, "Chipping Barnet", "E14000636", null,
                null, 1, "fptp", false), List.of(entry(cb19, "Theresa Villiers", con, 25745), entry(cb19, "Emma Whysall", lab, 24533),
                entry(cb19, "Isabelle Parasram", ld, 5932), entry(cb19, "Gabrielle Bailey", green, 1288),
                entry(cb19, "John Sheffield", new Party(null, "Advance Together", null), 71)), 79960L, 193L, Map.of()));
        store.importSource(Source.of("demo: hand-typed results", "demo-real-v1".getBytes(StandardCharsets.UTF_8)),
                "demo", "demo", ingest -> {
                    ingest.election(ElectionId.parse("parl.2017-06-08"), "General election 2017");
                    ingest.election(ElectionId.parse("parl.2019-12-12"), "General election 2019");
                    all.forEach(ingest::declare);
                });
        // London mayor 2016, supplementary vote: first preferences of all twelve candidates and the second
        // preferences transferred to the top two (README), counted by the engine's SV rules.
        String mayor = "mayor.london.2016-05-05";
        String[][] cands = {{"Sadiq Khan", "Lab"}, {"Zac Goldsmith", "Con"}, {"Siân Berry", "Green"}, {"Caroline Pidgeon", "LD"},
                {"Peter Whittle", "UKIP"}, {"Sophie Walker", "Women's Equality Party"}, {"George Galloway", "Respect"},
                {"Paul Golding", "Britain First"}, {"Lee Harris", "Cannabis is Safer than Alcohol"}, {"David Furness", "BNP"},
                {"Prince Zylinski", null}, {"Ankit Love", "One Love"}};
        long[] first = {1148716, 909755, 150673, 120005, 94373, 53055, 37007, 31372, 20537, 13325, 13202, 4941};
        long[] second = new long[12];
        second[0] = 161427;
        second[1] = 84859;
        List<Declaration.Entry> entries = new ArrayList<>();
        for (String[] c : cands) {
            Party p = switch (c[1] == null ? "" : c[1]) {
                case "Lab" -> lab;
                case "Con" -> con;
                case "Green" -> green;
                case "LD" -> ld;
                case "UKIP" -> ukip;
                case "" -> null;
                default -> Party.named(c[1]);
            };
            entries.add(new Declaration.Entry(Person.onBallot(mayor, c[0]), p, c[0], null, null, false, null, null));
        }
        BallotSpec mayorSpec = new BallotSpec(ElectionId.parse(mayor), "Mayor of London", "Greater London Authority", null, null,
                null, null, 1, "sv", false);
        store.importSource(Source.of("demo: mayor candidates", "demo-mayor-v1".getBytes(StandardCharsets.UTF_8)), "demo", "demo",
                ingest -> ingest.declare(new Declaration(mayorSpec, entries, ResultStatus.DECLARED, Turnout.UNKNOWN, 0, null, null, null)));
        BallotView mv = store.ballot(mayor).orElseThrow();
        Declaration d = ResultEntry.counted(mv, new ResultEntry.Figures(first, second, null, null, null, null, null),
                ResultStatus.DECLARED, null);
        store.importSource(Source.of("demo: mayor result", "demo-mayor-result-v1".getBytes(StandardCharsets.UTF_8)), "demo",
                "demo", ingest -> ingest.declare(d));
    }

    /** A single-seat declaration with winners by votes (the engine's FPTP agrees; the README's facts check it). */
    private static Declaration counted(BallotSpec spec, List<Declaration.Entry> entries, Long electorate, Long rejected,
                                       Map<RejectionReason, Long> byReason) {
        long best = entries.stream().mapToLong(e -> e.votes().longValueExact()).max().orElse(0);
        long valid = entries.stream().mapToLong(e -> e.votes().longValueExact()).sum();
        List<Declaration.Entry> marked = new ArrayList<>();
        for (Declaration.Entry e : entries) {
            marked.add(new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(), null, e.votes(),
                    e.votes().longValueExact() == best, null, null));
        }
        long rej = rejected != null ? rejected : byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Declaration(spec, marked, ResultStatus.DECLARED, new Turnout(electorate, valid + rej, BigDecimal.valueOf(valid),
                rej, byReason), 0, null, null, null);
    }

    // ------------------------------------------------------------------ Fairhaven

    private void fairhaven() {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] national18 = {0.36, 0.34, 0.14, 0.08, 0.08};
        double[] national22 = {0.31, 0.37, 0.16, 0.10, 0.06};
        List<String> used = new ArrayList<>();
        List<WardFigures> before = new ArrayList<>();
        List<WardFigures> now = new ArrayList<>();
        for (int w = 0; w < WARDS.length; w++) {
            String slug = WARDS[w].toLowerCase(java.util.Locale.ROOT).replace("'", "").replace(' ', '-');
            int seats = 1 + rnd.nextInt(3);
            long electorate = 2400L * seats + rnd.nextInt(1500 * seats);
            double[] lean = new double[5];
            for (int p = 0; p < 5; p++) {
                lean[p] = Math.exp(rnd.nextGaussian() * (p == 2 || p == 3 ? 0.9 : 0.45));
            }
            before.add(ward("local.fairhaven." + slug + ".2018-05-03", WARDS[w], seats, electorate, national18, lean, rnd, used));
            now.add(ward("local.fairhaven." + slug + ".2022-05-05", WARDS[w], seats, electorate + rnd.nextInt(200), national22,
                    lean, rnd, used));
        }
        store.importSource(Source.of("demo: Fairhaven 2018", ("fairhaven-2018-" + seed).getBytes(StandardCharsets.UTF_8)),
                "demo", "demo", ingest -> {
                    ingest.election(ElectionId.parse(PREVIOUS), "Fairhaven 2018");
                    for (WardFigures f : before) {
                        ingest.declare(new Declaration(f.spec(), f.candidates(), ResultStatus.DECLARED, Turnout.UNKNOWN, 0, null,
                                null, null));
                    }
                });
        for (WardFigures f : before) {
            BallotView b = store.ballot(f.spec().id().toString()).orElseThrow();
            Declaration d = ResultEntry.counted(b, new ResultEntry.Figures(f.votes(), null, null, f.electorate(), f.papers(),
                    f.rejected(), null), ResultStatus.DECLARED, null);
            store.importSource(Source.of("demo: " + b.ballotId(), ("r" + seed + b.ballotId()).getBytes(StandardCharsets.UTF_8)),
                    "demo", "demo", ingest -> ingest.declare(d));
        }
        // A by-election in 2020 in the first single-seat ward, and a defection.
        WardFigures single = before.stream().filter(f -> f.spec().seats() == 1).findFirst().orElse(before.get(0));
        String wardSlug = single.spec().id().division();
        String byId = "local.fairhaven." + wardSlug + ".by.2020-10-01";
        WardFigures by = ward(byId, single.spec().name(), 1, single.electorate(), national22, new double[] {1, 1, 1.4, 1, 1}, rnd, used);
        store.importSource(Source.of("demo: Fairhaven by-election", ("by-" + seed).getBytes(StandardCharsets.UTF_8)), "demo",
                "demo", ingest -> {
                    ingest.election(ElectionId.parse("local.fairhaven.2020-10-01"), "Fairhaven by-election 2020");
                    ingest.declare(new Declaration(by.spec(), by.candidates(), ResultStatus.DECLARED, Turnout.UNKNOWN, 0, null,
                            null, null));
                });
        BallotView bb = store.ballot(byId).orElseThrow();
        Declaration byResult = ResultEntry.counted(bb, new ResultEntry.Figures(by.votes(), null, null, by.electorate(),
                by.papers(), by.rejected(), null), ResultStatus.DECLARED, null);
        store.importSource(Source.of("demo: by-election result", ("byr-" + seed).getBytes(StandardCharsets.UTF_8)), "demo",
                "demo", ingest -> ingest.declare(byResult));
        store.importSource(Source.of("demo: Fairhaven events", ("events-" + seed).getBytes(StandardCharsets.UTF_8)), "demo",
                "demo", ingest -> {
                    ingest.eventAsGiven(EventType.BY_ELECTION, LocalDate.of(2020, 10, 1), "fairhaven", byId, true, null, null,
                            "by-election after a resignation");
                    ingest.eventAsGiven(EventType.RESIGNATION, LocalDate.of(2020, 7, 14), "fairhaven", byId, false, null, null,
                            "councillor resigned (generated demo event)");
                    ingest.eventAsGiven(EventType.DEFECTION, LocalDate.of(2021, 3, 2), "fairhaven", null, false, "PP53", "PP90",
                            "a councillor crossed the floor (generated demo event)");
                });
        store.importSource(Source.of("demo: Fairhaven 2022 candidates", ("fairhaven-2022-" + seed).getBytes(StandardCharsets.UTF_8)),
                "demo", "demo", ingest -> {
                    ingest.election(ElectionId.parse(COUNCIL), "Fairhaven 2022");
                    for (WardFigures f : now) {
                        List<Declaration.Entry> noVotes = f.candidates().stream().map(e -> new Declaration.Entry(e.person(),
                                e.party(), e.ballotPaperName(), null, null, false, null, null)).toList();
                        ingest.declare(new Declaration(f.spec(), noVotes, ResultStatus.DECLARED, Turnout.UNKNOWN, 0, null, null, null));
                    }
                });
        for (WardFigures f : now) {
            tonight.put(f.spec().id().toString(), f);
        }
    }

    private static WardFigures ward(String id, String name, int seats, long electorate, double[] national, double[] lean,
                                    SplittableRandom rnd, List<String> used) {
        double turnout = 0.28 + rnd.nextDouble() * 0.14;
        long papers = Math.round(electorate * turnout);
        long rejected = Math.max(1, Math.round(papers * (0.002 + rnd.nextDouble() * 0.006)));
        long valid = papers - rejected;
        double[] share = new double[5];
        double sum = 0;
        for (int p = 0; p < 5; p++) {
            share[p] = national[p] * lean[p] * Math.exp(rnd.nextGaussian() * 0.1);
            sum += share[p];
        }
        List<Declaration.Entry> entries = new ArrayList<>();
        List<Long> votes = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            int standing = p >= 3 ? 1 : seats;
            if (p == 4 && rnd.nextInt(3) > 0) {
                continue;
            }
            for (int k = 0; k < standing; k++) {
                String person = name(rnd, used);
                double personal = 1 + rnd.nextGaussian() * 0.05;
                long v = Math.max(5, Math.round(valid * share[p] / sum * personal));
                entries.add(new Declaration.Entry(Person.onBallot(id, person), PARTIES[p], person, null, null, false, null, null));
                votes.add(v);
            }
        }
        // ballot-paper order: alphabetical by surname, as printed
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> surname(entries.get(a).ballotPaperName()).compareTo(surname(entries.get(b).ballotPaperName())));
        List<Declaration.Entry> sorted = new ArrayList<>();
        long[] v = new long[entries.size()];
        for (int i = 0; i < order.size(); i++) {
            sorted.add(entries.get(order.get(i)));
            v[i] = votes.get(order.get(i));
        }
        if (seats == 1) {
            papers = java.util.Arrays.stream(v).sum() + rejected;
        }
        BallotSpec spec = new BallotSpec(ElectionId.parse(id), name, "Fairhaven Borough Council", name, null, null, null, seats,
                seats == 1 ? "fptp" : "block", false);
        return new WardFigures(spec, sorted, electorate, v, rejected, papers);
    }

    private static String surname(String full) {
        return full.substring(full.lastIndexOf(' ') + 1) + " " + full;
    }

    private static String name(SplittableRandom rnd, List<String> used) {
        while (true) {
            String n = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
            if (!used.contains(n)) {
                used.add(n);
                return n;
            }
        }
    }

    /** The party keys Fairhaven's parties go by. */
    public static List<String> partyKeys() {
        return List.of(PARTY_KEYS);
    }
}
