package org.tallyroom.count.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/** Hand-worked list counts; each comment shows the quotients worked by hand. */
class ListMethodsTest {

    /** Lists as "name" (a party list, party = name) or "name:" (an independent, no party). */
    static Contest lists(Object... nameVotes) {
        List<Candidate> cands = new ArrayList<>();
        long[] votes = new long[nameVotes.length / 2];
        for (int i = 0; i < nameVotes.length; i += 2) {
            String name = (String) nameVotes[i];
            cands.add(name.endsWith(":") ? new Candidate(name.substring(0, name.length() - 1), "")
                    : new Candidate(name, name));
            votes[i / 2] = ((Number) nameVotes[i + 1]).longValue();
        }
        return new Contest("T", cands, new Votes.Tallies(votes));
    }

    static List<String> seatOrder(CountReport r) {
        return r.allocations().stream().map(Allocation::party).toList();
    }

    static List<String> quotients(CountReport r) {
        return r.allocations().stream().map(a -> Fixed.format(a.quotient(), Allocation.QUOTIENT_DECIMALS)).toList();
    }

    @Test
    void dhondt_divides_by_one_two_three_and_gives_each_seat_to_the_highest_quotient() {
        // A 1000, 500, 333.3; B 700, 350; C 300: seats A, B, A, B, A.
        CountReport r = new DHondt().count(lists("A", 1000, "B", 700, "C", 300), CountOptions.seats(5));
        assertThat(seatOrder(r)).containsExactly("A", "B", "A", "B", "A");
        assertThat(quotients(r)).containsExactly("1000.00000", "700.00000", "500.00000", "350.00000", "333.33333");
        assertThat(r.seatsByParty()).containsExactly(Map.entry("A", 3), Map.entry("B", 2), Map.entry("C", 0));
        assertThat(r.electedNames()).containsExactly("A", "B", "A", "B", "A");
        assertThat(r.stages()).hasSize(6);
        assertThat(r.stages().get(0).kind()).isEqualTo(StageKind.FIRST_PREFERENCES);
        assertThat(r.stages().subList(1, 6)).allSatisfy(s -> assertThat(s.kind()).isEqualTo(StageKind.ALLOCATION));
        assertThat(r.stages().get(5).elected()).containsExactly(0);
        assertThat(r.ballots().valid()).isEqualTo(2000);
        assertThat(r.ties()).isEmpty();
        assertThat(r.quota()).isNull();
    }

    @Test
    void sainteLague_divides_by_one_three_five() {
        // A 1000, 333.3, 200; B 700, 233.3; C 300, 100: seats A, B, A, C, B.
        CountReport r = new SainteLague().count(lists("A", 1000, "B", 700, "C", 300), CountOptions.seats(5));
        assertThat(seatOrder(r)).containsExactly("A", "B", "A", "C", "B");
        assertThat(quotients(r)).containsExactly("1000.00000", "700.00000", "333.33333", "300.00000", "233.33333");
    }

    @Test
    void threshold_leavesOutListsUnderTheShare_butNotOneExactlyAtIt() {
        // Total 1000; 5% is 50 votes: B with exactly 50 stays in, C with 49 is left out.
        // D'Hondt over A 851, B 50: A 851, 425.5, 283.7, 212.75, 170.2 ... B 50 never reached in 3 seats.
        Contest c = lists("A", 851, "B", 50, "C", 49, "D", 50);
        CountReport r = new DHondt().count(c, CountOptions.seats(3).withThreshold(new BigDecimal("5")));
        assertThat(r.stages().get(0).excluded()).containsExactly(2);
        assertThat(r.notes()).singleElement().asString().contains("less than 5%").contains("C (49, 4.90%)")
                .doesNotContain("B (");
        assertThat(seatOrder(r)).containsExactly("A", "A", "A");
    }

    @Test
    void threshold_withDecimalPercentage_isExact() {
        // 4.9% of 1000 is 49: C with 49 stays in; with 4.91% it is out.
        Contest c = lists("A", 900, "C", 49, "E", 51);
        assertThat(new DHondt().count(c, CountOptions.seats(1).withThreshold(new BigDecimal("4.9")))
                .stages().get(0).excluded()).isEmpty();
        assertThat(new DHondt().count(c, CountOptions.seats(1).withThreshold(new BigDecimal("4.91")))
                .stages().get(0).excluded()).containsExactly(1);
    }

    @Test
    void independent_takesAtMostOneSeat() {
        // Ind 900 takes seat 1 and is then disregarded (its 450 would otherwise win seat 2);
        // A 500, 250 take seats 2 and 3.
        CountReport r = new DHondt().count(lists("Ind:", 900, "A", 500), CountOptions.seats(3));
        assertThat(seatOrder(r)).containsExactly("Ind", "A", "A");
        assertThat(r.seatsByParty()).containsEntry("Ind", 1).containsEntry("A", 2);
    }

    @Test
    void candidatesWithPartyIndependentOrInd_areIndependents() {
        Contest c = new Contest("T", List.of(new Candidate("X", "Independent"), new Candidate("Y", "ind"),
                new Candidate("Z", "Zed")), new Votes.Tallies(new long[] {900, 800, 100}));
        CountReport r = new DHondt().count(c, CountOptions.seats(3));
        assertThat(seatOrder(r)).containsExactly("X", "Y", "Z");
    }

    @Test
    void dhondt_equalQuotients_goToTheListWithMostVotes() {
        // Seat 1: A 600. Seat 2: A 600/2 = 300 equals B 300/1: A has more votes (Senedd Act: most votes).
        CountReport r = new DHondt().count(lists("A", 600, "B", 300), CountOptions.seats(2));
        assertThat(seatOrder(r)).containsExactly("A", "A");
        assertThat(r.ties()).singleElement().satisfies(t -> {
            assertThat(t.stage()).isEqualTo(3);
            assertThat(t.between()).containsExactly(0, 1);
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.MOST_VOTES);
            assertThat(t.chosen()).isEqualTo(0);
        });
    }

    @Test
    void dhondt_equalQuotientsAndEqualVotes_areSettledByLot() {
        Contest c = lists("A", 400, "B", 400, "C", 10);
        CountReport drawnB = new DHondt().count(c, CountOptions.seats(1).withLot(List.of("B")));
        assertThat(seatOrder(drawnB)).containsExactly("B");
        assertThat(drawnB.ties()).singleElement().satisfies(t -> {
            assertThat(t.resolvedBy()).isEqualTo(Tie.Resolution.LOT);
            assertThat(t.between()).containsExactly(0, 1);
        });
        assertThat(seatOrder(new DHondt().count(c, CountOptions.seats(1).withLot(List.of("A")))))
                .containsExactly("A");
    }

    @Test
    void dhondt_threeWayTie_mostVotesNarrowsThenLotAmongTheRest() {
        // Seat 1 A 600; seat 2 A 300, B 300, C 300 equal; B and C have 300 votes, A 600: A by most votes.
        // Seat 3: A 200 < B 300 = C 300, equal votes: lot.
        CountReport r = new DHondt().count(lists("A", 600, "B", 300, "C", 300),
                CountOptions.seats(3).withLot(List.of("C")));
        assertThat(seatOrder(r)).containsExactly("A", "A", "C");
        assertThat(r.ties()).extracting(Tie::resolvedBy)
                .containsExactly(Tie.Resolution.MOST_VOTES, Tie.Resolution.LOT);
        assertThat(r.ties().get(1).between()).containsExactly(1, 2);
    }

    @Test
    void sainteLague_equalQuotients_goToTheListWithMoreVotes_whateverTheLot() {
        // Seat 1 A 300; seat 2: A 300/3 = 100 equals B 100/1. RULES.md: most votes, then lot.
        Contest c = lists("A", 300, "B", 100);
        CountReport r = new SainteLague().count(c, CountOptions.seats(2).withLot(List.of("B")));
        assertThat(seatOrder(r)).containsExactly("A", "A");
        assertThat(r.ties()).singleElement().extracting(Tie::resolvedBy).isEqualTo(Tie.Resolution.MOST_VOTES);
    }

    @Test
    void seededLot_isReproducible() {
        Contest c = lists("A", 7, "B", 7, "C", 7, "D", 7);
        CountReport a = new SainteLague().count(c, CountOptions.seats(3).withSeed(99));
        CountReport b = new SainteLague().count(c, CountOptions.seats(3).withSeed(99));
        assertThat(a.elected()).isEqualTo(b.elected()).doesNotHaveDuplicates();
        assertThat(a.ties()).hasSize(3);
    }

    @Test
    void moreSeatsThanListsCanTake_leavesSeatsUnfilledWithANote() {
        // Two independents, one seat each; the third seat cannot be filled.
        CountReport r = new DHondt().count(lists("X:", 500, "Y:", 300), CountOptions.seats(3));
        assertThat(seatOrder(r)).containsExactly("X", "Y");
        assertThat(r.seats()).isEqualTo(3);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("1 seat is left unfilled"));
        // Everyone under the threshold: nothing at all can be filled.
        CountReport none = new DHondt().count(lists("A", 1, "B", 1, "C", 1, "D", 1, "E", 1, "F", 1),
                CountOptions.seats(2).withThreshold(new BigDecimal("20")));
        assertThat(none.elected()).isEmpty();
        assertThat(none.notes()).anySatisfy(n -> assertThat(n).contains("2 seats are left unfilled"));
    }

    @Test
    void listWithNoVotes_takesNoSeat() {
        CountReport r = new DHondt().count(lists("A", 10, "B", 0), CountOptions.seats(3));
        assertThat(seatOrder(r)).containsExactly("A", "A", "A");
    }

    @Test
    void ams_london_divisorCountsConstituencySeats_thresholdFivePercent_independentOnce() {
        // Total 880,000; 5% = 44,000: F (20,000) out. Constituency seats A 6, B 5, C 3.
        // Figures: A 300,000/7 = 42,857.14; B 250,000/6 = 41,666.67; C 150,000/4 = 37,500; D 100,000; E 60,000.
        // Seat 1 D 100,000 (then 50,000); seat 2 E 60,000 (individual: then disregarded);
        // seat 3 D 50,000 (then 33,333.33); seat 4 A 42,857.14 (GLA Act Sch 2 paras 7-8).
        Contest c = lists("A", 300_000, "B", 250_000, "C", 150_000, "D", 100_000, "E:", 60_000, "F", 20_000);
        CountOptions o = CountOptions.seats(4).withConstituencySeats(Map.of("A", 6, "B", 5, "C", 3, "G", 1), false);
        CountReport r = new AdditionalMember().count(c, o);
        assertThat(seatOrder(r)).containsExactly("D", "E", "D", "A");
        assertThat(quotients(r)).containsExactly("100000.00000", "60000.00000", "50000.00000", "42857.14285");
        assertThat(r.stages().get(0).excluded()).containsExactly(5);
        assertThat(r.seatsByParty()).containsExactly(Map.entry("A", 7), Map.entry("B", 5), Map.entry("C", 3),
                Map.entry("D", 2), Map.entry("E", 1), Map.entry("F", 0), Map.entry("G", 1));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("F (20000, 2.27%)"))
                .anySatisfy(n -> assertThat(n).contains("no list").contains("G (1)"));
        assertThat(r.stages().get(3).note()).isEqualTo("Seat 3 to D: 100000 / 2 = 50000.00000");
    }

    @Test
    void ams_regional_hasNoThreshold_andThresholdOptionOverridesLondonDefault() {
        // F has 28,000 of 578,000 (4.84%): under London's 5%, but in a Scottish region it takes seat 2
        // (A 300,000/10 = 30,000; F 28,000; B 250,000/9 = 27,777.8).
        Contest c = lists("A", 300_000, "B", 250_000, "F", 28_000);
        CountOptions regional = CountOptions.seats(7).withConstituencySeats(Map.of("A", 9, "B", 8), true);
        CountReport r = new AdditionalMember().count(c, regional);
        assertThat(r.stages().get(0).excluded()).isEmpty();
        assertThat(seatOrder(r).subList(0, 2)).containsExactly("A", "F");
        CountOptions noThreshold = CountOptions.seats(7).withConstituencySeats(Map.of("A", 9, "B", 8), false)
                .withThreshold(BigDecimal.ZERO);
        assertThat(seatOrder(new AdditionalMember().count(c, noThreshold))).isEqualTo(seatOrder(r));
        CountOptions london = CountOptions.seats(7).withConstituencySeats(Map.of("A", 9, "B", 8), false);
        assertThat(seatOrder(new AdditionalMember().count(c, london))).doesNotContain("F");
    }

    @Test
    void ams_independentAlreadyReturnedInAConstituency_isDisregarded() {
        Contest c = lists("A", 300, "E:", 500);
        CountOptions o = CountOptions.seats(2).withConstituencySeats(Map.of("E", 1), true);
        CountReport r = new AdditionalMember().count(c, o);
        assertThat(seatOrder(r)).containsExactly("A", "A");
        assertThat(r.seatsByParty()).containsEntry("E", 1).containsEntry("A", 2);
    }

    @Test
    void ams_equalFigures_goToMostVotes() {
        // A: 200 / (1 + 1 constituency seat) = 100 equals B: 100 / 1. Recalculated with one more seat,
        // A 200/3 = 66.7 beats B 100/2 = 50: the same as A's greater votes.
        Contest c = lists("A", 200, "B", 100);
        CountReport r = new AdditionalMember().count(c,
                CountOptions.seats(1).withConstituencySeats(Map.of("A", 1), false).withThreshold(BigDecimal.ZERO));
        assertThat(seatOrder(r)).containsExactly("A");
        assertThat(r.ties()).singleElement().extracting(Tie::resolvedBy).isEqualTo(Tie.Resolution.MOST_VOTES);
    }

    @Test
    void listMethods_needTallies_andDhondtRefusesConstituencySeats() {
        Contest papers = new Contest("P", List.of(new Candidate("A", "A")),
                new Votes.Papers(List.of(Ballot.ranking(1, 0))));
        assertThatThrownBy(() -> new DHondt().count(papers, CountOptions.seats(1)))
                .isInstanceOf(CountException.class).hasMessageContaining("tallies");
        assertThatThrownBy(() -> new DHondt().count(lists("A", 1),
                CountOptions.seats(1).withConstituencySeats(Map.of("A", 1), false)))
                .isInstanceOf(CountException.class).hasMessageContaining("--method ams");
        assertThatThrownBy(() -> new SainteLague().count(lists("A", 1), CountOptions.seats(0)))
                .isInstanceOf(CountException.class).hasMessageContaining("--seats");
    }

    @Test
    void exactComparison_distinguishesQuotientsThatAgreeToManyPlaces() {
        // 1,000,000,000,001 / 3 and 333,333,333,334 / 1 differ by 1/3 of a vote; then two quotients
        // beyond 2^63 when cross-multiplied.
        assertThat(HighestAverages.compareQuotients(1_000_000_000_001L, 3, 333_333_333_334L, 1)).isNegative();
        long big = Long.MAX_VALUE / 2;
        assertThat(HighestAverages.compareQuotients(big, 7, big - 1, 7)).isPositive();
        assertThat(HighestAverages.compareQuotients(big * 2, 10, big, 5)).isZero();
    }

    @Test
    void methodsAreRegistered() {
        assertThat(Methods.byId("dhondt")).containsInstanceOf(DHondt.class);
        assertThat(Methods.byId("sainte-lague")).containsInstanceOf(SainteLague.class);
        assertThat(Methods.byId("ams")).containsInstanceOf(AdditionalMember.class);
    }

    @Test
    void everyStage_showsTheListVotes_andValidVotesBalance() {
        CountReport r = new DHondt().count(lists("A", 10, "B", 5), CountOptions.seats(2));
        for (Stage s : r.stages()) {
            assertThat(s.candidateTotal()).isEqualTo(r.ballots().valid());
        }
    }
}
