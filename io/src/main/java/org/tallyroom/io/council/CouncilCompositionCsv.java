package org.tallyroom.io.council;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * Reads Open Council Data UK's council composition files (data/uk/council-control/): one row per
 * council per year, the composition after that year's May elections. Two layouts, told from the header:
 *
 * <ul>
 * <li>1973-2015: {@code id,authority,year,total,con,lab,ld,other,nat,majority,plurality}; majority is a
 *     party or {@code NOC} (no overall control), plurality the largest party ({@code Con} or
 *     {@code Con plurality}).</li>
 * <li>2016-2025: {@code "id","council id","authority","year","total","con","lab","ld","green","ukip","ref",
 *     "pc","snp","other","majority",} (a trailing empty column); majority is a party ({@code Con},
 *     {@code CON}, {@code Plaid}), {@code X plurality} (no overall control, X largest), {@code X min}
 *     (no overall control, an X minority administration), a coalition ({@code LD/IND}, {@code LD/GRN min})
 *     or {@code X Mayor} (a directly elected mayor of party X; control is then told from the seats, as
 *     the mayor's party need not hold them: Doncaster 2025 is "LAB Mayor" with 37 of 55 seats Reform's).</li>
 * </ul>
 *
 * <p>The files are Windows-1252 ({@link CsvFile} tells it from the bytes). Numbers must be whole; a row
 * whose seats do not add up to its total, or whose control names a party short of a majority, is kept as
 * printed and reported in {@link Read#notes()}.
 */
public final class CouncilCompositionCsv {
    private static final Pattern SUFFIXED = Pattern.compile("(?i)^(\\S+)\\s+(plurality|min|mayor)$");

    private CouncilCompositionCsv() {
    }

    /**
     * A file's rows and what was odd in them.
     *
     * @param rows  every council-year, in file order
     * @param notes rows kept as printed although their figures disagree
     */
    public record Read(List<CouncilYear> rows, List<String> notes) {
        public Read {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    public static Read read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> all = CsvFile.readAll(path);
        if (all.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row", "an empty file");
        }
        CsvFile.Row head = all.get(0);
        Map<String, Integer> col = new HashMap<>();
        Map<String, Integer> seatColumns = new LinkedHashMap<>();
        for (int i = 0; i < head.size(); i++) {
            String f = head.field(i).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            col.putIfAbsent(f, i);
            if (CouncilParty.isSeatColumn(f)) {
                seatColumns.put(CouncilParty.code(f).orElseThrow(), i);
            }
        }
        for (String needed : List.of("authority", "year", "total", "majority")) {
            if (!col.containsKey(needed)) {
                throw new InputException(file, head.line(), 0, "a column named " + needed
                        + " (an Open Council Data UK composition file)", "the columns " + String.join(", ", head.fields()));
            }
        }
        if (seatColumns.isEmpty()) {
            throw new InputException(file, head.line(), 0, "seat columns such as con, lab, ld", "none");
        }
        int plurality = col.getOrDefault("plurality", -1);
        List<CouncilYear> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CsvFile.Row r : all.subList(1, all.size())) {
            if (r.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            String authority = text(r, col.get("authority"));
            if (authority.isEmpty()) {
                throw new InputException(file, r.line(), col.get("authority") + 1, "the council's name", "an empty value");
            }
            long year = CsvFile.parseCount(file, r.line(), col.get("year") + 1, "the year", text(r, col.get("year")));
            if (year < 1900 || year > 2100) {
                throw new InputException(file, r.line(), col.get("year") + 1, "a year from 1900 to 2100", String.valueOf(year));
            }
            int total = (int) CsvFile.parseCount(file, r.line(), col.get("total") + 1, "the number of seats", text(r, col.get("total")));
            Map<String, Integer> seats = new LinkedHashMap<>();
            int sum = 0;
            for (Map.Entry<String, Integer> e : seatColumns.entrySet()) {
                String v = text(r, e.getValue());
                int n = v.isEmpty() ? 0 : (int) CsvFile.parseCount(file, r.line(), e.getValue() + 1,
                        e.getKey() + " seats", v);
                seats.put(e.getKey(), n);
                sum += n;
            }
            String where = file + ":" + r.line() + ": " + authority + " " + year;
            if (sum != total) {
                notes.add(where + ": the parties' seats add up to " + sum + ", the total is " + total);
            }
            String label = text(r, col.get("majority"));
            CouncilYear.Control control = control(file, r.line(), col.get("majority") + 1, label, plurality + 1,
                    plurality < 0 ? "" : text(r, plurality), seats, total);
            if (control.party() != null && seats.containsKey(control.party())
                    && seats.get(control.party()) < total / 2 + 1) {
                notes.add(where + ": control given as " + label + ", which holds " + seats.get(control.party()) + " of "
                        + total + " seats (kept as printed)");
            }
            rows.add(new CouncilYear(file, r.line(), authority, (int) year, total, seats, control, label));
        }
        if (rows.isEmpty()) {
            throw new InputException(file, head.line() + 1, 1, "at least one row after the header", "none");
        }
        return new Read(rows, notes);
    }

    private static String text(CsvFile.Row r, int column) {
        String s = r.field(column);
        return s == null ? "" : s.replace('\u00A0', ' ').strip();
    }

    /** Reads a control column (and the 1973-2015 plurality column). */
    static CouncilYear.Control control(String file, long line, int column, String label, int pluralityColumn,
                                       String pluralityText, Map<String, Integer> seats, int total) throws InputException {
        String largestGiven = pluralityText.isEmpty() ? null : party(pluralityText.replaceFirst("(?i)\\s+plurality$", ""))
                .orElseThrow(() -> new InputException(file, line, pluralityColumn, "the largest party (Con, Lab plurality)",
                        InputException.quote(pluralityText)));
        String largest = largestGiven != null ? largestGiven : largest(seats);
        if (label.equalsIgnoreCase("NOC")) {
            return new CouncilYear.Control(null, largest, null);
        }
        Matcher m = SUFFIXED.matcher(label);
        if (m.matches()) {
            String who = m.group(1);
            String kind = m.group(2).toLowerCase(Locale.ROOT);
            String code = party(who).orElse(null);
            switch (kind) {
                case "plurality" -> {
                    if (code == null) {
                        throw unknown(file, line, column, label);
                    }
                    return new CouncilYear.Control(null, code, null);
                }
                case "min" -> {
                    return new CouncilYear.Control(null, largest, coalition(who) + " minority");
                }
                default -> {
                    int threshold = total / 2 + 1;
                    String majority = seats.entrySet().stream().filter(e -> e.getValue() >= threshold
                            && !e.getKey().equals("Other")).map(Map.Entry::getKey).findFirst().orElse(null);
                    return new CouncilYear.Control(majority, largest, (code == null ? who : CouncilParty.name(code)) + " mayor");
                }
            }
        }
        if (label.contains("/")) {
            return new CouncilYear.Control(null, largest, coalition(label) + " coalition");
        }
        String code = party(label).orElseThrow(() -> unknown(file, line, column, label));
        return new CouncilYear.Control(code, code, null);
    }

    private static InputException unknown(String file, long line, int column, String label) {
        return new InputException(file, line, column, "a control such as Con, NOC, Lab plurality, LAB min, LD/IND or "
                + "LAB Mayor", InputException.quote(label));
    }

    private static Optional<String> party(String spelling) {
        return CouncilParty.code(spelling);
    }

    /** "LD/IND" as "Liberal Democrat/Independent"; names not known are kept as printed. */
    private static String coalition(String label) {
        String[] parts = label.replaceFirst("(?i)\\s+min$", "").split("/");
        List<String> names = new ArrayList<>();
        for (String p : parts) {
            names.add(party(p).map(CouncilParty::name).orElse(p.strip()));
        }
        return String.join("/", names);
    }

    private static String largest(Map<String, Integer> seats) {
        int most = seats.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> top = seats.entrySet().stream().filter(e -> e.getValue() == most && most > 0).map(Map.Entry::getKey).toList();
        return top.size() == 1 ? top.get(0) : null;
    }
}
