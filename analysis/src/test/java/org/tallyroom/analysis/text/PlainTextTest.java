package org.tallyroom.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.RealData;
import org.tallyroom.analysis.composition.Membership;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.irregularity.Irregularity;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.projection.Projection;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.projection.SwingModel;
import org.tallyroom.analysis.ward.Wards;

class PlainTextTest {
    private static ContestResult seat(Election e, String name) {
        return e.contests().stream().filter(c -> c.divisionName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void contest_showsCandidatesMajorityTurnoutAndTheShareConvention() {
        String text = PlainText.render(ContestAnalysis.summarise(seat(RealData.generalElection(2017), "Chipping Barnet")));
        assertThat(text).contains("Chipping Barnet (E14000636): 1 seat")
                .containsPattern("Theresa Villiers\\s+Con\\s+25,679\\s+46\\.33\\s+elected")
                .contains("Majority: 353 (0.64% of valid papers), Theresa Villiers over Emma Whysall")
                .contains("Turnout: 72.04% (valid and rejected papers over electorate)")
                .contains("Party shares (party vote = all its candidates' votes; share of all votes cast)");
    }

    @Test
    void changeAndSwing_sayWhichWay() {
        ContestResult now = seat(RealData.generalElection(2019), "Chipping Barnet");
        ContestResult then = seat(RealData.generalElection(2017), "Chipping Barnet");
        var change = ContestAnalysis.compare(now, then);
        assertThat(PlainText.render(change)).contains("Chipping Barnet (E14000636): Con hold")
                .containsPattern("Lab\\s+45\\.70\\s+42\\.61\\s+-3\\.08");
        assertThat(PlainText.render(change.swing("Con", "Lab")))
                .isEqualTo("Swing of 0.73 points from Lab to Con (Butler swing Con-Lab: +0.73; positive is towards Con)\n");
    }

    @Test
    void councilNationalMarginalsProjection_renderTheirHeadlines() {
        var barnet = Council.compare(RealData.borough(2022, "Barnet"), RealData.borough(2018, "Barnet"));
        assertThat(PlainText.render(barnet))
                .contains("Compared whole-council change in seats: boundaries changed and no notional results were given")
                .containsPattern("LAB\\s+25\\s+41\\s+\\+16")
                .contains("Control changed: LAB gain from CON");
        Election ge = RealData.generalElection(2019);
        assertThat(PlainText.render(National.compare(ge, RealData.generalElection(2017))))
                .containsPattern("Con\\s+365\\s+\\+48")
                .containsPattern("Lab\\s+Con\\s+54");
        assertThat(PlainText.render("Lab targets", Marginals.targets(ge, "Lab"))).contains("Chipping Barnet");
        assertThat(PlainText.render(Projection.project(ge, SwingModel.UNIFORM, ShareChanges.parse("con:-4,lab:+4"))))
                .contains("Changes: Con -4.00, Lab +4.00").containsPattern("Lab\\s+202\\s+245\\s+\\+43");
    }

    @Test
    void wardsTimelineIrregularity_render() {
        var rows = RealData.wardRows(RealData.london2016().mayorFirstPreferences(), java.util.Map.of());
        assertThat(PlainText.render(Wards.breakdown("Mayor 2016", rows))).contains("BARNEHURST").contains("Wards led");
        var m = Membership.elected(RealData.borough(2022, "Barnet"), LocalDate.of(2022, 5, 5));
        assertThat(PlainText.render(Timeline.of(m, List.of()))).contains("LAB 41, CON 22");
        assertThat(PlainText.render(Irregularity.check(RealData.assemblyConstituency("Barnet and Camden"), 16_240)))
                .contains("could have tied it").contains("COULD have changed");
    }
}
