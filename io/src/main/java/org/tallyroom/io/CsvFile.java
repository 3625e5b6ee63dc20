package org.tallyroom.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        try (Reader reader = open(path);
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .skipEmptyLines(true)
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .ofCsvRecord(reader)) {
            for (CsvRecord rec : csv) {
                if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                    continue;
                }
                rowConsumer.accept(new Row(rec.getStartingLineNumber(), rec.getFields()));
            }
        } catch (CsvParseException e) {
            throw new InputException(name, lineOf(e), 0, "well-formed CSV", describe(e));
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(name, e);
        }
    }

    /** The error for a file that cannot be read at all, saying why in words. */
    public static InputException unreadable(String name, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
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
                return reader(head);
            }
        }
        int cut = head.length;
        while (cut > 0 && head[cut - 1] != '\n') {
            cut--;
        }
        return cut == 0 ? open(path) : reader(java.util.Arrays.copyOf(head, cut));
    }

    /** Opens a text file, choosing UTF-8 unless the bytes are not UTF-8; a BOM is dropped. */
    public static Reader open(Path path) throws IOException {
        return reader(Files.readAllBytes(path));
    }

    private static Reader reader(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        Charset charset = isUtf8(bytes, offset) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        return new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset);
    }

    private static boolean isUtf8(byte[] bytes, int offset) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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

    /** Parses a whole number of votes: digits only, thousands separators allowed, no sign. */
    public static long parseCount(String file, long line, int column, String what, String text)
            throws InputException {
        String s = text == null ? "" : text.strip().replace(",", "");
        if (s.isEmpty() || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new InputException(file, line, column, what + " as a whole number", InputException.quote(text));
        }
        if (s.length() > 18 && s.replaceFirst("^0+", "").length() > 18) {
            throw new InputException(file, line, column, what + " below 10^18", InputException.quote(text));
        }
        return Long.parseLong(s);
    }
}
