package org.tallyroom.count.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Votes;

/** List seats named by person: GLA Act 1999 Sch 2 para 8, Scotland Act 1998 s.8. */
class ListMembersTest {
    private static Contest region() {
        // A Holyrood-style region: 7 list seats.
        return new Contest("Region", List.of(new Candidate("Lab", "Labour"), new Candidate("Con", "Conservative"),
                new Candidate("Green", "Scottish Green"), new Candidate("Jo Indie", "")),
                new Votes.Tallies(new long[] {100_000, 80_000, 30_000, 25_000}));
    }

    @Test
    void eachSeatNamesTheFirstOnTheListNotReturnedInAConstituency() {
        // Lab won 3 constituencies, Con 1. Divisors: Lab 4, Con 2, Green 1, Indie 1. By hand:
        // 1 Con 40,000; 2 Green 30,000; 3 Con 26,666.67; 4 Lab 25,000 = Indie 25,000 (Lab has more votes);
        // 5 Indie 25,000 (then out); 6 Lab 100,000/5 = 20,000 = Con 80,000/4 (Lab has more votes);
        // 7 Con 20,000.
        PartyLists lists = new PartyLists(Map.of(
                "Labour", List.of("Ann Lab", "Bob Lab", "Cat Lab"),
                "Con", List.of("Dan Con", "Eve Con", "Fay Con", "Gus Con")),
                Set.of("ANN LAB", "Eve Con"));
        CountReport r = new AdditionalMember().count(region(), CountOptions.seats(7)
                .withConstituencySeats(Map.of("Lab", 3, "Con", 1), true).withPartyLists(lists));
        assertThat(r.allocations()).extracting(Allocation::party)
                .containsExactly("Con", "Green", "Con", "Lab", "Jo Indie", "Lab", "Con");
        // Ann Lab and Eve Con won constituencies (names compared case-blind), so they are passed over.
        assertThat(r.allocations()).extracting(Allocation::member)
                .containsExactly("Dan Con", null, "Fay Con", "Bob Lab", "Jo Indie", "Cat Lab", "Gus Con");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Ann Lab (Lab list, position 1) is already returned"))
                .anySatisfy(n -> assertThat(n).contains("No list of names was given for Green"));
    }

    @Test
    void anExhaustedListIsDisregarded_theSeatGoesToTheNextFigure() {
        // Labour's list has one name left after its constituency members, Bob, who takes seat 4; the
        // list is then exhausted, so seat 6 (Lab 20,000 above) goes to the next figure, Con 80,000/4 =
        // 20,000, and seat 7 to Con 80,000/5 = 16,000 over Green 30,000/2 = 15,000.
        PartyLists lists = new PartyLists(Map.of("Lab", List.of("Ann Lab", "Bob Lab")), Set.of("Ann Lab"));
        CountReport r = new AdditionalMember().count(region(), CountOptions.seats(7)
                .withConstituencySeats(Map.of("Lab", 3, "Con", 1), true).withPartyLists(lists));
        assertThat(r.allocations()).extracting(Allocation::party)
                .containsExactly("Con", "Green", "Con", "Lab", "Jo Indie", "Con", "Con");
        assertThat(r.allocations().get(3).member()).isEqualTo("Bob Lab");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("The list of Lab is exhausted before seat 5"));
        assertThat(r.seatsByParty()).containsEntry("Lab", 4).containsEntry("Con", 5);
    }

    @Test
    void withoutLists_seatsAreUnnamed_asBefore() {
        CountReport r = new AdditionalMember().count(region(), CountOptions.seats(7)
                .withConstituencySeats(Map.of("Lab", 3, "Con", 1), true));
        assertThat(r.allocations()).extracting(Allocation::member)
                .containsOnlyNulls();
    }

    @Test
    void aListFileNamingAPartyWithNoList_isRefused() {
        PartyLists lists = new PartyLists(Map.of("Reform", List.of("Zed")), Set.of());
        assertThatThrownBy(() -> new DHondt().count(region(), CountOptions.seats(3).withPartyLists(lists)))
                .isInstanceOf(CountException.class).hasMessageContaining("Reform, which match no list");
    }
}
