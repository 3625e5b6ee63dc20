package org.tallyroom.count;

import java.util.Objects;

/**
 * One name on the ballot paper (or, for list methods, one party or independent list).
 *
 * @param name      the name as the input gives it, white space folded
 * @param party     the party where it is known or can be read from the name; empty if not
 * @param withdrawn withdrawn before the count (BLT's negative line): never counted, never elected
 */
public record Candidate(String name, String party, boolean withdrawn) {
    public Candidate {
        Objects.requireNonNull(name, "name");
        party = party == null ? "" : party;
    }

    public Candidate(String name, String party) {
        this(name, party, false);
    }

    /** Folds runs of white space to one space and trims the ends, as REPORT-FORMAT.md asks. */
    public static String fold(String raw) {
        // Regex \s white space (space, tab, line ends, vertical tab, form feed), folded by a loop:
        // every name of every file comes through here.
        String s = raw.strip();
        StringBuilder sb = new StringBuilder(s.length());
        boolean white = false;
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\013' || ch == '\f' || ch == '\r') {
                changed |= white || ch != ' ';
                white = true;
            } else {
                if (white) {
                    sb.append(' ');
                }
                white = false;
                sb.append(ch);
            }
        }
        return changed ? sb.toString() : s;
    }
}
