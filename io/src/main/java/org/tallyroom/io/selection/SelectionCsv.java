package org.tallyroom.io.selection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/** What the selection files' readers share: finding columns and reading dates and membership numbers. */
final class SelectionCsv {
    /** Longest membership number accepted (party numbers are a few letters and digits). */
    static final int MAX_NUMBER = 50;

    private SelectionCsv() {
    }

    /** The 0-based index of the header column named {@code name} (any case, spaces or hyphens as _), or -1. */
    static int column(CsvFile.Row header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (normal(header.field(i)).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static String normal(String heading) {
        return heading == null ? "" : heading.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    static String cell(CsvFile.Row row, int col) {
        String s = col < 0 ? null : row.field(col);
        return s == null ? "" : s.strip();
    }

    /** A date YYYY-MM-DD in a cell, or null if blank and {@code optional}. */
    static LocalDate date(String file, CsvFile.Row row, int col, String what, boolean optional) throws InputException {
        String s = cell(row, col);
        if (s.isEmpty()) {
            if (optional) {
                return null;
            }
            throw new InputException(file, row.line(), col + 1, what + " as YYYY-MM-DD", "an empty value");
        }
        try {
            if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", s, 0);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InputException(file, row.line(), col + 1, what + " as YYYY-MM-DD", InputException.quote(s));
        }
    }

    /** A membership number: not blank, at most {@link #MAX_NUMBER} characters, no control characters. */
    static String number(String file, CsvFile.Row row, int col) throws InputException {
        String s = cell(row, col);
        if (s.isEmpty()) {
            throw new InputException(file, row.line(), col + 1, "a membership number", "an empty value");
        }
        if (s.length() > MAX_NUMBER || s.chars().anyMatch(Character::isISOControl)) {
            throw new InputException(file, row.line(), col + 1, "a membership number of up to " + MAX_NUMBER
                    + " printable characters", InputException.quote(s.length() > 60 ? s.substring(0, 60) + "..." : s));
        }
        return s;
    }

    /** The header row, or an error naming the columns expected. */
    static CsvFile.Row header(String file, List<CsvFile.Row> rows, String expected) throws InputException {
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row " + expected, "an empty file");
        }
        return rows.get(0);
    }

    static InputException missing(String file, CsvFile.Row header, String expected) {
        return new InputException(file, header.line(), 1, "a header row " + expected,
                InputException.quote(String.join(",", header.fields())));
    }
}
