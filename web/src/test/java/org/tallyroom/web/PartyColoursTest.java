package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tallyroom.io.InputException;

class PartyColoursTest {
    @Test
    void theTableFindsAPartyByEcIdKeyOrNameAndUnknownPartiesAreGrey() {
        PartyColours t = PartyColours.standard();
        assertThat(t.colour("PP52")).isEqualTo("#0087DC").isEqualTo(t.colour("Con"))
                .isEqualTo(t.colour("Conservative and Unionist Party")).isEqualTo(t.colour("con"));
        assertThat(t.colour("PP53")).isEqualTo(t.colour("Lab")).isNotEqualTo(t.colour("Con"));
        assertThat(t.colour("Monster Raving Loony")).isEqualTo(PartyColours.UNKNOWN);
        assertThat(t.knows("Monster Raving Loony")).isFalse();
        assertThat(t.colour(null)).isEqualTo(t.colour("Ind"));
        assertThat(Charts.colour("LD")).isEqualTo(t.colour("PP90"));
    }

    @Test
    void theMainGreatBritainAndNorthernIrelandPartiesAreCoveredEachWithItsOwnColour() {
        PartyColours t = PartyColours.standard();
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (String p : new String[] {"Con", "Lab", "LD", "Green", "SNP", "PC", "Reform", "UKIP", "DUP", "SF", "SDLP", "Alliance",
                "UUP", "TUV"}) {
            assertThat(t.knows(p)).as(p).isTrue();
            assertThat(colours.add(t.colour(p))).as(p + " shares a colour").isTrue();
        }
        assertThat(t.entries()).filteredOn(e -> e.ecId() != null).allMatch(e -> e.ecId().matches("PP\\d+"));
    }

    @Test
    void aBadRowIsRefusedWithItsLineAndColumn() {
        String header = "ec_id,key,name,colour\n";
        assertThatThrownBy(() -> PartyColours.read("c.csv", new StringReader(header + "PP52,Con,Conservative,blue\n")))
                .isInstanceOf(InputException.class).hasMessage("c.csv:2:4: expected a colour #RRGGBB, found 'blue'");
        assertThatThrownBy(() -> PartyColours.read("c.csv", new StringReader(header + "52,Con,Conservative,#0087DC\n")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("c.csv:2:1: expected an Electoral Commission party id");
        assertThatThrownBy(() -> PartyColours.read("c.csv", new StringReader(header
                + "PP52,Con,Conservative,#0087DC\nPP52,Tory,Tories,#0087DC\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("c.csv:3:1:").hasMessageContaining("first on line 2");
        assertThatThrownBy(() -> PartyColours.read("c.csv", new StringReader("id,colour\n")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("c.csv:1:0: expected the header");
        assertThatThrownBy(() -> PartyColours.read("c.csv", new StringReader(header + "PP52,Con\n")))
                .isInstanceOf(InputException.class).hasMessage("c.csv:2:0: expected 4 fields, found 2 fields");
    }
}
