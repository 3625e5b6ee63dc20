package org.tallyroom.count;

import java.util.List;

/**
 * A tie the count had to settle, and how.
 *
 * @param stage      the stage at which it arose
 * @param between    the tied candidates
 * @param resolvedBy how it was settled
 * @param chosen     the candidate the decision fell on (the one excluded, elected or kept, as
 *                   {@code question} says)
 * @param question   what was decided, in words ("which candidate to exclude")
 */
public record Tie(int stage, List<Integer> between, Resolution resolvedBy, int chosen, String question) {
    public Tie {
        between = List.copyOf(between);
    }

    public enum Resolution {
        /** Looked back to the most recent stage at which the tied candidates' totals differed. */
        EARLIER_STAGE("earlier-stage"),
        /** The candidate with more votes (list methods: the party with more votes). */
        MOST_VOTES("most-votes"),
        /** Drawn by lot: seeded, or as supplied by the returning officer. */
        LOT("lot");

        private final String id;

        Resolution(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
