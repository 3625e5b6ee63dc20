package org.tallyroom.store.analysis;

import java.time.LocalDate;
import java.util.List;
import org.tallyroom.analysis.Election;

/**
 * An election (group or organisation election) loaded from the store: its ordinary contests with
 * results, ready for the analysis.
 *
 * @param electionId    the election's id
 * @param name          its stored name
 * @param date          polling day
 * @param contests      each ordinary ballot with a result (or cancelled as uncontested), by ballot id
 * @param withoutResult ordinary ballots stored without a result, left out of the analysis
 */
public record StoredElection(String electionId, String name, LocalDate date, List<StoredContest> contests,
                             List<String> withoutResult) {
    public StoredElection {
        contests = List.copyOf(contests);
        withoutResult = List.copyOf(withoutResult);
    }

    /** The analysis's view: every contest, named after the stored election. */
    public Election election() {
        return new Election(name, contests.stream().map(StoredContest::result).toList());
    }
}
