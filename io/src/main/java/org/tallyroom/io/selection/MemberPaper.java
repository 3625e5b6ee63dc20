package org.tallyroom.io.selection;

import java.util.List;
import java.util.Objects;

/**
 * One member's ballot paper as returned.
 *
 * @param line    the line of the ballots file
 * @param number  the membership number on the paper
 * @param ranking the names in preference order as marked: index 0 is the first preference; a blank
 *                entry is a preference left out (trailing blanks removed)
 */
public record MemberPaper(long line, String number, List<String> ranking) {
    public MemberPaper {
        Objects.requireNonNull(number, "number");
        ranking = List.copyOf(ranking);
    }
}
