package org.tallyroom.count;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately wrong {@link PreferenceReader}: the production reading with one bug planted, an empty
 * rank skipped instead of stopping the paper there. Handed to each count, it must make the
 * differential test of that count report a mismatch; if it did not, the differential test would not
 * be checking how papers are read.
 */
public final class MutatedReading {
    private MutatedReading() {
    }

    public static final PreferenceReader SKIPS_EMPTY_RANKS = (paper, ranks, passOver, out, from) ->
            PreferenceReader.STATUTORY.read(withoutEmptyRanks(paper), ranks, passOver, out, from);

    private static Ballot withoutEmptyRanks(Ballot paper) {
        List<int[]> kept = new ArrayList<>();
        for (int r = 0; r < paper.rankCount(); r++) {
            if (paper.atRank(r).length > 0) {
                kept.add(paper.atRank(r));
            }
        }
        return new Ballot(kept.toArray(new int[0][]), paper.weight());
    }
}
