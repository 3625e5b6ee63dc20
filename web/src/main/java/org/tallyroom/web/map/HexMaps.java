package org.tallyroom.web.map;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.tallyroom.web.PartyColours;

/**
 * Places ballots on the packaged hexagon maps and colours them for a view. A ballot goes to the hexagon
 * whose key is its division's GSS code, else (as for five Scottish seats the 2024 map keys by their older
 * codes) to the hexagon of the same name; a ballot matching none is listed under the map.
 *
 * <ul>
 *   <li>General elections from 2010 to 2019: {@code uk-constituencies-2019-BBC.hexjson} (the 650 seats of
 *       the 2010-2019 boundaries); from 2024: {@code uk-constituencies-2024.hexjson}.</li>
 *   <li>London borough elections from 2022: the borough's wards on {@code london-wards-2022.hexjson}.</li>
 * </ul>
 * The maps are Open Innovations' (MIT); the page credits them.
 */
public final class HexMaps {
    /** The credit line the pages show under a map. */
    public static final String CREDIT = "Hexagon map: Open Innovations (MIT licence)";
    private static final LocalDate GE2010 = LocalDate.of(2010, 5, 6);
    private static final LocalDate GE2024 = LocalDate.of(2024, 7, 4);
    private static final LocalDate LONDON2022 = LocalDate.of(2022, 5, 5);
    private static final Map<String, HexJson> LOADED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final double ROOT3 = Math.sqrt(3);

    /** Which view of a map. */
    public enum View {
        WINNER("winner", "Winner"), CHANGE("change", "Gain or hold"), SWING("swing", "Swing");

        public final String id;
        public final String label;

        View(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The view a query parameter names; the winner for anything else. */
        public static View of(String id) {
            for (View v : values()) {
                if (v.id.equals(id)) {
                    return v;
                }
            }
            return WINNER;
        }
    }

    /**
     * A ballot as the map needs it.
     *
     * @param winner      the party key of the winner (the party with most seats won in a multi-member ward), or null
     * @param gained      true for a gain, false for a hold, null when there is no comparison
     * @param swingTo     the party the swing since the last contest went to, or null
     * @param swingPoints the size of that swing in percentage points
     * @param verdict     the result in words (for the hexagon's text), or null
     */
    public record Seat(String ballotId, String name, String gss, String status, String winner, Boolean gained,
                       String swingTo, BigDecimal swingPoints, String swingFrom, String verdict) {
    }

    private HexMaps() {
    }

    /** The constituency map for a general election on this polling day, if there is one. */
    public static Optional<HexJson> constituencies(LocalDate date) {
        if (date == null || date.isBefore(GE2010)) {
            return Optional.empty();
        }
        return Optional.of(load(date.isBefore(GE2024) ? "uk-constituencies-2019-BBC.hexjson.gz" : "uk-constituencies-2024.hexjson.gz"));
    }

    /** The ward map of a London borough (its name as the map spells it: "Barnet") for an election on this day. */
    public static Optional<HexJson> londonWards(String borough, LocalDate date) {
        if (borough == null || date == null || date.isBefore(LONDON2022)) {
            return Optional.empty();
        }
        HexJson all = load("london-wards-2022.hexjson.gz");
        String want = fold(borough.replaceFirst("(?i)^(london borough of|royal borough of|city of)\\s+", ""));
        List<HexJson.Hex> wards = all.hexes().stream().filter(h -> {
            String lad = h.properties().get("LAD22NM");
            return lad != null && fold(lad).equals(want);
        }).toList();
        return wards.isEmpty() ? Optional.empty() : Optional.of(new HexJson(all.layout(), wards));
    }

    private static HexJson load(String name) {
        return LOADED.computeIfAbsent(name, HexJson::packaged);
    }

    /**
     * The map of these seats in a view.
     *
     * @param base the page's address, to which {@code ?map=VIEW} is added for the view links
     */
    public static HexMap build(String id, String title, HexJson map, List<Seat> seats, View view, String base) {
        Map<String, HexJson.Hex> byKey = new HashMap<>();
        Map<String, HexJson.Hex> byName = new HashMap<>();
        for (HexJson.Hex h : map.hexes()) {
            byKey.put(h.key(), h);
            byName.putIfAbsent(fold(h.name()), h);
        }
        Map<String, Seat> placed = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Seat s : seats) {
            HexJson.Hex h = s.gss() == null ? null : byKey.get(s.gss());
            if (h == null || placed.containsKey(h.key())) {
                h = byName.get(fold(s.name()));
            }
            if (h == null || placed.containsKey(h.key())) {
                unmatched.add(s.name());
            } else {
                placed.put(h.key(), s);
            }
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        PartyColours colours = PartyColours.standard();
        Map<String, HexMap.Legend> legend = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<HexMap.Cell> cells = new ArrayList<>();
        int declared = 0;
        boolean pointy = map.layout().endsWith("-r");
        // Every hexagon has the same shape: its outline is its first corner, then the same five relative
        // steps (written once here), so the page repeats one string that gzip sends almost free.
        String steps = steps(pointy);
        for (HexJson.Hex h : map.hexes()) {
            double[] c = centre(map.layout(), h.q(), h.r());
            for (int k = 0; k < 6; k++) {
                double[] v = corner(c, k, pointy);
                box[0] = Math.min(box[0], v[0]);
                box[1] = Math.min(box[1], v[1]);
                box[2] = Math.max(box[2], v[0]);
                box[3] = Math.max(box[3], v[1]);
            }
            double[] first = corner(c, 0, pointy);
            String path = "M" + fmt(first[0]) + "," + fmt(first[1]) + steps;
            Seat s = placed.get(h.key());
            String fill = "#F2F2F2";
            String opacity = "1";
            String label;
            String legendKey;
            String legendLabel;
            if (s == null) {
                label = h.name() + ": no result stored";
                legendKey = "none";
                legendLabel = "No result stored";
            } else if (s.winner() == null) {
                label = h.name() + ": awaiting declaration";
                legendKey = "awaiting";
                legendLabel = "Awaiting declaration";
            } else {
                declared++;
                fill = colours.colour(s.winner());
                String result = s.verdict() != null ? s.verdict() : s.winner() + (Boolean.TRUE.equals(s.gained()) ? " gain"
                        : Boolean.FALSE.equals(s.gained()) ? " hold" : " win");
                label = h.name() + ": " + result;
                legendKey = s.winner();
                legendLabel = s.winner();
                if (view == View.CHANGE) {
                    if (s.gained() == null) {
                        opacity = "0.35";
                        legendKey = s.winner() + " no comparison";
                        legendLabel = s.winner() + " (no earlier result)";
                    } else {
                        opacity = s.gained() ? "1" : "0.35";
                        legendKey = s.winner() + (s.gained() ? " gain" : " hold");
                        legendLabel = legendKey;
                    }
                } else if (view == View.SWING) {
                    if (s.swingTo() == null || s.swingPoints() == null) {
                        fill = "#F2F2F2";
                        label += "; no swing (no earlier contest)";
                        legendKey = "no swing";
                        legendLabel = "No earlier contest";
                    } else {
                        fill = colours.colour(s.swingTo());
                        double pts = s.swingPoints().doubleValue();
                        String band = pts < 2 ? "under 2" : pts < 5 ? "2 to 5" : pts < 10 ? "5 to 10" : "10 or more";
                        opacity = pts < 2 ? "0.3" : pts < 5 ? "0.55" : pts < 10 ? "0.8" : "1";
                        label += "; swing " + s.swingPoints().toPlainString() + " points from " + s.swingFrom() + " to " + s.swingTo();
                        legendKey = s.swingTo() + " " + band;
                        legendLabel = "Swing to " + s.swingTo() + ", " + band + " points";
                    }
                }
            }
            final String f = fill;
            final String o = opacity;
            final String l = legendLabel;
            legend.computeIfAbsent(legendKey, k -> new HexMap.Legend(l, f, o, 0));
            counts.merge(legendKey, 1, Integer::sum);
            cells.add(new HexMap.Cell(h.key(), h.name(), path, fill, opacity,
                    s == null ? null : "/ballots/" + s.ballotId(), s == null ? null : s.ballotId(),
                    s == null ? null : s.winner(), s == null ? "none" : s.status(), label));
        }
        List<HexMap.Legend> lines = new ArrayList<>();
        legend.forEach((k, v) -> lines.add(new HexMap.Legend(v.label(), v.colour(), v.opacity(), counts.get(k))));
        lines.sort((a, b) -> Integer.compare(b.count(), a.count()));
        List<HexMap.View> views = new ArrayList<>();
        for (View v : View.values()) {
            views.add(new HexMap.View(v.label, base + (v == View.WINNER ? "" : "?map=" + v.id) + "#" + id, v == view));
        }
        String summary = switch (view) {
            case WINNER -> "Each hexagon is one " + (title.contains("ward") ? "ward" : "constituency")
                    + ", coloured by the party that won it.";
            case CHANGE -> "Full colour: gained by the party shown; pale: held.";
            case SWING -> "Coloured by the party the swing went to since the last contest; the paler, the smaller the swing.";
        };
        String viewBox = fmt(box[0] - 0.5) + " " + fmt(box[1] - 0.5) + " " + fmt(box[2] - box[0] + 1) + " " + fmt(box[3] - box[1] + 1);
        return new HexMap(id, title, summary, viewBox, cells, lines, views, declared, unmatched);
    }

    /** A hexagon's centre, unit circumradius, y down (HexJSON rows count upwards). */
    static double[] centre(String layout, int q, int r) {
        return switch (layout) {
            case "odd-r", "even-r" -> {
                boolean shifted = Math.floorMod(r, 2) == (layout.equals("odd-r") ? 1 : 0);
                yield new double[] {ROOT3 * (q + (shifted ? 0.5 : 0)), -1.5 * r};
            }
            default -> {
                boolean shifted = Math.floorMod(q, 2) == (layout.equals("odd-q") ? 1 : 0);
                yield new double[] {1.5 * q, -ROOT3 * (r + (shifted ? 0.5 : 0))};
            }
        };
    }

    /** Corner {@code k} of the hexagon centred on {@code c} (drawn at 0.96 of the unit radius, so neighbours show a gap). */
    private static double[] corner(double[] c, int k, boolean pointy) {
        double a = Math.toRadians(60 * k + (pointy ? 30 : 0));
        return new double[] {c[0] + 0.96 * Math.cos(a), c[1] + 0.96 * Math.sin(a)};
    }

    /**
     * The outline after the first corner, as relative steps: {@code l} and the five moves to the next
     * corners, then {@code z}.
     */
    static String steps(boolean pointy) {
        // The steps go between the corners of a hexagon centred on 0,0, each rounded to two decimals,
        // so no rounding error adds up along the outline.
        BigDecimal[][] at = new BigDecimal[6][];
        for (int k = 0; k < 6; k++) {
            double[] v = corner(new double[] {0, 0}, k, pointy);
            at[k] = new BigDecimal[] {new BigDecimal(fmt(v[0])), new BigDecimal(fmt(v[1]))};
        }
        StringBuilder out = new StringBuilder("l");
        for (int k = 1; k < 6; k++) {
            for (int axis = 0; axis < 2; axis++) {
                String d = compact(at[k][axis].subtract(at[k - 1][axis]));
                if (out.length() > 1 && !d.startsWith("-")) {
                    out.append(' ');
                }
                out.append(d);
            }
        }
        return out.append('z').toString();
    }

    /** A number to two decimals, as short as SVG allows: no trailing zeros, no leading zero ({@code -.48}). */
    private static String compact(BigDecimal v) {
        String s = v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        return s.replaceFirst("^(-?)0\\.", "$1.");
    }

    /** A name folded for matching: no accents, case, punctuation or "&" against "and". */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
