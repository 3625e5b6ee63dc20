package org.tallyroom.count;

import java.util.List;

/** What a count is given: ballot papers, or totals already counted. */
public sealed interface Votes {

    /** Individual ballot papers, bundled by identical marking. */
    record Papers(List<Ballot> ballots) implements Votes {
        public Papers {
            ballots = List.copyOf(ballots);
        }
    }

    /** Totals per candidate (or per party list), in candidate order. */
    record Tallies(long[] votes) implements Votes {
        public Tallies {
            votes = votes.clone();
        }

        @Override
        public long[] votes() {
            return votes.clone();
        }
    }

    /**
     * A supplementary-vote declaration's figures: first choices per candidate and, for papers whose
     * first choice was eliminated, the second choices for each candidate that were transferable.
     * {@code second[c]} is only read for the two candidates left in.
     */
    record SupplementaryTallies(long[] first, long[] second) implements Votes {
        public SupplementaryTallies {
            if (first.length != second.length) {
                throw new IllegalArgumentException("first and second choice columns differ in length");
            }
            first = first.clone();
            second = second.clone();
        }

        @Override
        public long[] first() {
            return first.clone();
        }

        @Override
        public long[] second() {
            return second.clone();
        }
    }
}
