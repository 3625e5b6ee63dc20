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
        return raw.strip().replaceAll("\\s+", " ");
    }
}
