package org.tallyroom.analysis.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.RealData;

class CouncilTest {
    @Test
    void barnet2018To2022_conMajorityToLabMajority_newWardsSoWholeCouncilChange() {
        Election before = RealData.borough(2018, "Barnet");
        Election after = RealData.borough(2022, "Barnet");

        CouncilSummary then = Council.summarise(before);
        assertThat(then.seats()).isEqualTo(63);
        assertThat(then.seatsOf("CON")).isEqualTo(38);
        assertThat(then.seatsOf("LAB")).isEqualTo(25);
        assertThat(then.control().threshold()).isEqualTo(32);
        assertThat(then.control().party()).isEqualTo("CON");

        CouncilChange c = Council.compare(after, before);
        assertThat(c.after().seatsOf("LAB")).isEqualTo(41);
        assertThat(c.after().seatsOf("CON")).isEqualTo(22);
        assertThat(c.after().control().party()).isEqualTo("LAB");
        assertThat(c.after().control().describe()).isEqualTo("LAB majority of 19");
        assertThat(c.controlChanged()).isTrue();
        assertThat(c.verdict()).isEqualTo("LAB gain from CON");
        // 2022 Barnet has 24 wards to 2018's 21, with new codes: no ward-by-ward comparison
        assertThat(Council.sameWards(after, before)).isFalse();
        assertThat(c.basis()).isEqualTo(ComparisonBasis.WHOLE_COUNCIL);
        assertThat(c.party("LAB").net()).isEqualTo(16);
        assertThat(c.party("LAB").gains()).isEmpty();
        assertThat(c.party("CON").net()).isEqualTo(-16);
        assertThat(c.wards()).isEmpty();
    }

    @Test
    void croydon2018To2022_sameWards_gainsAndLossesByWard_labLosesControlToNoc() {
        CouncilChange c = Council.compare(RealData.borough(2022, "Croydon"), RealData.borough(2018, "Croydon"));

        assertThat(c.basis()).isEqualTo(ComparisonBasis.BY_WARD);
        // ward by ward (a separate script over the two files): Con +4, Green +2, LD +1; Lab -7; 5 wards changed
        assertThat(c.party("LAB").losses()).hasValue(7);
        assertThat(c.party("LAB").gains()).hasValue(0);
        assertThat(c.party("CON").gains()).hasValue(4);
        assertThat(c.party("GRE").gains()).hasValue(2);
        assertThat(c.party("LD").gains()).hasValue(1);
        assertThat(c.wards()).hasSize(5);
        assertThat(c.before().seatsOf("LAB")).isEqualTo(41);
        assertThat(c.before().seatsOf("CON")).isEqualTo(29);
        assertThat(c.after().seatsOf("LAB")).isEqualTo(34);
        assertThat(c.after().seatsOf("CON")).isEqualTo(33);
        assertThat(c.after().control().overall()).isFalse();
        assertThat(c.after().control().largestParties()).containsExactly("LAB");
        assertThat(c.after().control().seatsShort()).isEqualTo(2); // 36 of 70 needed
        assertThat(c.verdict()).isEqualTo("LAB lose control: No overall control");
    }

    @Test
    void newWardsWithNotionalResults_areComparedWardByWard_labelledNotional() {
        Election before = new Election("Old", List.of(ward("A", 2, "X", "X"), ward("B", 2, "Y", "X")));
        Election after = new Election("New", List.of(ward("N1", 3, "X", "Y", "Y"), ward("N2", 1, "Y")));
        // notionally the old result on the new wards: N1 X 2, Y 1; N2 Y 1 (X 2, Y 2 in all, where the
        // actual old council was X 3, Y 1)
        List<NotionalWard> notional = List.of(
                new NotionalWard("N1", List.of(new PartySeats("X", 2), new PartySeats("Y", 1))),
                new NotionalWard("N2", List.of(new PartySeats("Y", 1))));

        CouncilChange c = Council.compare(after, before, notional);

        assertThat(c.basis()).isEqualTo(ComparisonBasis.NOTIONAL);
        assertThat(c.party("Y").gains()).hasValue(1); // N1: Y 1 -> 2; N2 unchanged
        assertThat(c.party("X").losses()).hasValue(1);
        assertThat(c.party("Y").before()).isEqualTo(2); // notional
        assertThat(c.before().seatsOf("Y")).isEqualTo(1); // the actual previous council
        assertThat(c.wards()).extracting(WardSeatChange::divisionId).containsExactly("N1");
        assertThat(c.verdict()).isEqualTo("Y gain from X");
        assertThat(Council.compare(after, before).basis()).isEqualTo(ComparisonBasis.WHOLE_COUNCIL);
    }

    @Test
    void aWardUnchanged_isComparedDirectly_besideNotionalResultsForTheNewWards() {
        Election before = new Election("Old", List.of(ward("A", 2, "X", "X"), ward("B", 2, "Y", "X"), ward("K", 1, "X")));
        Election after = new Election("New", List.of(ward("N1", 3, "Y", "Y", "X"), ward("K", 1, "Y")));
        List<NotionalWard> notional = List.of(new NotionalWard("N1", List.of(new PartySeats("X", 2), new PartySeats("Y", 1))));

        CouncilChange c = Council.compare(after, before, notional);

        assertThat(c.basis()).isEqualTo(ComparisonBasis.NOTIONAL);
        assertThat(c.directWards()).isEqualTo(1);
        assertThat(c.party("Y").gains()).hasValue(2); // N1: Y 1 -> 2 (notional); K: X -> Y (against its own earlier result)
        assertThat(c.party("X").losses()).hasValue(2);
        assertThat(c.party("X").before()).isEqualTo(3); // notional 2 in N1 and the real 1 in K
        assertThat(c.wards()).extracting(WardSeatChange::divisionId).containsExactly("N1", "K");
        assertThat(org.tallyroom.analysis.text.PlainText.render(c))
                .contains("1 ward unchanged (same code, same seats) compared directly with Old");
        // The same ward with other seats is a new ward: it needs a notional result.
        Election resized = new Election("New", List.of(ward("N1", 3, "Y", "Y", "X"), ward("K", 2, "Y", "X")));
        assertThatThrownBy(() -> Council.compare(resized, before, notional)).hasMessageContaining("lack ward K");
    }

    @Test
    void notionalResults_mustCoverEveryWardWithItsSeats() {
        Election before = new Election("Old", List.of(ward("A", 2, "X", "X")));
        Election after = new Election("New", List.of(ward("N1", 1, "X"), ward("N2", 1, "Y")));
        assertThatThrownBy(() -> Council.compare(after, before,
                List.of(new NotionalWard("N1", List.of(new PartySeats("X", 1))))))
                .hasMessageContaining("lack ward N2");
        assertThatThrownBy(() -> Council.compare(after, before, List.of(
                new NotionalWard("N1", List.of(new PartySeats("X", 2))),
                new NotionalWard("N2", List.of(new PartySeats("X", 1))))))
                .hasMessageContaining("2 seats; it has 1");
    }

    @Test
    void threshold_isFloorHalfPlusOne_andALevelLargestPartyIsNoControl() {
        assertThat(Control.threshold(63)).isEqualTo(32);
        assertThat(Control.threshold(60)).isEqualTo(31);
        Control c = Control.of(60, List.of(new PartySeats("X", 30), new PartySeats("Y", 30)));
        assertThat(c.overall()).isFalse();
        assertThat(c.largestParties()).containsExactly("X", "Y");
        assertThat(c.seatsShort()).isEqualTo(1);
        assertThat(c.describe()).isEqualTo("No overall control (X and Y largest, 1 short)");
    }

    /** A ward whose winners are the given parties, each beating a loser of party Z. */
    private static ContestResult ward(String id, int seats, String... winners) {
        List<CandidateVotes> cands = new java.util.ArrayList<>();
        for (int i = 0; i < winners.length; i++) {
            cands.add(new CandidateVotes(id + "-w" + i, winners[i], 100 - i, true));
        }
        cands.add(new CandidateVotes(id + "-loser", "Z", 10));
        return new ContestResult(id, "Ward " + id, seats, cands);
    }
}
