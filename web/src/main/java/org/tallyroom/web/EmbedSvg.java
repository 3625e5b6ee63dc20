package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each line of a widget's SVG image goes (template {@code embed/widget-svg.jte}). SVG text does
 * not wrap, so the headline and its figures are broken into lines here, by an estimate of the
 * characters a line holds (a sans-serif glyph is on average a little under 0.6 of the font size wide),
 * and a candidate's name that would run into the figures is shortened with an ellipsis; the full text
 * is in the image's description.
 *
 * @param title the headline
 * @param desc the whole widget as text, for the image's {@code <desc>}
 */
public record EmbedSvg(String title, int width, int height, List<Text> headline, List<Text> details, List<Bar> rows, Text meta,
                       Text status, String desc) {
    static final int WIDTH = 560;
    static final int PAD = 16;
    static final int INNER = WIDTH - 2 * PAD;
    private static final double GLYPH = 0.6;

    /** A line of text with its baseline. */
    public record Text(String text, int y) {
    }

    /**
     * A row: its label and figures on one line, the bar under them.
     *
     * @param barWidth the bar's length in pixels
     */
    public record Bar(String label, String value, String colour, boolean elected, int textY, int barY, String barWidth) {
    }

    static EmbedSvg layout(String headline, List<String> details, List<Embeds.Row> rows, String meta, String status,
                           String caption) {
        int y = PAD;
        List<Text> head = new ArrayList<>();
        for (String line : wrap(headline, fits(20))) {
            y += 26;
            head.add(new Text(line, y));
        }
        List<Text> figures = new ArrayList<>();
        for (String d : details) {
            for (String line : wrap(d, fits(14))) {
                y += 20;
                figures.add(new Text(line, y));
            }
        }
        y += 12;
        List<Bar> bars = new ArrayList<>();
        for (Embeds.Row r : rows) {
            String value = r.value() + (r.detail().isEmpty() ? "" : "  " + r.detail());
            int room = fits(14) - value.length() - 3;
            String label = r.name() + (r.sub() == null ? "" : " (" + r.sub() + ")");
            bars.add(new Bar(shorten(label, room), value, r.colour(), r.elected(), y + 16, y + 22,
                    new BigDecimal(r.width()).multiply(BigDecimal.valueOf(INNER)).divide(BigDecimal.valueOf(100), 1,
                            RoundingMode.HALF_EVEN).toPlainString()));
            y += 36;
        }
        Text metaLine = new Text(meta, y += 20);
        Text statusLine = new Text(status, y += 18);
        List<String> all = new ArrayList<>();
        all.add(headline);
        all.addAll(details);
        all.add(caption + ": " + String.join("; ", rows.stream().map(Embeds.Row::text).toList()));
        all.add(meta);
        all.add(status);
        return new EmbedSvg(headline, WIDTH, y + PAD, head, figures, bars, metaLine, statusLine,
                String.join(". ", all.stream().map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s).toList()) + ".");
    }

    /** How many characters of this font size fit the inner width. */
    private static int fits(int fontSize) {
        return (int) (INNER / (fontSize * GLYPH));
    }

    /** Words into lines of at most {@code max} characters (a longer word on a line of its own). */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String shorten(String text, int max) {
        return text.length() <= Math.max(max, 8) ? text : text.substring(0, Math.max(max, 8) - 1).stripTrailing() + "…";
    }
}
