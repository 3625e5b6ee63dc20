package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Stage;

/** Checks every Scottish STV report must pass, whatever the contest. */
final class ScottishStvReportChecks {
    private ScottishStvReportChecks() {
    }

    /** Every stage balances: candidate totals + non-transferable = valid votes. */
    static void assertBalanced(CountReport r) {
        long valid = Fixed.of(r.ballots().valid(), 5);
        for (Stage s : r.stages()) {
            assertThat(s.candidateTotal() + s.nonTransferable()).as(r.title() + " stage " + s.number() + " balances")
                    .isEqualTo(valid);
            assertThat(s.truncationLoss()).as("truncation loss within non-transferable")
                    .isBetween(0L, s.nonTransferable());
        }
    }
}
