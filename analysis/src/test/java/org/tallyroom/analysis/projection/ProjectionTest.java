package org.tallyroom.analysis.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.RealData;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.national.SeatChange;

class ProjectionTest {
    private static final ShareChanges CON_DOWN_LAB_UP = ShareChanges.parse("con:-4,lab:+4");

    @Test
    void zeroSwing_reproducesTheElection_underBothModels() {
        Election ge = RealData.generalElection(2019);
        NationalResult actual = National.summarise(ge);
        for (SwingModel model : SwingModel.values()) {
            ProjectionResult p = Projection.project(ge, model, ShareChanges.parse("con:0,lab:0"));
            assertThat(p.changingHands()).isEmpty();
            assertThat(p.tied()).isEmpty();
            for (var party : actual.parties()) {
                assertThat(p.projected(party.party())).as(party.party()).isEqualTo(party.seats());
            }
            assertThat(p.projected("Con")).isEqualTo(365);
            assertThat(p.projected("Lab")).isEqualTo(202);
        }
    }

    @Test
    void uniformSwing_conMinus4LabPlus4_byHandOnThreeSeats() {
        Election ge = RealData.generalElection(2019);
        ProjectionResult p = Projection.project(ge, SwingModel.UNIFORM, CON_DOWN_LAB_UP);
        List<String> toLab = p.changingHands().stream().filter(c -> c.to().equals("Lab")).map(SeatChange::divisionName)
                .toList();
        // Don Valley: Con 19,609, Lab 15,979 of 45,437 votes: 43.157% and 35.168%, Con ahead by 7.989
        // points. Con -4 and Lab +4 close 8 points: Con 39.157%, Lab 39.168%: Lab by 0.011, a Lab gain.
        assertThat(toLab).contains("Don Valley");
        // Reading West: Con 24,393, Lab 20,276 of 50,392: 48.406% and 40.236%, lead 8.170 points.
        // After the swing Con 44.406%, Lab 44.236%: Con still ahead by 0.170, so no change.
        assertThat(toLab).doesNotContain("Reading West");
        // Chipping Barnet: Con 25,745, Lab 24,533 of 57,569: 44.720% and 42.615%, lead 2.105 points.
        // After: Con 40.720%, Lab 46.615%: Lab gain.
        assertThat(toLab).contains("Chipping Barnet");
        // A Lab seat cannot be lost to Con when Lab rises and Con falls.
        assertThat(p.changingHands()).noneMatch(c -> c.from().equals("Lab") && c.to().equals("Con"));

        // Totals from an independent script (Python fractions over the by-candidate file, the
        // same rule): Con 316, Lab 245, SNP 50, LD 15.
        assertThat(p.projected("Con")).isEqualTo(316);
        assertThat(p.projected("Lab")).isEqualTo(245);
        assertThat(p.projected("SNP")).isEqualTo(50);
        assertThat(p.projected("LD")).isEqualTo(15);
        assertThat(p.control().overall()).isFalse();
    }

    @Test
    void uniformSwing_agreesWithTheTargetList() {
        Election ge = RealData.generalElection(2019);
        // Con -4, Lab +4 is a 4-point Butler swing from Con to Lab. Every Con seat Lab needs less than
        // that to take is lost by Con (to Lab, or to a third party already ahead of Lab there); no
        // Con seat Lab needs more than 4 points to take goes to Lab.
        ProjectionResult p = Projection.project(ge, SwingModel.UNIFORM, CON_DOWN_LAB_UP);
        List<MarginalSeat> labTargets = Marginals.targets(ge, "Lab");
        for (MarginalSeat t : labTargets) {
            if (t.holder().equals("Con") && t.swingNeeded().compareTo(Fraction.of(4, 100)) < 0) {
                assertThat(p.changingHands()).as(t.divisionName())
                        .anyMatch(c -> c.divisionId().equals(t.divisionId()) && !c.to().equals("Con"));
            }
            if (t.holder().equals("Con") && t.swingNeeded().compareTo(Fraction.of(4, 100)) > 0) {
                assertThat(p.changingHands()).as(t.divisionName())
                        .noneMatch(c -> c.divisionId().equals(t.divisionId()) && c.to().equals("Lab"));
            }
        }
    }

    @Test
    void proportionalSwing_multipliesByTheNationalRatio_thenRenormalises() {
        // Two seats, national A 60 of 200 (30%), B 100 (50%), C 40 (20%). A +6 points: ratio 36/30 = 1.2.
        ContestResult one = new ContestResult("1", "One", 1, List.of(new CandidateVotes("a", "A", 45),
                new CandidateVotes("b", "B", 50), new CandidateVotes("c", "C", 5)));
        ContestResult two = new ContestResult("2", "Two", 1, List.of(new CandidateVotes("a", "A", 15),
                new CandidateVotes("b", "B", 50), new CandidateVotes("c", "C", 35)));
        Election e = new Election("Test", List.of(one, two));
        // Seat one: A 45% x 1.2 = 54%, B 50%, C 5%; sum 109%; renormalised A 54/109, B 50/109: A gain.
        List<ProjectedShare> seat = Projection.projectSeat(e, one, SwingModel.PROPORTIONAL, ShareChanges.parse("A:+6"));
        assertThat(seat.get(0).party()).isEqualTo("A");
        assertThat(seat.get(0).projected()).isEqualTo(Fraction.of(54, 109));
        assertThat(seat.get(1).projected()).isEqualTo(Fraction.of(50, 109));
        ProjectionResult p = Projection.project(e, SwingModel.PROPORTIONAL, ShareChanges.parse("A:+6"));
        assertThat(p.projected("A")).isEqualTo(1);
        assertThat(p.projected("B")).isEqualTo(1);
        // Uniform: seat one A 51% against B 50%: A gain as well; seat two A 21%: no.
        assertThat(Projection.project(e, SwingModel.UNIFORM, ShareChanges.parse("a:+6")).projected("A")).isEqualTo(1);
        assertThat(Projection.project(e, SwingModel.UNIFORM, ShareChanges.parse("a:+5")).tied())
                .containsExactly("1 One");
    }

    @Test
    void proportionalSwing_onTheRealElection_runsAndMovesSeatsTheRightWay() {
        ProjectionResult p = Projection.project(RealData.generalElection(2019), SwingModel.PROPORTIONAL,
                CON_DOWN_LAB_UP);
        // Independent script: Con 308, Lab 251 (Con 43.62% x 0.9083, Lab 32.08% x 1.1247).
        assertThat(p.projected("Con")).isEqualTo(308);
        assertThat(p.projected("Lab")).isEqualTo(251);
    }

    @Test
    void badChanges_areRejectedWithTheReason() {
        assertThatThrownBy(() -> ShareChanges.parse("con-4")).hasMessageContaining("party:points");
        assertThatThrownBy(() -> ShareChanges.parse("con:four")).hasMessageContaining("points such as");
        // Loaded outside the lambdas: where the data is missing, the test is skipped (not a wrong exception).
        var ge2019 = RealData.generalElection(2019);
        assertThatThrownBy(() -> Projection.project(ge2019, SwingModel.UNIFORM,
                ShareChanges.parse("whig:+3"))).hasMessageContaining("no party 'whig'");
        assertThatThrownBy(() -> Projection.project(ge2019, SwingModel.PROPORTIONAL,
                ShareChanges.parse("green:-5"))).hasMessageContaining("below zero");
    }
}
