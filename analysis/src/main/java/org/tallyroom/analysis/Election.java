package org.tallyroom.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One election of a body: a general election's constituencies, or a council's wards at one
 * ordinary election.
 *
 * @param name      for display: "General election 2019", "Barnet 2022"
 * @param contests  its contests, each division once
 */
public record Election(String name, List<ContestResult> contests) {
    public Election {
        Objects.requireNonNull(name, "name");
        contests = List.copyOf(contests);
        Set<String> ids = new HashSet<>();
        for (ContestResult c : contests) {
            if (!ids.add(c.divisionId())) {
                throw new IllegalArgumentException(name + ": division " + c.divisionId() + " (" + c.divisionName()
                        + ") appears twice");
            }
        }
    }

    /** Seats filled at this election, all contests together. */
    public int seats() {
        return contests.stream().mapToInt(ContestResult::seats).sum();
    }
}
