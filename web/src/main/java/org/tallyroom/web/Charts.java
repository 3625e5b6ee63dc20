package org.tallyroom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts, as inline SVG drawn on the server: a parliament arc of seats by party, bars of votes,
 * and the candidates' totals stage by stage of a preferential count. Each chart is an image with a
 * title and a description (role="img", aria-labelledby) and sits beside a table of the same figures,
 * so nothing is only in a picture; colours are never the only cue (legends name the parties).
 */
public final class Charts {
    private Charts() {
    }

    /** The party's colour from the maintained table ({@link PartyColours}); a neutral grey if it is not there. */
    public static String colour(String party) {
        return PartyColours.standard().colour(party);
    }

    /** A small square in the party's colour, beside its name (decorative: the name says it). */
    public static String key(String party) {
        return "<svg class=\"key\" viewBox=\"0 0 10 10\" width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect width=\"10\" height=\"10\" fill=\"" + colour(party) + "\"/></svg>";
    }

    /** A party seats entry for the arc. */
    public record Seats(String party, int seats) {
    }

    /**
     * A parliament arc: {@code total} seats in rows of a half circle, filled left to right party by
     * party in the order given, with unfilled seats (not yet declared) pale.
     */
    public static String arc(String id, String title, List<Seats> parties, int total) {
        int rows = Math.max(1, (int) Math.ceil(Math.sqrt(total / 4.0)));
        double inner = 0.4;
        double[] radii = new double[rows];
        int[] perRow = new int[rows];
        double sumR = 0;
        for (int r = 0; r < rows; r++) {
            radii[r] = inner + (1 - inner) * (rows == 1 ? 1 : (double) r / (rows - 1));
            sumR += radii[r];
        }
        int placed = 0;
        for (int r = 0; r < rows; r++) {
            perRow[r] = r == rows - 1 ? total - placed : (int) Math.round(total * radii[r] / sumR);
            placed += perRow[r];
        }
        List<Spot> spots = new ArrayList<>();
        double seatR = Math.min(0.45 * (1 - inner) / Math.max(1, rows - 1 + 1), 0.12);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < perRow[r]; i++) {
                double a = perRow[r] == 1 ? Math.PI / 2 : Math.PI * (1 - (double) i / (perRow[r] - 1));
                spots.add(new Spot(a, 1 + radii[r] * Math.cos(a) * 0.95, 1.02 - radii[r] * Math.sin(a) * 0.95));
            }
        }
        spots.sort((p, q) -> Double.compare(q.angle, p.angle));
        StringBuilder desc = new StringBuilder();
        int filled = 0;
        for (Seats s : parties) {
            desc.append(desc.isEmpty() ? "" : ", ").append(s.party()).append(' ').append(s.seats());
            filled += s.seats();
        }
        if (filled < total) {
            desc.append(desc.isEmpty() ? "" : ", ").append(total - filled).append(" not yet declared");
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"arc\" viewBox=\"-0.12 -0.12 2.24 1.26\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\"><title id=\"").append(id).append("-t\">").append(Html.esc(title))
                .append("</title><desc id=\"").append(id).append("-d\">Seats: ").append(Html.esc(desc)).append(".</desc>");
        int k = 0;
        for (Seats s : parties) {
            svg.append("<g fill=\"").append(colour(s.party())).append("\" data-party=\"").append(Html.esc(s.party())).append("\">");
            for (int i = 0; i < s.seats() && k < spots.size(); i++, k++) {
                circle(svg, spots.get(k), seatR);
            }
            svg.append("</g>");
        }
        if (k < spots.size()) {
            svg.append("<g fill=\"#e3e3e3\" stroke=\"#767676\" stroke-width=\"0.004\">");
            for (; k < spots.size(); k++) {
                circle(svg, spots.get(k), seatR);
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private record Spot(double angle, double x, double y) {
    }

    private static void circle(StringBuilder svg, Spot s, double r) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.4f\" cy=\"%.4f\" r=\"%.4f\"/>", s.x(), s.y(), r));
    }

    /** One bar. */
    public record Bar(String label, String party, double value, String shown) {
    }

    /** Horizontal bars, longest = full width. */
    public static String bars(String id, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        if (max <= 0) {
            max = 1;
        }
        int rowH = 28;
        int h = rowH * bars.size() + 4;
        StringBuilder desc = new StringBuilder();
        for (Bar b : bars) {
            desc.append(desc.isEmpty() ? "" : "; ").append(b.label()).append(": ").append(b.shown());
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"bars\" viewBox=\"0 0 600 ").append(h).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-t ").append(id).append("-d\"><title id=\"").append(id).append("-t\">")
                .append(Html.esc(title)).append("</title><desc id=\"").append(id).append("-d\">").append(Html.esc(desc))
                .append("</desc>");
        int y = 2;
        for (Bar b : bars) {
            double w = 260 * b.value() / max;
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" class=\"lbl\">").append(Html.esc(clip(b.label(), 26)))
                    .append("</text>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"190\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    y + 3, Math.max(w, 1), rowH - 8, colour(b.party())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"val\">", 196 + w, y + 18))
                    .append(Html.esc(b.shown())).append("</text>");
            y += rowH;
        }
        return svg.append("</svg>").toString();
    }

    /** A candidate's totals at each stage, for the transfers chart. */
    public record Line(String name, String party, double[] values) {
    }

    /** Each candidate's total stage by stage, as lines: the transfers as they happened. */
    public static String stages(String id, String title, List<String> stageLabels, List<Line> lines, double quota) {
        int w = 600;
        int h = 300;
        int left = 60;
        int right = 150;
        int top = 10;
        int bottom = 30;
        double max = quota;
        for (Line l : lines) {
            for (double v : l.values()) {
                max = Math.max(max, v);
            }
        }
        if (max <= 0) {
            max = 1;
        }
        int n = stageLabels.size();
        double dx = n <= 1 ? 0 : (double) (w - left - right) / (n - 1);
        StringBuilder desc = new StringBuilder("Votes of each candidate at each stage: ");
        for (Line l : lines) {
            desc.append(l.name()).append(" ");
            for (int i = 0; i < l.values().length; i++) {
                desc.append(i == 0 ? "" : ", ").append(fmt(l.values()[i]));
            }
            desc.append("; ");
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"stages\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\"><title id=\"")
                .append(id).append("-t\">").append(Html.esc(title)).append("</title><desc id=\"").append(id).append("-d\">")
                .append(Html.esc(desc)).append("</desc>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                left, h - bottom, w - right, h - bottom));
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>",
                    left + i * dx, h - 10, Html.esc(stageLabels.get(i))));
        }
        if (quota > 0) {
            double qy = top + (h - top - bottom) * (1 - quota / max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"0\" y=\"%.1f\" class=\"axis\">quota</text>",
                    left, qy, w - right, qy, qy + 4));
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            double lastY = 0;
            for (int i = 0; i < l.values().length; i++) {
                double y = top + (h - top - bottom) * (1 - l.values()[i] / max);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * dx, y));
                lastY = y;
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"3\" stroke=\"").append(colour(l.party())).append("\" points=\"")
                    .append(pts.toString().strip()).append("\"/>");
            if (l.values().length > 0 && l.values()[l.values().length - 1] > 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\">", w - right + 6, lastY + 4))
                        .append(Html.esc(clip(l.name(), 20))).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
