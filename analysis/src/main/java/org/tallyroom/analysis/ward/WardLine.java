package org.tallyroom.analysis.ward;

import java.util.List;

/**
 * One ward (or postal pseudo-ward, or undivided area) of a wide-area contest.
 *
 * @param shares   every candidate, in the contest's order (highest overall first)
 * @param leaders  the candidate with most votes in the ward; more than one where level
 */
public record WardLine(String wardId, String wardName, long total, List<WardShare> shares, List<String> leaders) {
    public WardLine {
        shares = List.copyOf(shares);
        leaders = List.copyOf(leaders);
    }

    public WardShare share(String candidate) {
        return shares.stream().filter(s -> s.name().equals(candidate)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no candidate " + candidate + " in " + wardName));
    }
}
