package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartyTest {
    @Test
    void mainPartiesNamedWithoutAnId_landOnTheirRegisteredRow() {
        assertThat(new Party(null, "Labour", "Lab").key()).isEqualTo("PP53");
        assertThat(Party.named("Conservative and Unionist Party").key()).isEqualTo("PP52");
        assertThat(new Party(null, "Liberal Democrat", "LD").ecId()).isEqualTo("PP90");
        assertThat(new Party(null, "Some Name", "SNP").ecId()).isEqualTo("PP102");
    }

    @Test
    void descriptionsOfTheirOwn_andJointDescriptions_stayAsNamed() {
        assertThat(Party.named("Scottish Labour Party").key()).isEqualTo("name:scottish labour party");
        assertThat(Party.named("Labour and Co-operative Party").ecId()).isNull();
        assertThat(Party.named("Scottish Greens").ecId()).isNull();
    }

    @Test
    void aGivenIdIsKept() {
        assertThat(new Party("pp77", "Plaid Cymru", "PC").ecId()).isEqualTo("PP77");
        assertThat(new Party("PP999", "Labour", "Lab").ecId()).isEqualTo("PP999");
    }
}
