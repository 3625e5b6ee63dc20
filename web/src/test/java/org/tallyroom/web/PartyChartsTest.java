package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartyChartsTest {
    @Test
    void smallPartiesFoldIntoOthersWithTheirTotalAndChange() {
        List<PartyCharts.Item> items = new ArrayList<>();
        items.add(new PartyCharts.Item("Lab", 40.0, "40.0%", "1,000 votes", new BigDecimal("2.5"), true));
        items.add(new PartyCharts.Item("Con", 45.0, "45.0%", null, new BigDecimal("-1.0"), true));
        items.add(new PartyCharts.Item("Loony", 0.4, "0.4%", null, new BigDecimal("0.1"), false));
        items.add(new PartyCharts.Item("Yorks", 0.3, "0.3%", null, new BigDecimal("-0.3"), false));
        PartyCharts.Chart c = PartyCharts.chart("share", "Share", "Share", "Change", items, "%");
        assertThat(c.bars()).extracting(PartyCharts.Bar::party).containsExactly("Con", "Lab");
        assertThat(c.bars()).extracting(PartyCharts.Bar::change).containsExactly("−1", "+2.5");
        assertThat(c.bars()).extracting(PartyCharts.Bar::changeClass).containsExactly("down", "up");
        assertThat(c.bars()).extracting(PartyCharts.Bar::width).containsExactly("100.0", "88.9");
        assertThat(c.bars().get(0).colour()).isEqualTo(PartyColours.standard().colour("PP52"));
        assertThat(c.others()).extracting(PartyCharts.Bar::party).containsExactly("Loony", "Yorks");
        assertThat(c.others().get(0).colour()).isEqualTo(PartyColours.UNKNOWN);
        assertThat(c.othersValue()).isEqualTo("0.7%");
        assertThat(c.othersChange()).isEqualTo("−0.2");
        String html = Templates.render("chart/partybars.jte", c);
        assertThat(html).contains("<details class=\"others\"><summary>The 2 other parties</summary>")
                .contains("1,000 votes").contains("fill=\"#0087DC\"");
    }

    @Test
    void oneSmallPartyIsNotFoldedAloneAndNamesAreEscaped() {
        PartyCharts.Chart c = PartyCharts.chart("seats", "Seats", "Seats", "Change", List.of(
                new PartyCharts.Item("<b>Con</b>", 10, "10", null, null, true),
                new PartyCharts.Item("Lab", 0, "0", null, null, false)), "");
        assertThat(c.bars()).hasSize(2);
        assertThat(c.others()).isEmpty();
        assertThat(c.bars().get(0).change()).isEqualTo("–");
        String html = Templates.render("chart/partybars.jte", c);
        assertThat(html).contains("&lt;b").doesNotContain("<b>Con").doesNotContain("<details");
    }
}
