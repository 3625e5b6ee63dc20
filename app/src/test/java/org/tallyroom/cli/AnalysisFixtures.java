package org.tallyroom.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;

/**
 * Small hand-typed results stored through the store's own write API (Ingest and Declaration), for the
 * analyse command tests.
 *
 * <ul>
 *   <li>Chipping Barnet 2017 and 2019 as the House of Commons Library published them (2017 parties with
 *       Electoral Commission ids, 2019 by name and abbreviation, as the two files give them), and three
 *       made-up constituencies, for a four-seat "general election" each year;</li>
 *   <li>Testshire, a made-up nine-seat council: three three-member wards in 2018 and 2022, redrawn into
 *       two wards in 2026;</li>
 *   <li>Barnet and Camden 2016, the London Assembly constituency, candidates' totals as published.</li>
 * </ul>
 */
final class AnalysisFixtures {
    private static final Party CON17 = new Party("PP52", "Conservative", "Con");
    private static final Party LAB17 = new Party("PP53", "Labour", "Lab");
    private static final Party LD17 = new Party("PP90", "Liberal Democrat", "LD");
    private static final Party GREEN17 = new Party("PP63", "Green Party", "Green");
    private static final Party CON19 = new Party(null, "Conservative", "Con");
    private static final Party LAB19 = new Party(null, "Labour", "Lab");
    private static final Party LD19 = new Party(null, "Liberal Democrat", "LD");
    private static final Party GREEN19 = new Party(null, "Green", "Green");
    private static final Party AT19 = new Party(null, "Advance Together", "Advance Together");

    private AnalysisFixtures() {
    }

    /** One ballot's candidates as typed: name, party, votes. */
    private record C(String name, Party party, long votes) {
    }

    private static C c(String name, Party party, long votes) {
        return new C(name, party, votes);
    }

    private static Declaration ballot(String id, String division, String gss, int seats, C... cands) {
        BallotSpec spec = new BallotSpec(ElectionId.parse(id), null, null, division, gss, null, null, seats, null, false);
        List<C> sorted = new ArrayList<>(List.of(cands));
        sorted.sort((a, b) -> Long.compare(b.votes(), a.votes()));
        List<C> elected = sorted.subList(0, seats);
        List<Declaration.Entry> entries = new ArrayList<>();
        for (C x : cands) {
            entries.add(Declaration.Entry.of(Person.onBallot(id, x.name()), x.party(), x.votes(), elected.contains(x)));
        }
        return Declaration.of(spec, entries, Turnout.UNKNOWN);
    }

    private static void store(String url, String name, List<Declaration> ds) {
        try (Store store = Store.open(url)) {
            store.importSource(Source.of(name, name.getBytes(StandardCharsets.UTF_8)), "fixture", "test",
                    in -> ds.forEach(in::declare));
        }
    }

    /** Chipping Barnet and three made-up seats, 2017 and 2019. */
    static void generalElections(String url) {
        store(url, "ge2017", List.of(
                ballot("parl.chipping-barnet.2017-06-08", "Chipping Barnet", "E14000634", 1,
                        c("Phil Fletcher", GREEN17, 1406), c("Marisha Ray", LD17, 3012), c("Emma Whysall", LAB17, 25326),
                        c("Theresa Villiers", CON17, 25679)),
                ballot("parl.north-town.2017-06-08", "North Town", "E14900001", 1,
                        c("Nell North", LAB17, 20000), c("Colin North", CON17, 15000), c("Lily North", LD17, 5000)),
                ballot("parl.south-town.2017-06-08", "South Town", "E14900002", 1,
                        c("Cara South", CON17, 22000), c("Len South", LAB17, 12000), c("Dee South", LD17, 6000)),
                ballot("parl.east-town.2017-06-08", "East Town", "E14900003", 1,
                        c("Lee East", LD17, 15000), c("Cal East", CON17, 14000), c("Lab East", LAB17, 9000))));
        store(url, "ge2019", List.of(
                ballot("parl.chipping-barnet.2019-12-12", "Chipping Barnet", "E14000634", 1,
                        c("Theresa Villiers", CON19, 25745), c("Emma Whysall", LAB19, 24533),
                        c("Isabelle Parasram", LD19, 5932), c("Gabrielle Bailey", GREEN19, 1288),
                        c("John Sheffield", AT19, 71)),
                ballot("parl.north-town.2019-12-12", "North Town", "E14900001", 1,
                        c("Colin North", CON19, 19000), c("Nell North", LAB19, 18000), c("Lily North", LD19, 4000)),
                ballot("parl.south-town.2019-12-12", "South Town", "E14900002", 1,
                        c("Cara South", CON19, 23000), c("Len South", LAB19, 10000), c("Dee South", LD19, 7000)),
                ballot("parl.east-town.2019-12-12", "East Town", "E14900003", 1,
                        c("Lee East", LD19, 16000), c("Cal East", CON19, 15500), c("Lab East", LAB19, 6000))));
    }

    /**
     * Testshire: 2018 Con 5, Lab 3, LD 1; 2022 (same wards) Lab 5, Con 2, LD 2; 2026 (new wards, no
     * codes in common) Lab 4, Con 3, LD 2.
     */
    static void testshire(String url) {
        Party con = Party.named("Conservative and Unionist Party");
        Party lab = Party.named("Labour Party");
        Party ld = Party.named("Liberal Democrats");
        store(url, "testshire2018", List.of(
                ballot("local.testshire.north.2018-05-03", "North", "E05900001", 3, c("Con N1", con, 1500),
                        c("Con N2", con, 1450), c("Con N3", con, 1400), c("Lab N1", lab, 1200), c("Lab N2", lab, 1100),
                        c("Lab N3", lab, 1000), c("LD N1", ld, 300)),
                ballot("local.testshire.south.2018-05-03", "South", "E05900002", 3, c("Lab S1", lab, 2000),
                        c("Lab S2", lab, 1900), c("Lab S3", lab, 1800), c("Con S1", con, 1000), c("Con S2", con, 950),
                        c("Con S3", con, 900)),
                ballot("local.testshire.east.2018-05-03", "East", "E05900003", 3, c("Con E1", con, 1300),
                        c("Con E2", con, 1250), c("LD E1", ld, 1200), c("LD E2", ld, 1100), c("Lab E1", lab, 800))));
        store(url, "testshire2022", List.of(
                ballot("local.testshire.north.2022-05-05", "North", "E05900001", 3, c("Lab N1", lab, 1600),
                        c("Con N1", con, 1550), c("Lab N2", lab, 1500), c("Con N2", con, 1450), c("Lab N3", lab, 1400),
                        c("Con N3", con, 1300)),
                ballot("local.testshire.south.2022-05-05", "South", "E05900002", 3, c("Lab S1", lab, 2100),
                        c("Lab S2", lab, 2000), c("Lab S3", lab, 1900), c("Con S1", con, 800), c("Con S2", con, 750),
                        c("Con S3", con, 700)),
                ballot("local.testshire.east.2022-05-05", "East", "E05900003", 3, c("LD E1", ld, 1400),
                        c("LD E2", ld, 1350), c("Con E3", con, 1300), c("Con E4", con, 1200), c("Lab E1", lab, 700))));
        store(url, "testshire2026", List.of(
                ballot("local.testshire.central.2026-05-07", "Central", "E05900010", 4, c("Con C1", con, 1000),
                        c("Con C2", con, 990), c("Con C3", con, 980), c("Lab C1", lab, 970), c("Lab C2", lab, 900)),
                ballot("local.testshire.outer.2026-05-07", "Outer", "E05900011", 5, c("Lab O1", lab, 800),
                        c("Lab O2", lab, 790), c("Lab O3", lab, 780), c("LD O1", ld, 700), c("LD O2", ld, 690),
                        c("Con O1", con, 500))));
    }

    /** Barnet and Camden, London Assembly constituency member, 2016: each candidate's total as published. */
    static void barnetAndCamden(String url) {
        store(url, "gla2016", List.of(ballot("gla.c.barnet-and-camden.2016-05-05", "Barnet and Camden", null, 1,
                c("Andrew Hartley DISMORE", Party.named("Labour Party"), 81482),
                c("Joseph John LANGTON", Party.named("Liberal Democrats"), 9057),
                c("Zack POLANSKI", Party.named("Green Party"), 11204),
                c("Stephen John TAYLOR", Party.named("UK Independence Party (UKIP)"), 16996),
                c("Daniel THOMAS", Party.named("Conservative Party"), 65242))));
    }

    /**
     * London mayor 2016 cut to three made-up wards and three candidates, stored with its ward rows. The
     * ward_results table comes with the ward-level importers' V3 migration; on a store without it this
     * creates the table as that migration does, so the query is exercised either way.
     */
    static void mayorByWard(String url) {
        Party lab = Party.named("Labour Party");
        Party con = Party.named("Conservative Party");
        Party green = Party.named("Green Party");
        // Ward rows: A (Khan 500, Goldsmith 300, Berry 200), B (300, 450, 50), C postal (200, 200, 100).
        store(url, "mayor2016", List.of(ballot("mayor.london.2016-05-05", "London", null, 1,
                c("Sadiq KHAN", lab, 1000), c("Zac GOLDSMITH", con, 950), c("Sian BERRY", green, 350))));
        long[][] votes = {{500, 300, 200}, {300, 450, 50}, {200, 200, 100}};
        String[][] wards = {{"E05000001", "Alpha", "ward"}, {"E05000002", "Beta", "ward"}, {null, "Gamma Postal", "postal"}};
        try (Store store = Store.open(url)) {
            org.tallyroom.store.Sql.of(store).useHandle(h -> {
                boolean exists;
                try (var rs = h.getConnection().getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                    exists = false;
                    while (rs.next()) {
                        exists |= rs.getString("TABLE_NAME").equalsIgnoreCase("ward_results");
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                if (!exists) {
                    h.execute("""
                            CREATE TABLE ward_results (
                                result_id BIGINT NOT NULL REFERENCES results (id),
                                ballot_id BIGINT NOT NULL REFERENCES ballots (id),
                                candidacy_id BIGINT NOT NULL REFERENCES candidacies (id),
                                preference INTEGER NOT NULL DEFAULT 1, row_number INTEGER NOT NULL,
                                ward_gss VARCHAR(20), ward_name VARCHAR(500) NOT NULL, area_name VARCHAR(500),
                                row_kind VARCHAR(20) NOT NULL, votes DECIMAL(30, 9) NOT NULL,
                                PRIMARY KEY (result_id, preference, row_number, candidacy_id))""");
                }
                long ballot = h.createQuery("SELECT id FROM ballots WHERE ballot_id = 'mayor.london.2016-05-05'")
                        .mapTo(Long.class).one();
                long result = h.createQuery("SELECT id FROM results WHERE ballot_id = :b").bind("b", ballot)
                        .mapTo(Long.class).one();
                List<Long> candidacies = h.createQuery("SELECT id FROM candidacies WHERE ballot_id = :b ORDER BY position")
                        .bind("b", ballot).mapTo(Long.class).list();
                for (int w = 0; w < 3; w++) {
                    for (int c = 0; c < 3; c++) {
                        h.createUpdate("INSERT INTO ward_results (result_id, ballot_id, candidacy_id, preference, row_number, "
                                        + "ward_gss, ward_name, row_kind, votes) VALUES (:r, :b, :c, 1, :n, :g, :w, :k, :v)")
                                .bind("r", result).bind("b", ballot).bind("c", candidacies.get(c)).bind("n", w + 1)
                                .bind("g", wards[w][0]).bind("w", wards[w][1]).bind("k", wards[w][2])
                                .bind("v", votes[w][c]).execute();
                    }
                }
            });
        }
    }
}
