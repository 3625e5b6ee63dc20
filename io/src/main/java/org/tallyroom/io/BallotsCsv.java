package org.tallyroom.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * Tallyroom's ballots CSV: a header row of candidate names, then one row per ballot paper whose cells
 * are the ranks the voter gave each candidate (blank for none; {@code X} or {@code x} is a cross,
 * read as rank 1, for plurality papers). An optional {@code weight} column (any position, any case)
 * says how many identical papers the row stands for.
 *
 * <p>Rows are kept as marked: two candidates given the same number, or a skipped number, reach the
 * count unchanged so the rules can reject or truncate them as their statute says. The reader only
 * refuses what cannot be a marking: a rank that is not a whole number from 1 to the number of
 * candidates, a weight that is not a positive whole number, a row with the wrong number of cells.
 *
 * <p>Speed: files of a million papers are common for RCV exports, so this is a hand-written byte
 * scanner, not a general CSV library. Unquoted cells are read in place from the file's bytes with no
 * String or other allocation; quoted cells (RFC 4180, with doubled quotes and line breaks inside) go
 * through a slow path. Only the header and the text quoted in error messages are decoded, as UTF-8,
 * or Windows-1252 where the header is not valid UTF-8. Identical rows bundle as they are read
 * ({@link BallotBundles}).
 */
public final class BallotsCsv {
    /** Larger weights are certainly a mistake, and keep totals far from overflow. */
    static final long MAX_WEIGHT = 1_000_000_000_000_000L;

    private final String file;
    private final byte[] bytes;
    private int pos;
    private long line = 1;
    private Charset charset = StandardCharsets.UTF_8;

    // The current record: field i is bytes[start[i], end[i]) unless quoted[i] holds its decoded text.
    private int fields;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private String[] quoted = new String[16];
    private long recordLine;

    private BallotsCsv(String file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    public static Contest read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        byte[] bytes = InputFile.read(path); // limits and encoding checked there
        String title = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new BallotsCsv(file, bytes).parse(title);
    }

    /** Reads ballots from bytes already in memory; {@code file} names them in messages. */
    public static Contest read(String file, byte[] bytes, String title) throws InputException {
        return new BallotsCsv(file, bytes).parse(title);
    }

    private Contest parse(String title) throws InputException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        int headerFrom = pos;
        if (!nextNonBlankRecord()) {
            throw new InputException(file, 1, 1, "a header row of candidate names", "an empty file");
        }
        if (!isUtf8(bytes, headerFrom, pos)) {
            // Names in a spreadsheet's legacy encoding: read the header again as Windows-1252.
            charset = Charset.forName("windows-1252");
            pos = headerFrom;
            line = 1;
            nextNonBlankRecord();
        }
        int columns = fields;
        if (columns == 1) {
            CsvFile.checkSeparator(file, recordLine, List.of(text(0)));
        }
        int weightColumn = -1;
        int[] candidateOf = new int[columns];
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int col = 0; col < columns; col++) {
            String raw = text(col);
            String name = Candidate.fold(raw);
            if (name.toLowerCase(Locale.ROOT).equals("weight")) {
                if (weightColumn >= 0) {
                    throw new InputException(file, recordLine, col + 1, "one weight column",
                            "a second, after column " + (weightColumn + 1));
                }
                weightColumn = col;
                candidateOf[col] = -1;
                continue;
            }
            if (name.isEmpty()) {
                throw new InputException(file, recordLine, col + 1, "a candidate name", InputException.quote(raw));
            }
            if (!seen.add(name)) {
                throw new InputException(file, recordLine, col + 1, "each candidate once",
                        InputException.quote(name) + " a second time");
            }
            candidateOf[col] = candidates.size();
            candidates.add(new Candidate(name, ""));
        }
        if (candidates.isEmpty()) {
            throw new InputException(file, recordLine, 1, "a header row of candidate names",
                    "only a weight column");
        }
        long headerLine = recordLine;
        int n = candidates.size();
        BallotBundles bundles = new BallotBundles(n);
        int[] rankOf = new int[n];
        int rows = 0;
        while (nextNonBlankRecord()) {
            if (fields != columns) {
                throw new InputException(file, recordLine, Math.min(fields, columns) + 1,
                        columns + " cells as in the header", fields + (fields == 1 ? " cell" : " cells"));
            }
            long weight = 1;
            for (int col = 0; col < columns; col++) {
                int c = candidateOf[col];
                if (c < 0) {
                    weight = weight(col);
                } else {
                    rankOf[c] = rank(col, n);
                }
            }
            if (!bundles.addByCandidate(rankOf, weight)) {
                throw new InputException(file, recordLine, weightColumn + 1, "a total number of papers below 2^63",
                        "more");
            }
            rows++;
        }
        if (rows == 0) {
            throw new InputException(file, headerLine + 1, 1, "at least one ballot row after the header", "none");
        }
        return new Contest(title, candidates, new Votes.Papers(bundles.ballots()));
    }

    /** A rank cell: blank, X, or a whole number from 1 to n. Unquoted cells are read without allocating. */
    private int rank(int col, int n) throws InputException {
        if (quoted[col] != null) {
            return rankText(col, quoted[col].strip(), n);
        }
        int s = start[col];
        int e = end[col];
        if (s == e) {
            return 0;
        }
        byte first = bytes[s];
        if (e - s == 1 && (first == 'X' || first == 'x')) {
            return 1;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9 || value > n) {
                return rankText(col, text(col), n);
            }
            value = value * 10 + d;
        }
        if (value < 1 || value > n) {
            return rankText(col, text(col), n);
        }
        return (int) value;
    }

    /** The slow path, for quoted cells and for the error message. */
    private int rankText(int col, String cell, int n) throws InputException {
        if (cell.isEmpty()) {
            return 0;
        }
        if (cell.equals("X") || cell.equals("x")) {
            return 1;
        }
        if (cell.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            String digits = cell.replaceFirst("^0+(?=.)", "");
            if (digits.length() <= 9 && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= n) {
                return Integer.parseInt(digits);
            }
        }
        throw new InputException(file, recordLine, col + 1,
                "a rank from 1 to " + n + " (the number of candidates), X, or a blank", InputException.quote(cell));
    }

    private long weight(int col) throws InputException {
        String cell = quoted[col] != null ? quoted[col].strip() : null;
        if (cell == null) {
            int s = start[col];
            int e = end[col];
            if (s == e) {
                return 1;
            }
            long value = 0;
            boolean ok = e - s <= 16;
            for (int i = s; i < e && ok; i++) {
                int d = bytes[i] - '0';
                ok = d >= 0 && d <= 9 && value <= MAX_WEIGHT;
                value = value * 10 + d;
            }
            if (ok && value >= 1 && value <= MAX_WEIGHT) {
                return value;
            }
            cell = text(col);
        } else if (cell.isEmpty()) {
            return 1;
        } else if (cell.chars().allMatch(ch -> ch >= '0' && ch <= '9') && cell.length() <= 16) {
            long value = Long.parseLong(cell);
            if (value >= 1 && value <= MAX_WEIGHT) {
                return value;
            }
        }
        throw new InputException(file, recordLine, col + 1, "a weight: a whole number of papers from 1 to 10^15",
                InputException.quote(cell));
    }

    private String text(int col) {
        return quoted[col] != null ? quoted[col] : new String(bytes, start[col], end[col] - start[col], charset);
    }

    private static boolean isUtf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Reads records until one that is not blank; false at the end of the file. */
    private boolean nextNonBlankRecord() throws InputException {
        while (pos < bytes.length) {
            readRecord();
            if (fields > 1 || quoted[0] != null) {
                return true;
            }
            int s = start[0];
            int e = end[0];
            if (s != e) {
                return true;
            }
        }
        return false;
    }

    /** Reads one record from {@code pos}, leaving {@code pos} after its line end. Cells are trimmed. */
    private void readRecord() throws InputException {
        recordLine = line;
        fields = 0;
        byte[] b = bytes;
        int len = b.length;
        int p = pos;
        while (true) {
            if (fields == start.length) {
                start = Arrays.copyOf(start, fields * 2);
                end = Arrays.copyOf(end, fields * 2);
                quoted = Arrays.copyOf(quoted, fields * 2);
            }
            while (p < len && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            int f = fields++;
            quoted[f] = null;
            if (p < len && b[p] == '"') {
                p = quotedCell(p, f);
            } else {
                int s = p;
                while (p < len && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    p++;
                }
                int e = p;
                while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                    e--;
                }
                start[f] = s;
                end[f] = e;
            }
            if (p >= len) {
                pos = p;
                return;
            }
            if (b[p] == ',') {
                p++;
                continue;
            }
            if (b[p] == '\r') {
                p++;
                if (p < len && b[p] == '\n') {
                    p++;
                }
            } else {
                p++;
            }
            line++;
            pos = p;
            return;
        }
    }

    /** A quoted cell starting at the quote at {@code p}; returns the position after it and any spaces. */
    private int quotedCell(int p, int f) throws InputException {
        long startLine = line;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = p + 1;
        while (true) {
            if (i >= bytes.length) {
                throw new InputException(file, startLine, f + 1, "a closing quote", "the end of the file");
            }
            byte c = bytes[i];
            if (c == '"') {
                if (i + 1 < bytes.length && bytes[i + 1] == '"') {
                    out.write('"');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c == '\n') {
                line++;
            }
            out.write(c);
            i++;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        if (i < bytes.length && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
            throw new InputException(file, line, f + 1, "a comma or the end of the line after a closing quote",
                    InputException.quote(String.valueOf((char) (bytes[i] & 0xFF))));
        }
        quoted[f] = out.toString(charset);
        start[f] = p;
        end[f] = i;
        return i;
    }
}
