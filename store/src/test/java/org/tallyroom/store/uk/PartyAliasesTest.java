package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.MainParties;
import org.tallyroom.store.Party;
import org.tallyroom.testing.SharedData;

/** The alias table (party-aliases.csv) and the declared candidate parties (candidate-parties.csv). */
class PartyAliasesTest {
    @Test
    void london2016Descriptions_resolveToTheRegisteredParties() {
        assertThat(Party.named("Green Party - \"vote Green on orange\"").ecId()).isEqualTo("PP63");
        assertThat(Party.named("Caroline Pidgeon's London Liberal Democrats").ecId()).isEqualTo("PP90");
        assertThat(Party.named("Brexit Party").ecId()).isEqualTo("PP7931");
        assertThat(Party.named("Scottish Green Party").ecId()).isEqualTo("PP130");
        assertThat(new Party(null, "Labour", "Lab").key()).isEqualTo("PP53");
        assertThat(Party.named("Respect - The Unity Coalition").ecId()).isNull();
        assertThat(MainParties.table()).containsEntry("women's equality party", "PP2755");
    }

    @Test
    void unresolvedNames_areReportedWithTheirCandidates() {
        assertThat(UnresolvedParties.describe(List.of())).isNull();
    }

    @Test
    void mayor2016_everyCandidateHasTheDeclaredParty_noneShownAsIndependentButZylinski() throws Exception {
        List<London2016Importer.Ballot> ballots = London2016Importer.read(SharedData.path("uk/london-2016"));
        Declaration mayor = ballots.stream().map(London2016Importer.Ballot::declaration)
                .filter(d -> d.ballot().id().toString().equals("mayor.london.2016-05-05")).findFirst().orElseThrow();
        assertThat(mayor.candidates()).hasSize(12);
        for (Declaration.Entry e : mayor.candidates()) {
            if (e.ballotPaperName().equals("Prince ZYLINSKI")) {
                assertThat(e.party()).isNull();
            } else {
                assertThat(e.party()).as(e.ballotPaperName()).isNotNull();
            }
        }
        assertThat(mayor.candidates()).filteredOn(e -> e.ballotPaperName().equals("George GALLOWAY"))
                .singleElement().satisfies(e -> assertThat(e.party().name()).isEqualTo("Respect (George Galloway)"));
        assertThat(mayor.candidates()).filteredOn(e -> e.ballotPaperName().equals("Sian Rebecca BERRY"))
                .singleElement().satisfies(e -> assertThat(e.party().ecId()).isEqualTo("PP63"));
        assertThat(UnresolvedParties.describe(ballots.stream().map(London2016Importer.Ballot::declaration).toList()))
                .contains("left unresolved").contains("Respect (George Galloway) (").doesNotContain("vote Green on orange");
    }
}
