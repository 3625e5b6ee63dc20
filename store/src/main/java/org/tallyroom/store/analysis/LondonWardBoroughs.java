package org.tallyroom.store.analysis;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.analysis.ward.Area;

/**
 * The borough and Assembly constituency of every row of the 2016 GLA ward-level files: the maintained
 * table {@code london-2016-ward-boroughs.csv} (a resource beside this class, with its sources in its
 * header). The results files name no borough, and a row cannot be placed from its name alone: postal
 * rows are called "Postal" or "Postal AJ", and three wards carry the code of a namesake ward in the next
 * borough. So every row is listed, keyed by constituency and row name, with the basis of its borough; a
 * row the table lacks is not placed (and the roll-up says so), never guessed.
 */
public final class LondonWardBoroughs {
    private static final String RESOURCE = "london-2016-ward-boroughs.csv";
    private static final List<Row> ROWS = load();
    private static final Map<String, Row> BY_KEY = index(ROWS);

    private LondonWardBoroughs() {
    }

    /**
     * One row of the table.
     *
     * @param constituency the Assembly constituency as gss-codes.csv spells it ("Barnet and Camden")
     * @param row          the row's name in the results files, white space folded
     * @param kind         ward, postal or undivided-area, as the ward_results table has it
     * @param wardGss      the code the files give the row; empty where they give none
     * @param boroughGss   the borough's GSS code (E09...)
     * @param borough      the borough's name
     * @param basis        code, position or city (see the table's header)
     */
    public record Row(String constituency, String row, String kind, String wardGss, String boroughGss, String borough,
                      String basis) {
        public Area boroughArea() {
            return new Area(boroughGss, borough);
        }

        public Area constituencyArea() {
            return new Area(slug(constituency), constituency);
        }
    }

    /** Every row of the table, in the files' order. */
    public static List<Row> all() {
        return ROWS;
    }

    /** The row of that name in that constituency (any spelling: "Barnet &amp; Camden"), if the table has it. */
    public static Optional<Row> of(String constituency, String row) {
        return constituency == null || row == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(constituency, row)));
    }

    private static String key(String constituency, String row) {
        return slug(constituency) + "\n" + String.join(" ", row.strip().split("\\s+")).toLowerCase(Locale.ROOT);
    }

    /** "Barnet &amp; Camden" and "Barnet and Camden" alike: "barnet-and-camden". */
    static String slug(String name) {
        return name.replace("&", " and ").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Map<String, Row> index(List<Row> rows) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (out.put(key(r.constituency(), r.row()), r) != null) {
                throw new IllegalStateException(RESOURCE + ": " + r.row() + " in " + r.constituency() + " twice");
            }
        }
        return Map.copyOf(out);
    }

    private static List<Row> load() {
        List<Row> out = new ArrayList<>();
        try (InputStream in = LondonWardBoroughs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP)
                    .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (NamedCsvRecord r : csv) {
                    out.add(new Row(r.getField("constituency"), r.getField("row"), r.getField("kind"),
                            r.getField("ward_gss"), r.getField("borough_gss"), r.getField("borough"), r.getField("basis")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
