package org.tallyroom.analysis.marginal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.RealData;

class MarginalsTest {
    @Test
    void labTargets2019_orderedBySwingNeeded_chippingBarnetAmongThem() {
        Election ge = RealData.generalElection(2019);
        List<MarginalSeat> targets = Marginals.targets(ge, "Lab");

        assertThat(targets).isSortedAccordingTo((a, b) -> a.swingNeeded().compareTo(b.swingNeeded()));
        assertThat(targets).noneMatch(t -> t.holder().equals("Lab"));
        MarginalSeat barnet = targets.stream().filter(t -> t.divisionName().equals("Chipping Barnet")).findFirst()
                .orElseThrow();
        assertThat(barnet.majorityVotes()).isEqualTo(1_212);
        assertThat(barnet.majorityShare()).isEqualTo(Fraction.of(1_212, 57_569));
        assertThat(barnet.swingNeeded()).isEqualTo(Fraction.of(606, 57_569));
        assertThat(barnet.swingNeeded().percent()).isEqualByComparingTo("1.05");
        assertThat(targets.get(0).rank()).isEqualTo(1);
    }

    @Test
    void allSeats_mostMarginalFirst_winnerOverRunnerUp() {
        List<MarginalSeat> all = Marginals.bySeat(RealData.generalElection(2019));
        assertThat(all).hasSize(650);
        assertThat(all.get(0).swingNeeded()).isLessThanOrEqualTo(all.get(649).swingNeeded());
        assertThat(all).allMatch(s -> s.majorityVotes() > 0);
        // every Con defence is a Con seat
        assertThat(Marginals.defences(RealData.generalElection(2019), "Con")).hasSize(365)
                .allMatch(s -> s.holder().equals("Con"));
    }
}
