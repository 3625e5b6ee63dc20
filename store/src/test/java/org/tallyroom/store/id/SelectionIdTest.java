package org.tallyroom.store.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Party selection ids: Democracy Club's shape with the type {@code selection}, the party as organisation. */
class SelectionIdTest {
    @Test
    void aSelectionBallot_isFiledUnderThePartysSelectionsThatDay() {
        ElectionId id = ElectionId.parse("selection.lab.chipping-barnet.2026-03-01");
        assertThat(id.type()).isEqualTo(ElectionType.SELECTION);
        assertThat(id.organisation()).isEqualTo("lab");
        assertThat(id.division()).isEqualTo("chipping-barnet");
        assertThat(id.isBallot()).isTrue();
        assertThat(id.parent()).hasValue(ElectionId.parse("selection.lab.2026-03-01"));
        assertThat(ElectionId.parse("selection.lab.2026-03-01").level()).isEqualTo(ElectionId.Level.ORGANISATION);
        assertThat(ElectionId.parse("selection.2026-03-01").level()).isEqualTo(ElectionId.Level.GROUP);
        assertThat(id.toString()).isEqualTo("selection.lab.chipping-barnet.2026-03-01");
        assertThat(OrganisationId.parse("selection.lab")).isEqualTo(new OrganisationId(ElectionType.SELECTION, "lab"));
    }

    @Test
    void countedByAvForOnePlace_andErs97StvForSeveral() {
        ElectionId id = ElectionId.parse("selection.green.camden.2026-02-01");
        assertThat(VotingSystems.defaultMethod(id, null, 1)).hasValue("av");
        assertThat(VotingSystems.defaultMethod(id, null, 2)).hasValue("stv-ers97");
    }

    @Test
    void aMalformedSelectionId_saysWhatIsExpected() {
        assertThatThrownBy(() -> ElectionId.parse("selection.lab.chipping-barnet.extra.2026-03-01"))
                .hasMessageContaining("expected selection.<party>[.division][.by].date");
        assertThatThrownBy(() -> ElectionId.parse("selection.Lab.chipping-barnet.2026-03-01"))
                .hasMessageContaining("expected a slug");
    }
}
