package org.tallyroom.analysis.composition;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that changes a body's membership between ordinary elections. Members are named by
 * division and name, as the body's records would.
 */
public sealed interface Event {
    LocalDate date();

    /** The division it concerns. */
    String divisionId();

    /** Why a member's seat fell vacant. */
    enum Cause {
        RESIGNATION("resigned"), DEATH("died"), DISQUALIFICATION("disqualified");

        private final String verb;

        Cause(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** A member leaves their seat: resignation, death or disqualification. The seat is vacant until filled. */
    record Vacancy(LocalDate date, String divisionId, String member, Cause cause) implements Event {
        public Vacancy {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** A by-election fills a vacant seat in the division. */
    record ByElection(LocalDate date, String divisionId, String winner, String party) implements Event {
        public ByElection {
            Objects.requireNonNull(date, "date");
        }
    }

    /** A member changes party (to "Ind" to sit as an independent); any whip suspension ends with it. */
    record Defection(LocalDate date, String divisionId, String member, String toParty) implements Event {
        public Defection {
            Objects.requireNonNull(date, "date");
        }
    }

    /** A member's party suspends the whip: they stop counting for the party. */
    record WhipSuspended(LocalDate date, String divisionId, String member) implements Event {
        public WhipSuspended {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * A member is expelled from their party: they sit as an independent ("Ind") from then on, unlike a
     * whip suspension, which keeps their party membership.
     */
    record Expulsion(LocalDate date, String divisionId, String member) implements Event {
        public Expulsion {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * A member gives up (resigns) their party's whip of their own accord: they stay a member of the
     * party but sit apart from it, as with a suspension, until the whip is restored.
     */
    record WhipGivenUp(LocalDate date, String divisionId, String member) implements Event {
        public WhipGivenUp {
            Objects.requireNonNull(date, "date");
        }
    }

    /** A suspended or given-up whip is restored (retaken). */
    record WhipRestored(LocalDate date, String divisionId, String member) implements Event {
        public WhipRestored {
            Objects.requireNonNull(date, "date");
        }
    }
}
