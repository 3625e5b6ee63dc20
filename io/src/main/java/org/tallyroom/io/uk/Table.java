package org.tallyroom.io.uk;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * A published CSV read by column name: the header row names the columns, each data row must have
 * exactly as many fields, and every value is fetched by name with a located error when it is not
 * what was expected.
 *
 * <p>The Commons Library and London Elects files name the same column differently from year to
 * year ({@code ONS ID} in one, {@code ons_id} in the next), so names are compared after folding:
 * lower case, every run of characters other than letters and digits one underscore. A column may
 * also have aliases ({@code firstname} / {@code candidate_first_name}).
 *
 * <p>Rows are streamed to a handler that may throw {@link InputException}; {@link CsvFile} reads
 * the bytes, decides UTF-8 or Windows-1252, drops a BOM and accepts CRLF.
 */
final class Table {
    /** Receives each data row; may reject it. */
    @FunctionalInterface
    interface RowHandler {
        void row(Row row) throws InputException;

        /** Called once after the last row (grouping readers hand on their last group here). */
        default void end() throws InputException {
        }
    }

    /** Called with the header once, before any row, to look up the columns the reader needs. */
    @FunctionalInterface
    interface HeaderHandler {
        RowHandler header(Header header) throws InputException;
    }

    private Table() {
    }

    /**
     * Streams {@code path}: the first row is the header, passed to {@code onHeader}; every later row
     * goes to the handler it returns. {@code what} names the file's kind for "empty file" messages.
     */
    static void read(Path path, String what, HeaderHandler onHeader) throws InputException {
        String file = CsvFile.nameOf(path);
        RowHandler[] handler = new RowHandler[1];
        Header[] header = new Header[1];
        long[] dataRows = new long[1];
        try {
            CsvFile.forEach(path, raw -> {
                try {
                    if (header[0] == null) {
                        header[0] = new Header(file, raw.line(), raw.fields());
                        handler[0] = onHeader.header(header[0]);
                        return;
                    }
                    if (raw.size() != header[0].width()) {
                        throw new InputException(file, raw.line(), Math.min(raw.size(), header[0].width()) + 1,
                                header[0].width() + " columns as in the header", raw.size() + " columns");
                    }
                    dataRows[0]++;
                    handler[0].row(new Row(header[0], raw.line(), raw.fields()));
                } catch (InputException e) {
                    throw new Rejected(e);
                }
            });
        } catch (Rejected r) {
            throw r.cause;
        }
        if (header[0] == null) {
            throw new InputException(file, 1, 1, "a header row of " + what, "an empty file");
        }
        if (dataRows[0] == 0) {
            throw new InputException(file, header[0].line() + 1, 1, "at least one row after the header", "none");
        }
        handler[0].end();
    }

    /** Carries a checked rejection out of {@link CsvFile#forEach}'s consumer. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InputException cause;

        Rejected(InputException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    /** Folds a column name: lower case, runs of anything but letters and digits become one {@code _}. */
    static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** Strips white space including the no-break space some exports pad numbers with. */
    static String clean(String value) {
        return value == null ? null : value.replace('\u00A0', ' ').strip();
    }

    /** The header row: column positions by folded name. */
    static final class Header {
        private final String file;
        private final long line;
        private final List<String> names;
        private final Map<String, Integer> byName = new HashMap<>();

        Header(String file, long line, List<String> names) {
            this.file = file;
            this.line = line;
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                byName.putIfAbsent(fold(names.get(i)), i);
            }
        }

        String file() {
            return file;
        }

        long line() {
            return line;
        }

        int width() {
            return names.size();
        }

        /** The column with any of these names (folded), or an error naming the first. */
        int require(String... aliases) throws InputException {
            int i = find(aliases);
            if (i < 0) {
                throw new InputException(file, line, 0, "a column named " + aliases[0],
                        "only the columns " + String.join(", ", names));
            }
            return i;
        }

        /** The column with any of these names (folded), or -1. */
        int find(String... aliases) {
            for (String a : aliases) {
                Integer i = byName.get(fold(a));
                if (i != null) {
                    return i;
                }
            }
            return -1;
        }

        String name(int column) {
            return names.get(column);
        }
    }

    /** One data row; columns are 0-based positions from {@link Header}, reported 1-based. */
    record Row(Header header, long line, List<String> fields) {
        String file() {
            return header.file();
        }

        /** The raw field, unstripped; "" for an absent optional column (-1). */
        String raw(int column) {
            return column < 0 ? "" : fields.get(column);
        }

        /** The field stripped; "" for an absent optional column (-1). */
        String text(int column) {
            return column < 0 ? "" : clean(fields.get(column));
        }

        /** The field stripped, which must not be empty. */
        String required(int column, String what) throws InputException {
            String s = text(column);
            if (s.isEmpty()) {
                throw error(column, what, fields.get(column));
            }
            return s;
        }

        /** A whole number at or above 0 and below 10^18; thousands separators allowed. */
        long count(int column, String what) throws InputException {
            return CsvFile.parseCount(file(), line, column + 1, what + " (" + header.name(column) + ")",
                    text(column));
        }

        /** A whole number from {@code min} to {@code max}. */
        int bounded(int column, String what, int min, int max) throws InputException {
            long n = count(column, what);
            if (n < min || n > max) {
                throw error(column, what + " from " + min + " to " + max, fields.get(column));
            }
            return (int) n;
        }

        /** A decimal such as {@code 0.2662}, kept exact. */
        BigDecimal decimal(int column, String what) throws InputException {
            String s = text(column);
            if (!s.matches("\\d{1,18}(\\.\\d{1,30})?")) {
                throw error(column, what + " as a decimal number", fields.get(column));
            }
            return new BigDecimal(s);
        }

        /** One of two words (case-insensitive), the first meaning true. */
        boolean flag(int column, String what, String yes, String no) throws InputException {
            String s = text(column);
            if (s.equalsIgnoreCase(yes)) {
                return true;
            }
            if (s.equalsIgnoreCase(no)) {
                return false;
            }
            throw error(column, what + " as " + (no.isEmpty() ? yes + " or blank" : yes + " or " + no),
                    fields.get(column));
        }

        InputException error(int column, String expected, String found) {
            return new InputException(file(), line, column + 1, expected, InputException.quote(found));
        }
    }

    /** Collects consecutive rows that share a key into groups, handing each finished group on. */
    static final class Runs<K, T> {
        interface Finish<K, T> {
            void run(K key, long firstLine, List<T> items) throws InputException;
        }

        private final Finish<K, T> finish;
        private final Map<K, Long> finished = new HashMap<>();
        private K key;
        private long firstLine;
        private List<T> items = new ArrayList<>();

        Runs(Finish<K, T> finish) {
            this.finish = finish;
        }

        /** Adds a row's item; a key seen earlier, but not just before, is an error (files are grouped). */
        void add(K rowKey, Row row, int keyColumn, T item) throws InputException {
            if (!rowKey.equals(key)) {
                Long earlier = finished.get(rowKey);
                if (earlier != null) {
                    throw row.error(keyColumn, "the rows of " + rowKey + " together (they began on line "
                            + earlier + ")", rowKey.toString());
                }
                flush();
                key = rowKey;
                firstLine = row.line();
            }
            items.add(item);
        }

        void flush() throws InputException {
            if (key != null) {
                finished.put(key, firstLine);
                finish.run(key, firstLine, List.copyOf(items));
                items = new ArrayList<>();
                key = null;
            }
        }
    }
}
