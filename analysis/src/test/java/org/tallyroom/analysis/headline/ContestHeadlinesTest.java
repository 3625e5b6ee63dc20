package org.tallyroom.analysis.headline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.RealData;

class ContestHeadlinesTest {
    private static final UnaryOperator<String> NAMES = k -> Map.of("Lab", "Labour", "Con", "Conservative",
            "LD", "Liberal Democrat").getOrDefault(k, k);

    private static ContestResult seat(Election e, String name) {
        return e.contests().stream().filter(c -> c.divisionName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void chippingBarnet2019_conservativeHold_withBothMajorities_fromTheCommonsLibraryFiles() {
        ContestResult now = seat(RealData.generalElection(2019), "Chipping Barnet");
        ContestResult before = seat(RealData.generalElection(2017), "Chipping Barnet");
        Headline h = ContestHeadlines.of(now, before, "2017", null, NAMES).orElseThrow();
        assertThat(h.text()).isEqualTo("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)");
        assertThat(h.details()).anyMatch(d -> d.startsWith("Majority 1,212 ("))
                .contains("2017: Conservative 1, majority 353");
    }

    @Test
    void aSeatChangingHands_isAGainFromTheOldHolder() {
        // Kensington: Labour gained it from the Conservatives in 2017 by 20 votes.
        ContestResult now = seat(RealData.generalElection(2017), "Kensington");
        ContestResult was = new ContestResult(now.divisionId(), "Kensington", 1,
                List.of(new CandidateVotes("A", "Con", 100), new CandidateVotes("B", "Lab", 90)));
        assertThat(ContestHeadlines.of(now, was, "2015", null, NAMES).orElseThrow().text())
                .isEqualTo("Labour GAIN Kensington from Conservative: majority 20");
    }

    @Test
    void newBoundaries_sayWhoWonAndWhyThereIsNoComparison() {
        ContestResult ward = new ContestResult("E1", "Burnt Oak", 3, List.of(new CandidateVotes("A", "Lab", 300),
                new CandidateVotes("B", "Lab", 290), new CandidateVotes("C", "Lab", 280), new CandidateVotes("D", "Con", 100)));
        Headline h = ContestHeadlines.of(ward, null, null, "2018", NAMES).orElseThrow();
        assertThat(h.text()).isEqualTo("Labour WIN all 3 seats in Burnt Oak");
        assertThat(h.details()).contains("New boundaries since 2018: no previous result here to compare with");
    }

    @Test
    void severalSeats_gainsNamedWithTheLosers() {
        ContestResult now = new ContestResult("E1", "Hendon", 3, List.of(new CandidateVotes("A", "Lab", 300),
                new CandidateVotes("B", "Lab", 290), new CandidateVotes("C", "Con", 280), new CandidateVotes("D", "Con", 100)));
        ContestResult was = new ContestResult("E1", "Hendon", 3, List.of(new CandidateVotes("A", "Con", 300),
                new CandidateVotes("B", "Con", 290), new CandidateVotes("C", "Lab", 280), new CandidateVotes("D", "Con", 100)));
        assertThat(ContestHeadlines.of(now, was, "2018", null, NAMES).orElseThrow().text())
                .isEqualTo("Labour GAIN 1 seat in Hendon from Conservative");
        assertThat(ContestHeadlines.of(was, was, "2018", null, NAMES).orElseThrow().text())
                .isEqualTo("No change in Hendon: Conservative 2, Labour 1");
    }

    @Test
    void aTieWithNoWinnerFlagged_hasNoHeadline() {
        ContestResult tie = new ContestResult("E1", "X", 1, List.of(new CandidateVotes("A", "Lab", 10),
                new CandidateVotes("B", "Con", 10)));
        assertThat(ContestHeadlines.of(tie, null, null, null, NAMES)).isEmpty();
    }

    @Test
    void anStvSeat_electedOnTransfers_hasNoMajorityAndIsNotUnopposed() {
        // A one-seat STV by-election: Labour second on first preferences, elected on transfers.
        ContestResult now = new ContestResult("S1", "Leith", 1, List.of(new CandidateVotes("A", "Con", 400, false),
                new CandidateVotes("B", "Lab", 350, true), new CandidateVotes("C", "LD", 300, false)),
                OptionalLong.empty(), OptionalLong.of(1050), OptionalLong.empty(), true);
        ContestResult was = new ContestResult("S1", "Leith", 1, List.of(new CandidateVotes("A", "Con", 500, true),
                new CandidateVotes("B", "Lab", 450, false)),
                OptionalLong.empty(), OptionalLong.of(950), OptionalLong.empty(), true);
        Headline h = ContestHeadlines.of(now, was, "2017", null, NAMES).orElseThrow();
        assertThat(h.text()).isEqualTo("Labour GAIN Leith from Conservative");
        assertThat(h.details()).noneMatch(d -> d.contains("ajority")).contains("2017: Conservative 1");
    }
}
