package org.tallyroom.io.gla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.list.AdditionalMember;
import org.tallyroom.count.list.PartyLists;
import org.tallyroom.io.PartyListsCsv;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.testing.SharedData;

/**
 * The London Assembly 2016 from ward-level data: the 14 constituency members counted by FPTP from
 * their files, their parties typed by hand from the declarations (the constituency files carry no
 * party), then the 11 London members by AMS over the London-wide list votes summed over every ward.
 * Declared: Lab 12, Con 8, Green 2, UKIP 2, LD 1.
 */
class London2016AssemblyTest {
    private static final String LAB = "Labour Party";
    private static final String CON = "Conservative Party";
    private static final String GREEN = "Green Party - \"vote Green on orange\"";
    private static final String UKIP = "UK Independence Party (UKIP)";
    private static final String LD = "Caroline Pidgeon's London Liberal Democrats";

    /** The 14 constituency members elected on 5 May 2016 and their parties (public record), by list name. */
    static final Map<String, String> WINNERS_PARTY = Map.ofEntries(
            Map.entry("Andrew Hartley DISMORE", LAB), Map.entry("Gareth Andrew BACON", CON),
            Map.entry("Navin SHAH", LAB), Map.entry("Unmesh DESAI", LAB),
            Map.entry("Stephen John O'CONNELL", CON), Map.entry("Onkar Singh SAHOTA", LAB),
            Map.entry("Joanne MCCARTNEY", LAB), Map.entry("Len DUVALL", LAB),
            Map.entry("Keith Anthony PRINCE", CON), Map.entry("Florence ESHALOMI", LAB),
            Map.entry("Leonie Alison COOPER", LAB), Map.entry("Jennette ARNOLD", LAB),
            Map.entry("Tony ARBOUR", CON), Map.entry("Tony DEVENISH", CON));

    @Test
    void londonMembers2016_elevenSeatsInStatutoryOrder_giveTheDeclaredAssembly() throws Exception {
        London2016 london = London2016.read(SharedData.path("uk/london-2016"));
        Map<String, Integer> constituencySeats = new HashMap<>();
        for (String name : london.constituencyNames()) {
            CountReport fptp = new Fptp().count(london.constituencyContest(name), CountOptions.seats(1));
            String winner = fptp.electedNames().get(0);
            assertThat(WINNERS_PARTY).as("winner in %s", name).containsKey(winner);
            constituencySeats.merge(WINNERS_PARTY.get(winner), 1, Integer::sum);
        }
        assertThat(constituencySeats).containsExactlyInAnyOrderEntriesOf(Map.of(LAB, 9, CON, 5));

        Contest list = london.londonWideListContest();
        CountReport r = new AdditionalMember().count(list,
                CountOptions.seats(11).withConstituencySeats(constituencySeats, false));

        // Worked by hand (GLA Act 1999 Sch 2 paras 7-8; 2,615,676 London votes, 5% = 130,783.8:
        // only Lab, Con, Green, UKIP and LD qualify; WEP's 91,772 is 3.5%):
        //  seat 1: Lab 1,054,801/10 = 105,480.1; Con 764,230/6 = 127,371.7; Green 207,959/1;
        //          UKIP 171,069/1; LD 165,580/1 -> Green 207,959 (Green now /2 = 103,979.5)
        //  seat 2: UKIP 171,069 (then 85,534.5)      seat 3: LD 165,580 (then 82,790)
        //  seat 4: Con 127,371.67 (then /7 = 109,175.71)
        //  seat 5: Con 109,175.71 (then /8 = 95,528.75)  seat 6: Lab 105,480.1 (then /11 = 95,891)
        //  seat 7: Green 103,979.5    seat 8: Lab 95,891    seat 9: Con 95,528.75
        //  seat 10: Lab 1,054,801/12 = 87,900.08    seat 11: UKIP 85,534.5 (Con 84,914.4 next)
        assertThat(r.allocations()).extracting(Allocation::party).containsExactly(
                GREEN, UKIP, LD, CON, CON, LAB, GREEN, LAB, CON, LAB, UKIP);
        assertThat(r.allocations().get(3).quotient()).isEqualTo(12_737_166_666L);
        assertThat(r.allocations().get(10).quotient()).isEqualTo(8_553_450_000L);
        assertThat(r.seatsByParty()).containsEntry(LAB, 12).containsEntry(CON, 8).containsEntry(GREEN, 2)
                .containsEntry(UKIP, 2).containsEntry(LD, 1).containsEntry("Women's Equality Party", 0);
        assertThat(r.seatsByParty().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
        assertThat(r.stages().get(0).excluded()).hasSize(7);
        assertThat(r.ties()).isEmpty();
    }

    /**
     * A hand-made list file (test resource gla/labour-london-list-2016.csv) naming Labour's London-wide
     * list with Nicky Gavron second: Labour's three list seats (6, 8 and 10 above) go to its first three.
     */
    @Test
    void londonMembers2016_withLabourListFile_nickyGavronTakesLaboursSecondListSeat() throws Exception {
        London2016 london = London2016.read(SharedData.path("uk/london-2016"));
        Map<String, Integer> constituencySeats = new HashMap<>();
        java.util.Set<String> constituencyMembers = new java.util.HashSet<>();
        for (String name : london.constituencyNames()) {
            String winner = new Fptp().count(london.constituencyContest(name), CountOptions.seats(1)).electedNames().get(0);
            constituencySeats.merge(WINNERS_PARTY.get(winner), 1, Integer::sum);
            constituencyMembers.add(winner);
        }
        PartyLists file = PartyListsCsv.read(java.nio.file.Path.of(
                London2016AssemblyTest.class.getResource("/gla/labour-london-list-2016.csv").toURI()));
        PartyLists lists = new PartyLists(file.lists(), constituencyMembers);
        CountReport r = new AdditionalMember().count(london.londonWideListContest(),
                CountOptions.seats(11).withConstituencySeats(constituencySeats, false).withPartyLists(lists));

        assertThat(r.allocations()).filteredOn(a -> a.party().equals(LAB))
                .extracting(Allocation::seat, Allocation::member)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, "Fiona Twycross"),
                        org.assertj.core.groups.Tuple.tuple(8, "Nicky Gavron"),
                        org.assertj.core.groups.Tuple.tuple(10, "Tom Copley"));
        assertThat(r.allocations()).filteredOn(a -> !a.party().equals(LAB)).allSatisfy(a -> assertThat(a.member()).isNull());
        assertThat(org.tallyroom.io.report.ReportText.render(r)).contains("Nicky Gavron");
    }
}
