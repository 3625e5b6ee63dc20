package org.tallyroom.analysis.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.RealData;

class TimelineTest {
    private static final LocalDate POLL = LocalDate.of(2022, 5, 5);

    /**
     * An 11-seat council: Lab 6, Con 4, LD 1 (threshold 6), elected in wards W1..W4. Events: a Lab
     * councillor dies (Lab 5, vacancy: control lost, the threshold stays 6 of 11); Con win the
     * by-election (Con 5); a Con councillor defects to Lab (Lab 6, Con 4: Lab control again); a
     * Lab councillor's whip is suspended (Lab 5: NOC); a LD councillor resigns and Lab win the
     * by-election (Lab 6: control); the whip is restored (Lab 7).
     */
    private static Membership council() {
        List<ContestResult> wards = List.of(
                ward("W1", "Lab", "Lab", "Lab"), ward("W2", "Lab", "Lab", "Lab"),
                ward("W3", "Con", "Con", "Con"), ward("W4", "Con", "LD"));
        return Membership.elected(new Election("Anytown 2022", wards), POLL);
    }

    private static List<Event> events() {
        return List.of(
                new Event.Vacancy(LocalDate.of(2022, 9, 1), "W1", "W1 Lab 0", Event.Cause.DEATH),
                new Event.ByElection(LocalDate.of(2022, 11, 10), "W1", "New Con", "Con"),
                new Event.Defection(LocalDate.of(2023, 2, 1), "W3", "W3 Con 0", "Lab"),
                new Event.WhipSuspended(LocalDate.of(2023, 6, 1), "W2", "W2 Lab 1"),
                new Event.Vacancy(LocalDate.of(2023, 7, 1), "W4", "W4 LD 1", Event.Cause.RESIGNATION),
                new Event.ByElection(LocalDate.of(2023, 9, 14), "W4", "New Lab", "Lab"),
                new Event.WhipRestored(LocalDate.of(2024, 1, 10), "W2", "W2 Lab 1"));
    }

    @Test
    void twoByElectionsADefectionAndAWhipSuspension_seatsAndControlAtEachDate() {
        Timeline t = Timeline.of(council(), events());

        assertThat(t.start().seatsOf("Lab")).isEqualTo(6);
        assertThat(t.start().control().party()).isEqualTo("Lab");
        assertThat(t.start().control().threshold()).isEqualTo(6);

        Composition afterDeath = t.at(LocalDate.of(2022, 10, 1));
        assertThat(afterDeath.seatsOf("Lab")).isEqualTo(5);
        assertThat(afterDeath.vacant()).isEqualTo(1);
        assertThat(afterDeath.control().overall()).isFalse(); // 5 of 11: vacancies do not lower the bar

        Composition afterByElection = t.at(LocalDate.of(2022, 11, 10)); // the day itself counts
        assertThat(afterByElection.seatsOf("Con")).isEqualTo(5);
        assertThat(afterByElection.vacant()).isZero();
        assertThat(afterByElection.control().largestParties()).containsExactly("Con", "Lab");

        Composition afterDefection = t.at(LocalDate.of(2023, 3, 1));
        assertThat(afterDefection.seatsOf("Lab")).isEqualTo(6);
        assertThat(afterDefection.seatsOf("Con")).isEqualTo(4);
        assertThat(afterDefection.control().party()).isEqualTo("Lab");

        Composition suspended = t.at(LocalDate.of(2023, 6, 1));
        assertThat(suspended.seatsOf("Lab")).isEqualTo(5);
        assertThat(suspended.seatsOf("Lab (whip suspended)")).isEqualTo(1);
        assertThat(suspended.control().overall()).isFalse();

        Composition afterSecond = t.at(LocalDate.of(2023, 12, 31));
        assertThat(afterSecond.seatsOf("Lab")).isEqualTo(6);
        assertThat(afterSecond.seatsOf("LD")).isZero();
        assertThat(afterSecond.control().party()).isEqualTo("Lab");

        assertThat(t.at(LocalDate.of(2024, 2, 1)).seatsOf("Lab")).isEqualTo(7);

        assertThat(t.entries()).extracting(TimelineEntry::controlChanged)
                .containsExactly(true, false, true, true, false, true, false);
        assertThat(t.entries().get(0).description()).isEqualTo("W1 Lab 0 (Ward W1) died; seat vacant");
    }

    @Test
    void aByElectionWithoutAVacancy_isAMistakeInTheRecord() {
        List<Event> bad = List.of(new Event.ByElection(LocalDate.of(2022, 11, 10), "W1", "X", "Con"));
        assertThatThrownBy(() -> Timeline.of(council(), bad)).hasMessageContaining("no seat there is vacant");
    }

    @Test
    void eventsOutOfOrder_orNamingSomeoneWhoDoesNotSit_areRejected() {
        List<Event> backwards = new ArrayList<>(events());
        java.util.Collections.swap(backwards, 0, 1);
        assertThatThrownBy(() -> Timeline.of(council(), backwards)).hasMessageContaining("date order");
        assertThatThrownBy(() -> Timeline.of(council(), List.of(
                new Event.Defection(LocalDate.of(2023, 1, 1), "W1", "Nobody", "Ind"))))
                .hasMessageContaining("Nobody does not sit for W1");
        assertThatThrownBy(() -> Timeline.of(council(), List.of(
                new Event.WhipRestored(LocalDate.of(2023, 1, 1), "W1", "W1 Lab 0"))))
                .hasMessageContaining("not suspended");
    }

    @Test
    void startsFromARealElection_barnet2022() {
        Membership m = Membership.elected(RealData.borough(2022, "Barnet"), POLL);
        assertThat(m.seats()).isEqualTo(63);
        Composition c = Timeline.at(m, List.of(), POLL);
        assertThat(c.seatsOf("LAB")).isEqualTo(41);
        assertThat(c.control().party()).isEqualTo("LAB");
    }

    private static ContestResult ward(String id, String... winners) {
        List<CandidateVotes> cands = new ArrayList<>();
        for (int i = 0; i < winners.length; i++) {
            cands.add(new CandidateVotes(id + " " + winners[i] + " " + i, winners[i], 100 - i, true));
        }
        cands.add(new CandidateVotes(id + " loser", "Green", 5));
        return new ContestResult(id, "Ward " + id, winners.length, cands);
    }
}
