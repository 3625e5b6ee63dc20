package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTextAndAttributeCharacters() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.esc("Siân Berry")).isEqualTo("Siân Berry");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void chartsCarryATitleADescriptionAndEscapedLabels() {
        String arc = Charts.arc("a", "Seats <b>", List.of(new Charts.Seats("Lab", 3), new Charts.Seats("<i>", 1)), 6);
        assertThat(arc).contains("role=\"img\"").contains("<title id=\"a-t\">Seats &lt;b&gt;</title>")
                .contains("Seats: Lab 3, &lt;i&gt; 1, 2 not yet declared.").doesNotContain("<i>");
        assertThat(arc.split("<circle", -1)).hasSize(7);
        String bars = Charts.bars("b", "Votes", List.of(new Charts.Bar("<script>", "Con", 10, "10")));
        assertThat(bars).contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
