package org.tallyroom.count.rcv;

import java.util.List;

/**
 * A ranked-choice contest as cast vote records give it.
 *
 * @param title      the contest's name
 * @param candidates candidate names in the config's order; the undeclared write-ins, where there are
 *                   any, are one more "candidate" at {@code writeIns}
 * @param excluded   candidates the config excludes from the count (never continuing)
 * @param writeIns   index of the undeclared write-ins, or -1
 * @param ballots    the cast vote records; {@code ranks[r]} holds the candidates given rank r + 1
 *                   (empty: rank skipped; several: an overvote; {@link #OVERVOTE}: the CVR's own
 *                   overvote mark)
 */
public record RcvContest(String title, List<String> candidates, boolean[] excluded, int writeIns,
                         List<int[][]> ballots) {
    /** A rank the cast vote record itself marks as overvoted (an ES&S "overvote" cell). */
    public static final int OVERVOTE = -2;

    public RcvContest {
        candidates = List.copyOf(candidates);
        excluded = excluded.clone();
        ballots = List.copyOf(ballots);
        if (excluded.length != candidates.size()) {
            throw new IllegalArgumentException("one excluded flag per candidate");
        }
    }

    @Override
    public boolean[] excluded() {
        return excluded.clone();
    }
}
