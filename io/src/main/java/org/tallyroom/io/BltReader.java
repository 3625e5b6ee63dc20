package org.tallyroom.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * Reads a BLT ballot file (Hill, Wichmann &amp; Woodall, "Algorithm 123", 1987), the format ERS, OpenSTV,
 * Droop and the Scottish councils' published ballot data use:
 *
 * <pre>
 * 9 4                       candidates seats
 * -3                        optional: withdrawn candidates, negated
 * 12 5 3 1 6 0              weight, preferences in order, 0; "3=4" ranks 3 and 4 equally
 * 0                         a lone 0 ends the ballots
 * "Scott AGNEW ""Alba"""    one name per candidate, quoted (doubled quotes inside) or a bare line
 * Ward 4 - Coldside         the title, quoted or bare; may be missing
 * </pre>
 *
 * <p>Published files vary and every variant here is read as published: commas as well as blanks
 * between numbers, a ballot line without its closing 0, {@code #} comments, a byte-order mark, CRLF,
 * no newline at the end. The Glasgow 2007 files give no name lines at all, only comments
 * {@code # ALTERNATIVE NAME k: Name (Party)}; where the name lines are missing and such comments
 * name every candidate, they are the names. Anything else is refused with {@code file:line:column}
 * (the column counts characters) and what was expected.
 *
 * <p>Speed: the ballot section is scanned byte by byte with no regular expressions and no strings
 * (a five-million-paper file reads in about a second); identical lines are counted once in a
 * {@link BallotBundles} as they are read, before any ballot object is built, so a repeated paper
 * allocates nothing and memory grows with distinct markings. Only the names section, a few hundred
 * bytes, is decoded to text: UTF-8 where it is valid UTF-8, else Windows-1252.
 *
 * <p>Parties are read from names of the forms {@code Name (Party)} and {@code Name "Party"}; the
 * Aberdeen-style {@code Party "Forename SURNAME"} (one word, then a quoted name of several words)
 * gives the party first. The name itself is kept exactly as written, white space folded.
 */
public final class BltReader {
    private static final int MAX_CANDIDATES = 100_000;

    private final String file;
    private final byte[] b;
    private final int end;
    private int p;
    private long line = 1;
    private int lineStart;
    private long candidateCount;

    private BltReader(String file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
        this.end = bytes.length;
        boolean bom = end >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        this.p = bom ? 3 : 0;
        this.lineStart = p;
    }

    public static Contest read(Path path) throws InputException {
        byte[] bytes = InputFile.read(path); // limits and encoding checked there
        String title = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return read(path.toString(), bytes, title);
    }

    /**
     * Reads BLT content already in memory.
     *
     * @param file         the name for error messages
     * @param defaultTitle the title where the file gives none
     */
    public static Contest read(String file, byte[] bytes, String defaultTitle) throws InputException {
        return new BltReader(file, bytes).parse(defaultTitle);
    }

    private Contest parse(String defaultTitle) throws InputException {
        if (!skipBlankLines()) {
            throw error(p, "a first line giving the number of candidates and seats", "an empty file");
        }
        int candidatesAt = p;
        long n = readNumber(CANDIDATES);
        candidateCount = n;
        if (n < 1 || n > MAX_CANDIDATES) {
            throw error(candidatesAt, "a number of candidates from 1 to " + MAX_CANDIDATES, "'" + n + "'");
        }
        if (atLineEnd()) {
            throw error(p, "the number of seats after the number of candidates", "end of line");
        }
        int seatsAt = p;
        long seats = readNumber(SEATS);
        if (seats < 1 || seats > n) {
            throw error(seatsAt, "a number of seats from 1 to the " + n + " candidates", "'" + seats + "'");
        }
        if (!atLineEnd()) {
            throw error(p, "end of line after the numbers of candidates and seats", token(p));
        }
        nextLine();
        int count = (int) n;
        boolean[] withdrawn = new boolean[count];
        if (skipBlankLines() && b[p] == '-') {
            readWithdrawn(withdrawn);
        }
        BallotBundles bundles = new BallotBundles(count);
        readBallots(count, bundles);
        BltNames names = BltNames.read(file, new String(b, p, end - p, charset()), line, count);
        List<Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BltNames.Named named = names.names().get(i);
            candidates.add(new Candidate(named.name(), named.party(), withdrawn[i]));
        }
        String title = names.title() == null ? defaultTitle : names.title();
        return new Contest(title, candidates, new Votes.Papers(bundles.ballots()), Map.of(), (int) seats);
    }

    // ---- the numbers: header, withdrawn line, ballots (the names after them: BltNames) ----

    private void readWithdrawn(boolean[] withdrawn) throws InputException {
        while (!atLineEnd()) {
            int at = p;
            long k = readNumber(WITHDRAWN);
            if (k == 0) {
                if (!atLineEnd()) {
                    throw error(p, "end of line after the 0 closing the withdrawn candidates", token(p));
                }
                break;
            }
            if (k > 0 || -k > withdrawn.length) {
                throw error(at, "a withdrawn candidate from -1 to -" + withdrawn.length, "'" + k + "'");
            }
            withdrawn[(int) (-k - 1)] = true;
        }
        nextLine();
    }

    /** Reads ballot lines up to the lone 0, each encoded as {@link BallotBundles} takes it. */
    private void readBallots(int n, BallotBundles bundles) throws InputException {
        int[] code = new int[16];
        while (true) {
            if (!skipBlankLines()) {
                throw error(p, "a ballot line or a lone 0 ending the ballots", "end of file");
            }
            int weightAt = p;
            long weight = readNumber(WEIGHT);
            if (weight == 0) {
                if (atLineEnd()) {
                    nextLine();
                    return;
                }
                throw error(weightAt, "a positive ballot weight (a lone 0 ends the ballots)",
                        "'0' followed by " + token(p));
            }
            if (weight < 0) {
                throw error(weightAt, "a positive ballot weight", "'" + weight + "'");
            }
            int count = 0;
            boolean joined = false;
            while (true) {
                if (atLineEnd()) {
                    if (joined) {
                        throw error(p, "a candidate number after '='", "end of line");
                    }
                    break; // some published files leave out the closing 0
                }
                if (b[p] == '=') {
                    throw error(p, "a candidate number before '='", "'='");
                }
                int at = p;
                long c = readNumber(PREFERENCE);
                if (c == 0) {
                    if (joined) {
                        throw error(at, "a candidate number after '='", "'0'");
                    }
                    if (!atLineEnd()) {
                        throw error(p, "end of line after the ballot's closing 0", token(p));
                    }
                    break;
                }
                if (c < 1 || c > n) {
                    throw error(at, "a candidate number from 1 to " + n, "'" + c + "'");
                }
                if (count == code.length) {
                    code = Arrays.copyOf(code, count * 2);
                }
                code[count++] = joined ? (int) -c : (int) c;
                skipSeparators();
                joined = p < end && b[p] == '=';
                if (joined) {
                    p++;
                }
            }
            if (!bundles.add(code, count, weight)) {
                throw error(weightAt, "a total number of papers below 2^63", "more");
            }
            nextLine();
        }
    }

    private static final int CANDIDATES = 0;
    private static final int SEATS = 1;
    private static final int WITHDRAWN = 2;
    private static final int WEIGHT = 3;
    private static final int PREFERENCE = 4;

    /** What a number in this place should be, for the message; built only when there is an error. */
    private String expected(int what) {
        return switch (what) {
            case CANDIDATES -> "the number of candidates";
            case SEATS -> "the number of seats";
            case WITHDRAWN -> "a withdrawn candidate as a negative number";
            case WEIGHT -> "a ballot line (weight, preferences, 0) or a lone 0 ending the ballots";
            default -> "a candidate number from 1 to " + candidateCount;
        };
    }

    /** Reads a whole number (optionally negative) ending at a separator, '=', '#' or line end. */
    private long readNumber(int what) throws InputException {
        int start = p;
        boolean negative = p < end && b[p] == '-';
        if (negative) {
            p++;
        }
        int digits = p;
        long v = 0;
        int d;
        while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
            v = v * 10 + d;
            p++;
        }
        if (p - digits > 18) {
            throw error(start, expected(what) + " below 10^18", token(start));
        }
        if (p == digits || p < end && !isDelimiter(b[p])) {
            throw error(start, expected(what), token(start));
        }
        return negative ? -v : v;
    }

    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n' || c == '=' || c == '#';
    }

    private void skipSeparators() {
        while (p < end) {
            byte c = b[p];
            if (c == ' ' || c == '\t' || c == ',' || c == '\r') {
                p++;
            } else if (c == '#') {
                while (p < end && b[p] != '\n') {
                    p++;
                }
            } else {
                return;
            }
        }
    }

    private boolean atLineEnd() {
        skipSeparators();
        return p >= end || b[p] == '\n';
    }

    /** Moves past the newline the position is at, if any. */
    private void nextLine() {
        if (p < end) {
            p++;
            line++;
            lineStart = p;
        }
    }

    /** Skips blank and comment lines; false at the end of the file. */
    private boolean skipBlankLines() {
        while (atLineEnd()) {
            if (p >= end) {
                return false;
            }
            nextLine();
        }
        return true;
    }

    /** The token starting at {@code at}, quoted for a message. */
    private String token(int at) {
        if (at >= end || b[at] == '\n' || b[at] == '\r') {
            return "end of line";
        }
        int e = at;
        while (e < end && e - at < 60 && b[e] != ' ' && b[e] != '\t' && b[e] != ',' && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        return InputException.quote(new String(b, at, e - at, charset()));
    }

    private InputException error(int at, String expected, String found) {
        int column = new String(b, lineStart, Math.max(0, Math.min(at, end) - lineStart), charset()).length() + 1;
        return new InputException(file, line, column, expected, found);
    }

    private Charset charsetCache;

    private Charset charset() {
        if (charsetCache == null) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, p, end - p));
                charsetCache = StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                charsetCache = Charset.forName("windows-1252");
            }
        }
        return charsetCache;
    }
}
