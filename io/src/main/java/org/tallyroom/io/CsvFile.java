package org.tallyroom.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CSV file the way published election files come: UTF-8 with or without a byte-order mark,
 * or Windows-1252 where the bytes are not valid UTF-8 (London Elects' 2018 file is Latin-1), CRLF or
 * LF line ends, blank lines skipped. Every record carries its line number for error messages.
 */
public final class CsvFile {
    /** One row: its fields and the line it starts on. */
    public record Row(long line, List<String> fields) {
        public String field(int i) {
            return i < fields.size() ? fields.get(i) : null;
        }

        public int size() {
            return fields.size();
        }
    }

    private CsvFile() {
    }

    /** The name used in error messages: the path as the user gave it. */
    public static String nameOf(Path path) {
        return path.toString();
    }

    /** Reads every row, header included, into memory. */
    public static List<Row> readAll(Path path) throws InputException {
        List<Row> rows = new ArrayList<>();
        forEach(path, rows::add);
        return rows;
    }

    /** The first non-blank row's fields, or an error if the file has none. */
    public static List<String> header(Path path) throws InputException {
        String name = nameOf(path);
        try (Reader reader = openStart(path);
             CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                     .allowMissingFields(true).ofCsvRecord(reader)) {
            for (CsvRecord rec : csv) {
                checkSeparator(name, rec.getStartingLineNumber(), rec.getFields());
                return rec.getFields();
            }
        } catch (CsvParseException e) {
            throw new InputException(name, lineOf(e), 0, "well-formed CSV", describe(e));
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(name, e);
        }
        throw new InputException(name, 1, 1, "a header row", "an empty file");
    }

    /** Streams every row, header included. */
    public static void forEach(Path path, Consumer<Row> rowConsumer) throws InputException {
        String name = nameOf(path);
        String text;
        try (Reader reader = open(path)) {
            text = readString(reader);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(name, e);
        }
        checkQuotes(name, text);
        try (Reader reader = new java.io.StringReader(text);
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .skipEmptyLines(true)
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .ofCsvRecord(reader)) {
            boolean first = true;
            for (CsvRecord rec : csv) {
                if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                    continue;
                }
                if (first) {
                    checkSeparator(name, rec.getStartingLineNumber(), rec.getFields());
                    first = false;
                }
                rowConsumer.accept(new Row(rec.getStartingLineNumber(), rec.getFields()));
            }
        } catch (CsvParseException e) {
            throw new InputException(name, lineOf(e), 0, "well-formed CSV", describe(e));
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(name, e);
        }
    }

    private static String readString(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1 << 16];
        for (int n; (n = reader.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    /**
     * Refuses the two ways a CSV file's quoting can be broken, at their line and field: a quote opened
     * and never closed (which would swallow the rest of the file into one field), and text after a
     * closing quote ({@code "12"3}). Hand-written: FastCSV reports neither with a field position (the
     * first it accepts silently, the second names only the record's line).
     */
    static void checkQuotes(String name, String text) throws InputException {
        long line = 1;
        int field = 1;
        boolean atFieldStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (atFieldStart && ch == '"') {
                long openLine = line;
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new InputException(name, openLine, field, "a closing quote for the field opened here",
                                "the end of the file");
                    }
                    char c = text.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    j++;
                }
                i = j + 1;
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new InputException(name, line, field, "a comma or the end of the line after a closing quote",
                            InputException.quote(String.valueOf(text.charAt(i))));
                }
                atFieldStart = false;
                continue;
            }
            if (ch == ',') {
                field++;
                atFieldStart = true;
            } else if (ch == '\n') {
                line++;
                field = 1;
                atFieldStart = true;
            } else {
                atFieldStart = false;
            }
            i++;
        }
    }

    /**
     * Refuses a first row that is one field holding semicolons or tabs: a spreadsheet saved with another
     * separator (Excel in a European locale writes semicolons), which would otherwise read as one column
     * and fail later with a message about something else.
     */
    static void checkSeparator(String name, long line, List<String> firstRow) throws InputException {
        if (firstRow.size() != 1) {
            return;
        }
        String only = firstRow.get(0);
        String found = only.indexOf(';') >= 0 ? "fields separated by semicolons"
                : only.indexOf('\t') >= 0 ? "fields separated by tabs" : null;
        if (found != null) {
            throw new InputException(name, line, 1, "comma-separated values (save the file as CSV with commas)", found);
        }
    }

    /** The error for a file that cannot be read at all, saying why in words. */
    public static InputException unreadable(String name, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof InputFile.Refused refused) {
            return refused.input();
        }
        String why = switch (cause) {
            case java.nio.file.NoSuchFileException x -> "no such file";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.io.IOException x when java.nio.file.Files.isDirectory(Path.of(name)) -> "a directory";
            default -> String.valueOf(cause.getMessage());
        };
        return new InputException(name, 0, 0, "a readable file", why);
    }

    /**
     * Opens the first megabyte of a file (cut at its last line end), enough for a header row without
     * reading and decoding a large ballots file twice. A file with no line end in that stretch is
     * opened whole.
     */
    static Reader openStart(Path path) throws IOException {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(1 << 20);
            if (in.read() < 0) {
                return open(path);
            }
        }
        int cut = head.length;
        while (cut > 0 && head[cut - 1] != '\n') {
            cut--;
        }
        return cut == 0 ? open(path) : reader(nameOf(path), java.util.Arrays.copyOf(head, cut));
    }

    /** Opens a text file, choosing UTF-8 unless the bytes are not UTF-8; a BOM is dropped. */
    public static Reader open(Path path) throws IOException {
        return reader(nameOf(path), InputFile.readOrRefuse(path));
    }

    private static Reader reader(String name, byte[] bytes) throws InputFile.Refused {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        Charset charset;
        try {
            charset = InputFile.charset(name, bytes, offset);
        } catch (InputException e) {
            throw new InputFile.Refused(e);
        }
        return new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset);
    }

    private static long lineOf(CsvParseException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static String describe(CsvParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return String.valueOf(cause.getMessage());
    }

    /** Parses a whole number of votes: digits only, thousands separators in groups of three, no sign, below 10^18. */
    public static long parseCount(String file, long line, int column, String what, String text)
            throws InputException {
        try {
            return Counts.parse(text);
        } catch (Counts.Invalid e) {
            throw new InputException(file, line, column, what + " " + e.expected(), e.found());
        }
    }
}
