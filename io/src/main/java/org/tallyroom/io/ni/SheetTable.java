package org.tallyroom.io.ni;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * One of the sheets' CSV files read by column name. The files name columns {@code Contest ID} in one
 * year and {@code Contest_ID} in the next, so names are folded (lower case, runs of anything but
 * letters and digits one underscore). Rows may be short or carry empty trailing fields (2011's
 * all-constituency-info.csv ends each line with a comma). {@link CsvFile} decides UTF-8 or
 * Windows-1252, drops a BOM and accepts CRLF.
 */
final class SheetTable {
    private final String file;
    private final long headerLine;
    private final List<String> header;
    private final Map<String, Integer> byName = new HashMap<>();
    private final List<CsvFile.Row> rows;

    private SheetTable(String file, long headerLine, List<String> header, List<CsvFile.Row> rows) {
        this.file = file;
        this.headerLine = headerLine;
        this.header = header;
        this.rows = rows;
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(fold(header.get(i)), i);
        }
    }

    static SheetTable read(Path path) throws InputException {
        List<CsvFile.Row> all = CsvFile.readAll(path);
        if (all.isEmpty()) {
            throw new InputException(CsvFile.nameOf(path), 1, 1, "a header row", "an empty file");
        }
        CsvFile.Row head = all.get(0);
        // A row of nothing but commas (",,") ends some files; it is no row.
        List<CsvFile.Row> rows = all.subList(1, all.size()).stream()
                .filter(r -> r.fields().stream().anyMatch(x -> !x.isBlank())).toList();
        return new SheetTable(CsvFile.nameOf(path), head.line(), head.fields(), rows);
    }

    static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
    }

    String file() {
        return file;
    }

    List<CsvFile.Row> rows() {
        return rows;
    }

    /** The column of that (folded) name, or an error naming the columns there are. */
    int column(String name) throws InputException {
        Integer i = byName.get(fold(name));
        if (i == null) {
            throw new InputException(file, headerLine, 0, "a column named " + name,
                    "only the columns " + String.join(", ", header));
        }
        return i;
    }

    /** The column of that name, or -1. */
    int optionalColumn(String name) {
        return byName.getOrDefault(fold(name), -1);
    }

    static String text(CsvFile.Row row, int column) {
        String s = column < 0 ? null : row.field(column);
        return s == null ? "" : s.replace('\u00A0', ' ').strip();
    }

    String required(CsvFile.Row row, int column, String what) throws InputException {
        String s = text(row, column);
        if (s.isEmpty()) {
            throw new InputException(file, row.line(), column + 1, what, InputException.quote(row.field(column)));
        }
        return s;
    }

    /** A whole number, or null where the field is blank. */
    Long optionalCount(CsvFile.Row row, int column, String what) throws InputException {
        String s = text(row, column);
        return s.isEmpty() ? null : CsvFile.parseCount(file, row.line(), column + 1, what, s);
    }

    long count(CsvFile.Row row, int column, String what) throws InputException {
        return CsvFile.parseCount(file, row.line(), column + 1, what, required(row, column, what + " as a whole number"));
    }

    /**
     * A figure to at most two decimal places ({@code 5275}, {@code 38.17}, {@code -883.00}, {@code 215.5}),
     * as hundredths. More places would be a figure the NI rules cannot produce, so it is an error.
     */
    long hundredths(CsvFile.Row row, int column, String what) throws InputException {
        String s = text(row, column);
        if (!s.matches("-?\\d{1,15}(\\.\\d{0,2})?")) {
            throw new InputException(file, row.line(), column + 1, what + " as a number with at most two decimal places",
                    InputException.quote(row.field(column)));
        }
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String frac = dot < 0 ? "" : digits.substring(dot + 1);
        long v = Long.parseLong(whole) * 100 + (frac.isEmpty() ? 0 : Long.parseLong((frac + "0").substring(0, 2)));
        return negative ? -v : v;
    }

    /** Rows whose column {@code column} equals {@code value}. */
    List<CsvFile.Row> where(int column, String value) {
        List<CsvFile.Row> out = new ArrayList<>();
        for (CsvFile.Row r : rows) {
            if (text(r, column).equals(value)) {
                out.add(r);
            }
        }
        return out;
    }
}
