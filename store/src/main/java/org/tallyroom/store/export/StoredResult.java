package org.tallyroom.store.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;

/**
 * A ballot and its current result (if any), as the exporters and {@code show} read them.
 *
 * @param ballot  the ballot
 * @param current the current result version, or null
 */
public record StoredResult(BallotView ballot, ResultVersion current) {
    public Optional<ResultVersion> result() {
        return Optional.ofNullable(current);
    }

    /** Every ballot an election or ballot id names, with its current result; empty if none is stored. */
    public static List<StoredResult> load(Store store, String electionOrBallotId) {
        List<StoredResult> out = new ArrayList<>();
        for (String id : store.ballotIds(electionOrBallotId)) {
            out.add(new StoredResult(store.ballot(id).orElseThrow(), store.currentResult(id).orElse(null)));
        }
        return out;
    }
}
