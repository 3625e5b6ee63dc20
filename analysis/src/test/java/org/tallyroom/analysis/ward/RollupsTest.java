package org.tallyroom.analysis.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.text.RollupText;

/** Ward rows added up to boroughs and constituencies: the arithmetic, postal lines, leaders, the check. */
class RollupsTest {
    private static final Area NORTH = new Area("E09000003", "Barnet");
    private static final Area SOUTH = new Area("E09000007", "Camden");
    private static final Area BC = new Area("barnet-and-camden", "Barnet and Camden");

    private static PlacedWard row(String name, Area borough, boolean postal, long a, long b) {
        ContestResult w = new ContestResult(name, name, 1, List.of(new CandidateVotes("Ann ABLE", "Lab", a),
                new CandidateVotes("Bob BAKER", "Con", b)));
        return new PlacedWard(w, postal, borough, borough == null ? null : BC, borough == null ? "not in the table" : null);
    }

    private static List<PlacedWard> rows() {
        return List.of(row("North Ward", NORTH, false, 100, 300), row("Barnet Postal", NORTH, true, 50, 70),
                row("East Ward", NORTH, false, 20, 10), row("Camden Ward", SOUTH, false, 400, 100),
                row("Camden Postal", SOUTH, true, 30, 30));
    }

    private static List<DeclaredTotal> declared(long a, long b) {
        return List.of(new DeclaredTotal("Ann ABLE", "Lab", a), new DeclaredTotal("Bob BAKER", "Con", b));
    }

    @Test
    void byBorough_addsWardsAndPostalVotes_postalOnTheirOwnLine_leaderPerBorough() {
        Rollup r = Rollups.rollup("Mayor", AreaLevel.BOROUGH, rows(), declared(600, 510));
        assertThat(r.by()).isEqualTo("borough");
        assertThat(r.areas()).extracting(a -> a.line().wardName()).containsExactly("Barnet", "Camden");
        RollupArea barnet = r.area("Barnet");
        assertThat(barnet.wards()).isEqualTo(2);
        assertThat(barnet.line().total()).isEqualTo(550);
        assertThat(barnet.line().share("Bob BAKER").votes()).isEqualTo(380);
        assertThat(barnet.line().share("Bob BAKER").share()).isEqualTo(Fraction.of(380, 550));
        assertThat(barnet.line().share("Bob BAKER").share().percent().toPlainString()).isEqualTo("69.09");
        assertThat(barnet.line().leaders()).containsExactly("Bob BAKER");
        assertThat(barnet.postal().total()).isEqualTo(120);
        assertThat(barnet.postal().share("Ann ABLE").votes()).isEqualTo(50);
        assertThat(barnet.postal().leaders()).containsExactly("Bob BAKER");
        assertThat(r.area("E09000007").line().leaders()).containsExactly("Ann ABLE");
        assertThat(r.total().total()).isEqualTo(1110);
        assertThat(r.leads()).extracting(WardLead::name, WardLead::wardsLed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ann ABLE", 1), org.assertj.core.groups.Tuple.tuple("Bob BAKER", 1));
        assertThat(r.check().agrees()).isTrue();
        assertThat(r.check().lines()).extracting(RollupCheck.Line::status).containsOnly(RollupCheck.Status.EQUAL);
        String text = RollupText.render(r);
        assertThat(text).contains("of which postal votes").contains("the borough totals add up to the declared total")
                .containsPattern("Barnet +2 +550 +30.91 +69.09 +Bob BAKER");
    }

    @Test
    void byConstituency_isOneAreaOfEveryRow() {
        Rollup r = Rollups.rollup("Mayor", AreaLevel.CONSTITUENCY, rows(), declared(600, 510));
        assertThat(r.areas()).hasSize(1);
        assertThat(r.areas().get(0).line().total()).isEqualTo(1110);
        assertThat(r.areas().get(0).wards()).isEqualTo(3);
        assertThat(r.areas().get(0).postal().total()).isEqualTo(180);
        assertThat(r.areas().get(0).line().leaders()).containsExactly("Ann ABLE");
    }

    @Test
    void aMismatchIsReported_notHidden() {
        Rollup r = Rollups.rollup("Mayor", AreaLevel.BOROUGH, rows(), declared(600, 511));
        assertThat(r.check().agrees()).isFalse();
        assertThat(r.check().mismatches()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Bob BAKER");
            assertThat(l.summed()).isEqualTo(510);
            assertThat(l.declared()).isEqualTo(511);
        });
        assertThat(RollupText.render(r)).contains("DO NOT ADD UP").containsPattern("Bob BAKER +Con +510 +511 +-1 +MISMATCH");
    }

    @Test
    void anUnplacedRow_isListed_andTheCheckFails() {
        List<PlacedWard> rows = new ArrayList<>(rows());
        rows.add(row("Mystery Postal", null, true, 5, 5));
        Rollup r = Rollups.rollup("Mayor", AreaLevel.BOROUGH, rows, declared(605, 515));
        assertThat(r.total().total()).isEqualTo(1110);
        assertThat(r.check().agrees()).isFalse();
        assertThat(r.check().unplaced()).singleElement().asString().contains("Mystery Postal").contains("not in the table");
        assertThat(RollupText.render(r)).contains("Rows in no borough").contains("Mystery Postal");
    }

    @Test
    void aCandidateWithoutADeclaredTotal_isSaid_andLevelLeadersAreBothListed() {
        List<PlacedWard> rows = List.of(row("Tied Ward", NORTH, false, 10, 10));
        Rollup r = Rollups.rollup("Mayor", AreaLevel.BOROUGH, rows, List.of(new DeclaredTotal("Ann ABLE", "Lab", 10L),
                new DeclaredTotal("Bob BAKER", "Con", 10L), new DeclaredTotal("Cy COLE", "Ind", null)));
        assertThat(r.area("Barnet").line().leaders()).containsExactly("Ann ABLE", "Bob BAKER");
        assertThat(r.leads()).extracting(WardLead::wardsLevel).containsExactly(1, 1);
        assertThat(r.check().agrees()).isTrue();
        assertThat(r.check().lines()).last().satisfies(l -> assertThat(l.status()).isEqualTo(RollupCheck.Status.NOT_DECLARED));
        assertThat(RollupText.render(r)).contains("Ann ABLE and Bob BAKER (level)").contains("no declared total stored");
    }

    @Test
    void anAreaIdWithTwoNames_isRefused() {
        List<PlacedWard> rows = List.of(row("A", NORTH, false, 1, 2), row("B", new Area(NORTH.id(), "Other"), false, 1, 2));
        assertThatThrownBy(() -> Rollups.rollup("Mayor", AreaLevel.BOROUGH, rows, List.of()))
                .hasMessageContaining("named both Barnet and Other");
    }

    @Test
    void levels_parseAsTyped() {
        assertThat(AreaLevel.parse(" Borough")).isEqualTo(AreaLevel.BOROUGH);
        assertThatThrownBy(() -> AreaLevel.parse("ward")).hasMessage("expected borough or constituency, found 'ward'");
    }
}
