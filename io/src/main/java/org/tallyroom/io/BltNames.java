package org.tallyroom.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tallyroom.count.Candidate;

/**
 * The text part of a BLT file, after the 0 that ends the ballots: the candidates' names (with the
 * parties they show) and the title ({@link BltReader} reads the numbers before it).
 *
 * @param names the candidates in order
 * @param title the title, or null where the file gives none
 */
record BltNames(List<BltNames.Named> names, String title) {
    /** Reads the names of {@code n} candidates and the title from {@code rest}, which starts at line {@code firstLine} of {@code file}. */
    static BltNames read(String file, String rest, long firstLine, int n) throws InputException {
        return new Reader(file, rest, firstLine, n).readNames();
    }

    /** One candidate as named: the name and the party given beside it (empty where none is). */
    record Named(String name, String party, Item at) { }

    /** A name or title as written, and where: for messages. */
    record Item(String text, long line, int column) { }

    /** One reading of a names section: the file (for messages), its text, its first line, the number of candidates. */
    private static final class Reader {
        private final String file;
        private final String rest;
        private final long line;
        private final int n;

        Reader(String file, String rest, long line, int n) {
            this.file = file;
            this.rest = rest;
            this.line = line;
            this.n = n;
        }

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
        private BltNames readNames() throws InputException {
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
            return new BltNames(names, title);
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
