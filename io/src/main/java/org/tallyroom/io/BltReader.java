package org.tallyroom.io;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        Names names = readNames(count);
        List<Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Named named = names.names.get(i);
            candidates.add(new Candidate(named.name, named.party, withdrawn[i]));
        }
        String title = names.title == null ? defaultTitle : names.title;
        return new Contest(title, candidates, new Votes.Papers(bundles.ballots()), Map.of(), (int) seats);
    }

    // ---- the numeric part: header, withdrawn line, ballots ----

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

    // ---- the text part: names and title ----

    private record Item(String text, long line, int column) { }

    /** One candidate as named: the name and the party given beside it (empty where none is). */
    private record Named(String name, String party, Item at) { }

    private record Names(List<Named> names, String title) { }

    /**
     * Reads the names and the title. Each line holds one name, bare or quoted; the councils' form
     * {@code "Name" "Party"} (two quoted fields) is one candidate and their party. Quoted names may
     * also share a line ({@code "A" "B"}), as some writers put them. The two readings of a line with
     * two quoted fields are told apart by counting: when the lines are exactly the candidates and a
     * title, each line is one candidate; otherwise, when the fields are exactly the candidates (and
     * perhaps a title), each field is a name; otherwise, when the lines are exactly the candidates,
     * each is one candidate with no title after them. Anything else is refused at the first field
     * that does not fit.
     */
    private Names readNames(int n) throws InputException {
        String rest = new String(b, p, end - p, charset());
        List<List<Item>> lines = new ArrayList<>();
        Map<Integer, String> alternative = new TreeMap<>();
        long ln = line;
        for (String raw : rest.split("\n", -1)) {
            String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int i = 0;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                ln++;
                continue;
            }
            if (text.charAt(i) == '#') {
                alternativeName(text.substring(i + 1), alternative);
            } else if (text.charAt(i) == '"') {
                List<Item> fields = new ArrayList<>(2);
                quoted(text, i, ln, fields);
                lines.add(fields);
            } else {
                lines.add(List.of(new Item(Candidate.fold(text), ln, i + 1)));
            }
            ln++;
        }
        List<Item> items = new ArrayList<>();
        lines.forEach(items::addAll);
        boolean paired = lines.stream().anyMatch(l -> l.size() == 2)
                && lines.stream().allMatch(l -> l.size() <= 2);
        List<Named> names = new ArrayList<>(n);
        String title = null;
        if (paired && lines.size() == n + 1 && lines.get(n).size() == 1) {
            byLine(lines, n, names);
            title = lines.get(n).get(0).text;
        } else if (items.size() >= n && items.size() <= n + 1 || !paired && items.size() > n + 1) {
            for (int i = 0; i < n; i++) {
                Item it = items.get(i);
                names.add(new Named(it.text, partyOf(it.text), it));
            }
            title = items.size() > n ? items.get(n).text : null;
            if (items.size() > n + 1) {
                Item extra = items.get(n + 1);
                throw new InputException(file, extra.line, extra.column, "end of file after the title",
                        InputException.quote(extra.text));
            }
        } else if (paired && lines.size() == n) {
            byLine(lines, n, names);
        } else if (items.size() < n && !coversAll(alternative, n)) {
            throw new InputException(file, ln - 1, 0, n + " candidate names (one a line, after the 0 ending"
                    + " the ballots)", items.isEmpty() ? "none" : "only " + items.size());
        } else if (items.size() < n) {
            alternative.values().forEach(a -> names.add(new Named(a, partyOf(a), null)));
            title = items.size() == 1 ? items.get(0).text : null;
            if (items.size() > 1) {
                throw new InputException(file, items.get(1).line, items.get(1).column, "end of file after the title",
                        InputException.quote(items.get(1).text));
            }
        } else if (lines.size() > n + 1) {
            // Lines of "Name" "Party": more of them than the candidates and a title.
            Item extra = lines.get(n + 1).get(0);
            throw new InputException(file, extra.line, extra.column, "end of file after the title",
                    InputException.quote(extra.text));
        } else if (lines.size() == n + 1) {
            Item extra = lines.get(n).get(1);
            throw new InputException(file, extra.line, extra.column, "end of line after the title",
                    InputException.quote(extra.text));
        } else {
            Item last = lines.get(lines.size() - 1).get(0);
            throw new InputException(file, last.line, 0, n + " candidates, one a line (\"Name\" or \"Name\" \"Party\"),"
                    + " after the 0 ending the ballots", "only " + lines.size() + " lines");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Named named = names.get(i);
            long l = named.at == null ? line : named.at.line;
            int col = named.at == null ? 0 : named.at.column;
            if (named.name.isEmpty()) {
                throw new InputException(file, l, col, "the name of candidate " + (i + 1), "an empty name");
            }
            if (!seen.add(named.name)) {
                throw new InputException(file, l, col, "each candidate named once",
                        InputException.quote(named.name) + " a second time");
            }
        }
        return new Names(names, title);
    }

    /** The first n lines, each one candidate: a name alone, or {@code "Name" "Party"}. */
    private static void byLine(List<List<Item>> lines, int n, List<Named> into) {
        for (int i = 0; i < n; i++) {
            List<Item> l = lines.get(i);
            Item name = l.get(0);
            String party = l.size() == 2 ? l.get(1).text : "";
            into.add(new Named(name.text, party.isEmpty() ? partyOf(name.text) : party, name));
        }
    }

    /** Reads one or more quoted strings on a line; {@code ""} inside is one quote. */
    private void quoted(String text, int start, long ln, List<Item> items) throws InputException {
        int i = start;
        while (true) {
            StringBuilder sb = new StringBuilder();
            int open = i++;
            while (true) {
                if (i >= text.length()) {
                    throw new InputException(file, ln, i + 1, "a closing quote for the one at column " + (open + 1),
                            "end of line");
                }
                char c = text.charAt(i++);
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        break;
                    }
                } else {
                    sb.append(c);
                }
            }
            items.add(new Item(Candidate.fold(sb.toString()), ln, open + 1));
            while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) == '#') {
                return;
            }
            if (text.charAt(i) != '"') {
                throw new InputException(file, ln, i + 1, "end of line after the closing quote",
                        InputException.quote(text.substring(i)));
            }
        }
    }

    /** Records {@code # ALTERNATIVE NAME k: Name} comments (Glasgow 2007 files carry names only so). */
    private static void alternativeName(String comment, Map<Integer, String> into) {
        String s = comment.strip();
        String prefix = "ALTERNATIVE NAME ";
        if (!s.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return;
        }
        int i = prefix.length();
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits || i >= s.length() || s.charAt(i) != ':' || i - digits > 6) {
            return;
        }
        into.put(Integer.parseInt(s.substring(digits, i)), Candidate.fold(s.substring(i + 1)));
    }

    private static boolean coversAll(Map<Integer, String> alternative, int n) {
        if (alternative.size() != n) {
            return false;
        }
        for (int k = 1; k <= n; k++) {
            if (!alternative.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The party where the name shows one: {@code Name (Party)}, {@code Name "Party"}, or
     * {@code Party "Forename SURNAME"} (a single word before a quoted name of several words, as
     * Aberdeen, Angus, Clackmannanshire and Dumfries &amp; Galloway publish them). Empty otherwise.
     */
    static String partyOf(String name) {
        int len = name.length();
        if (len > 2 && name.charAt(len - 1) == ')') {
            int depth = 0;
            for (int i = len - 1; i >= 0; i--) {
                char c = name.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    String party = name.substring(i + 1, len - 1).strip();
                    return i > 0 && !name.substring(0, i).isBlank() ? party : "";
                }
            }
            return "";
        }
        if (len > 2 && name.charAt(len - 1) == '"') {
            int open = name.lastIndexOf('"', len - 2);
            if (open <= 0) {
                return "";
            }
            String before = name.substring(0, open).strip();
            String inside = name.substring(open + 1, len - 1).strip();
            if (before.isEmpty() || inside.isEmpty() || before.indexOf('"') >= 0) {
                return "";
            }
            boolean partyFirst = before.indexOf(' ') < 0 && inside.indexOf(' ') >= 0;
            return partyFirst ? before : inside;
        }
        return "";
    }
}
