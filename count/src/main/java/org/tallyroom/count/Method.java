package org.tallyroom.count;

import java.util.Objects;

/**
 * One counting method as the rest of Tallyroom needs to know it: its id, the name a reader sees, its
 * kind, what a count of it needs and what a declared result publishes. {@link Methods} holds every
 * one; code outside the engine asks these questions here rather than matching method ids.
 *
 * @param id          the id used on the command line, in reports and in the store ({@code stv-scotland})
 * @param displayName the method as a declaration or a results page names it
 * @param kind        the family of voting system
 * @param counts      what a count needs as input
 * @param publishes   the votes a declared result gives each candidate
 * @param rules       the counting rules
 */
public record Method(String id, String displayName, Kind kind, Input counts, Published publishes, Rules rules) {
    public Method {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(publishes, "publishes");
        if (!rules.method().equals(id)) {
            throw new IllegalArgumentException("rules for " + rules.method() + " registered as " + id);
        }
    }

    /** The family of voting system. */
    public enum Kind {
        /** One vote per candidate marked; the highest totals win (first past the post, the block vote). */
        PLURALITY,
        /** Preferences, one seat, no transfer of surplus (the supplementary vote, AV). */
        PREFERENTIAL,
        /** The single transferable vote: preferences, quota, surpluses and exclusions. */
        STV,
        /** Party lists by highest averages (D'Hondt, Sainte-Laguë, the additional member system). */
        LIST
    }

    /** What a count of the method needs. */
    public enum Input {
        /** Each candidate's (or list's) votes, or papers read for every mark on them. */
        TOTALS,
        /** First and second choices: papers, or a declaration of first choices and second choices added. */
        FIRST_AND_SECOND_CHOICES,
        /** Ballot papers with every preference: totals cannot be transferred. */
        RANKED_PAPERS
    }

    /** The votes a declared result publishes for each candidate. */
    public enum Published {
        /** The candidate's votes (plurality: the only stage; list methods: the list's votes). */
        VOTES(false),
        /** The candidate's votes at the final round, after transfers (SV, AV). */
        FINAL_ROUND(false),
        /** The candidate's first preferences; the stages are in the full report (STV). */
        FIRST_PREFERENCES(true);

        private final boolean firstStage;

        Published(boolean firstStage) {
            this.firstStage = firstStage;
        }

        /** The report stage whose totals are these votes: the first stage, or else the last. */
        public Stage stageOf(CountReport report) {
            return firstStage ? report.stages().get(0) : report.lastStage();
        }
    }
}
