package org.tallyroom.count;

import java.util.List;

/**
 * One stage of a count: the position after it. All vote figures are scaled integers at the
 * report's number of decimal places (see {@link CountReport#decimals()}).
 *
 * @param number          1 for first preferences
 * @param kind            what the stage did
 * @param subject         candidates whose surplus or exclusion this stage transferred
 * @param transferValue   the transfer value applied, where the stage had a single one; else null
 * @param votes           every candidate's total at the end of the stage, in candidate order
 * @param nonTransferable papers (or value) exhausted so far, including truncation loss where the
 *                        rules fold it in, as official reports do
 * @param truncationLoss  value lost so far by truncating to the rules' precision
 * @param elected         candidates elected at this stage, in order
 * @param excluded        candidates excluded at this stage
 * @param note            a sentence on anything a reader should know (deferred surplus, ...); may be empty
 */
public record Stage(int number, StageKind kind, List<Integer> subject, Long transferValue, long[] votes,
                    long nonTransferable, long truncationLoss, List<Integer> elected, List<Integer> excluded,
                    String note) {
    public Stage {
        subject = List.copyOf(subject);
        votes = votes.clone();
        elected = List.copyOf(elected);
        excluded = List.copyOf(excluded);
        note = note == null ? "" : note;
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    /** One candidate's total without copying the array. */
    public long votesOf(int candidate) {
        return votes[candidate];
    }

    /** Sum of all candidates' totals at this stage. */
    public long candidateTotal() {
        long sum = 0;
        for (long v : votes) {
            sum += v;
        }
        return sum;
    }
}
