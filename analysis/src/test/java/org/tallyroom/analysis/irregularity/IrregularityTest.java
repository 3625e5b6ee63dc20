package org.tallyroom.analysis.irregularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.RealData;

class IrregularityTest {
    @Test
    void barnetAndCamden2016_16239AffectedCannotChangeIt_16240CouldTieIt() {
        ContestResult bc = RealData.assemblyConstituency("Barnet and Camden");

        IrregularityCheck safe = Irregularity.check(bc, 16_239);
        WinnerCheck dismore = safe.winners().get(0);
        assertThat(dismore.winner()).isEqualTo("Andrew Hartley DISMORE");
        assertThat(dismore.margin()).isEqualTo(16_240);
        assertThat(dismore.nearestLoser()).isEqualTo("Daniel THOMAS");
        assertThat(dismore.outcome()).isEqualTo(Outcome.CANNOT_CHANGE);
        assertThat(dismore.affectedMinusMargin()).isEqualTo(-1);
        assertThat(safe.couldChange()).isFalse();

        IrregularityCheck tie = Irregularity.check(bc, 16_240);
        assertThat(tie.winners().get(0).outcome()).isEqualTo(Outcome.COULD_TIE);
        assertThat(tie.winners().get(0).affectedMinusMargin()).isZero();
        assertThat(tie.couldChange()).isTrue();
        assertThat(Outcome.COULD_TIE.description()).contains("tied");

        assertThat(Irregularity.check(bc, 20_000).winners().get(0).outcome()).isEqualTo(Outcome.COULD_OVERTURN);
    }

    @Test
    void multiMemberWard_eachWinnerAgainstTheFirstNotElected() {
        ContestResult ward = new ContestResult("W", "Ward", 2, List.of(new CandidateVotes("A", "X", 500),
                new CandidateVotes("B", "X", 420), new CandidateVotes("C", "Y", 400)));
        IrregularityCheck c = Irregularity.check(ward, 20);
        assertThat(c.winners()).extracting(WinnerCheck::outcome).containsExactly(Outcome.CANNOT_CHANGE, Outcome.COULD_TIE);
        assertThat(c.couldChange()).isTrue();
    }
}
