package org.tallyroom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts, as inline SVG drawn on the server: a parliament arc of seats by party, bars of votes,
 * and the candidates' totals stage by stage of a preferential count. Each chart is an image with a
 * title and a description (role="img", aria-labelledby) and sits beside a table of the same figures,
 * so nothing is only in a picture; colours are never the only cue (legends name the parties). The
 * geometry is worked out here; the markup is in the templates chart/arc.jte, chart/bars.jte and
 * chart/stages.jte, which escape every label.
 */
public final class Charts {
    private Charts() {
    }

    /** The party's colour from the maintained table ({@link PartyColours}); a neutral grey if it is not there. */
    public static String colour(String party) {
        return PartyColours.standard().colour(party);
    }

    /** A party seats entry for the arc. */
    public record Seats(String party, int seats) {
    }

    /**
     * A parliament arc: {@code total} seats in rows of a half circle, filled left to right party by
     * party in the order given, with unfilled seats (not yet declared) pale.
     */
    public static String arc(String id, String title, List<Seats> parties, int total) {
        return Templates.render("chart/arc.jte", arcView(id, title, parties, total));
    }

    /** The arc's geometry, for {@code @template.chart.arc}. */
    public static Arc arcView(String id, String title, List<Seats> parties, int total) {
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
        List<Group> groups = new ArrayList<>();
        int k = 0;
        for (Seats s : parties) {
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < s.seats() && k < spots.size(); i++, k++) {
                dots.add(dot(spots.get(k), seatR));
            }
            groups.add(new Group(colour(s.party()), s.party(), dots));
        }
        List<Dot> empty = new ArrayList<>();
        for (; k < spots.size(); k++) {
            empty.add(dot(spots.get(k), seatR));
        }
        return new Arc(id, title, "Seats: " + desc + ".", groups, empty);
    }

    /** The arc as its template draws it: each party's seats in its colour, then the seats not yet declared. */
    public record Arc(String id, String title, String desc, List<Group> groups, List<Dot> undeclared) {
    }

    /** One party's seats on the arc. */
    public record Group(String fill, String party, List<Dot> dots) {
    }

    /** One seat: a circle's centre and radius, as SVG numbers. */
    public record Dot(String cx, String cy, String r) {
    }

    private record Spot(double angle, double x, double y) {
    }

    /**
     * A seat's dot. Centres to three decimals: the arc is 2.24 units wide and drawn at most 560 px, so
     * 0.001 is a quarter of a pixel (four decimals made the national page's 650 dots 0.8 KB larger gzipped).
     */
    private static Dot dot(Spot s, double r) {
        return new Dot(f3(s.x()), f3(s.y()), f4(r));
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** One bar. */
    public record Bar(String label, String party, double value, String shown) {
    }

    /** Horizontal bars, longest = full width. */
    public static String bars(String id, String title, List<Bar> bars) {
        return Templates.render("chart/bars.jte", barsView(id, title, bars));
    }

    /** The bars' geometry, for {@code @template.chart.bars}. */
    public static Bars barsView(String id, String title, List<Bar> bars) {
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
        List<BarRow> rows = new ArrayList<>();
        int y = 2;
        for (Bar b : bars) {
            double w = 260 * b.value() / max;
            rows.add(new BarRow(clip(b.label(), 26), y + 18, y + 3, f1(Math.max(w, 1)), rowH - 8, colour(b.party()),
                    f1(196 + w), b.shown()));
            y += rowH;
        }
        return new Bars(id, title, desc.toString(), h, rows);
    }

    /** The bars as their template draws them. */
    public record Bars(String id, String title, String desc, int height, List<BarRow> rows) {
    }

    /** One bar: its label at {@code textY}, the bar at {@code y}, the figure after its end at {@code valueX}. */
    public record BarRow(String label, int textY, int y, String width, int height, String fill, String valueX,
                         String shown) {
    }

    /** A candidate's totals at each stage, for the transfers chart. */
    public record Line(String name, String party, double[] values) {
    }

    /** Each candidate's total stage by stage, as lines: the transfers as they happened. */
    public static String stages(String id, String title, List<String> stageLabels, List<Line> lines, double quota) {
        return Templates.render("chart/stages.jte", stagesView(id, title, stageLabels, lines, quota));
    }

    /** The transfers chart's geometry, for {@code @template.chart.stages}. */
    public static Stages stagesView(String id, String title, List<String> stageLabels, List<Line> lines, double quota) {
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
        List<Label> axis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            axis.add(new Label(f1(left + i * dx), f1(h - 10), stageLabels.get(i)));
        }
        String quotaY = null;
        if (quota > 0) {
            quotaY = f1(top + (h - top - bottom) * (1 - quota / max));
        }
        List<Polyline> polylines = new ArrayList<>();
        List<Label> names = new ArrayList<>();
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            double lastY = 0;
            for (int i = 0; i < l.values().length; i++) {
                double y = top + (h - top - bottom) * (1 - l.values()[i] / max);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + i * dx, y));
                lastY = y;
            }
            polylines.add(new Polyline(colour(l.party()), pts.toString().strip()));
            if (l.values().length > 0 && l.values()[l.values().length - 1] > 0) {
                names.add(new Label(Integer.toString(w - right + 6), f1(lastY + 4), clip(l.name(), 20)));
            }
        }
        return new Stages(id, title, desc.toString(), w, h, left, w - right, h - bottom,
                axis, quotaY, quotaY == null ? null : f1(Double.parseDouble(quotaY) + 4), polylines, names);
    }

    /**
     * The transfers chart as its template draws it: the axis from {@code left} to {@code right} at
     * {@code base}, the stage numbers under it, the quota's dashed line (null: no quota), a line per
     * candidate and the names of those still standing at the end.
     */
    public record Stages(String id, String title, String desc, int width, int height, int left, int right, int base,
                         List<Label> axis, String quotaY, String quotaLabelY, List<Polyline> lines, List<Label> names) {
    }

    /** A text at a point. */
    public record Label(String x, String y, String text) {
    }

    /** A candidate's line. */
    public record Polyline(String stroke, String points) {
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
