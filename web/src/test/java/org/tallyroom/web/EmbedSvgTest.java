package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SVG image's line breaking and layout: text that SVG cannot wrap is wrapped before it overflows. */
class EmbedSvgTest {
    @Test
    void wrapKeepsEveryWordAndNoLineOverTheLimitUnlessOneWordIs() {
        String text = "New ward boundaries since 2018: changes in seats are shown once every ward has declared; "
                + "control compares the whole council, so it stands";
        List<String> lines = EmbedSvg.wrap(text, 30);
        assertThat(String.join(" ", lines)).isEqualTo(text);
        assertThat(lines).allMatch(l -> l.length() <= 30).hasSizeGreaterThan(3);
        assertThat(EmbedSvg.wrap("Supercalifragilisticexpialidocious ok", 10))
                .containsExactly("Supercalifragilisticexpialidocious", "ok");
    }

    @Test
    void aLongNameIsShortenedWithAnEllipsis_aShortOneKept() {
        assertThat(EmbedSvg.shorten("Theresa Villiers (Conservative and Unionist Party)", 30))
                .hasSize(30).endsWith("…").startsWith("Theresa Villiers (Conservativ");
        assertThat(EmbedSvg.shorten("Theresa Villiers", 30)).isEqualTo("Theresa Villiers");
    }

    @Test
    void rowsAndLinesGoDownThePageInOrder_andTheImageHoldsThemAll() {
        List<Embeds.Row> rows = List.of(new Embeds.Row("Labour", null, "#E4003B", "41", "+16", "100.0", false),
                new Embeds.Row("Conservative", null, "#0087DC", "22", "\u221216", "53.7", false));
        EmbedSvg s = EmbedSvg.layout("Labour GAIN Barnet from Conservative", List.of("Seats: Labour 41 (+16), Conservative 22 (\u221216)"),
                rows, "Polling day 5 May 2022", "24 of 24 wards declared, 63 of 63 seats", "Seats won");
        assertThat(s.headline().get(0).y()).isLessThan(s.details().get(0).y());
        assertThat(s.details().get(s.details().size() - 1).y()).isLessThan(s.rows().get(0).textY());
        assertThat(s.rows().get(0).barY()).isLessThan(s.rows().get(1).textY());
        assertThat(s.rows().get(1).barY()).isLessThan(s.meta().y());
        assertThat(s.status().y()).isGreaterThan(s.meta().y()).isLessThan(s.height());
        assertThat(s.rows().get(0).barWidth()).isEqualTo(Integer.toString(EmbedSvg.INNER) + ".0");
        assertThat(s.rows().get(1).barWidth()).isEqualTo("283.5");
        assertThat(s.desc()).isEqualTo("Labour GAIN Barnet from Conservative. Seats: Labour 41 (+16), Conservative 22 (\u221216). "
                + "Seats won: Labour: 41, +16; Conservative: 22, \u221216. Polling day 5 May 2022. 24 of 24 wards declared, 63 of 63 seats.");
    }
}
