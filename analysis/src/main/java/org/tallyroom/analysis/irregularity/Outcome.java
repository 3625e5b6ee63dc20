package org.tallyroom.analysis.irregularity;

/** Whether a number of affected electors could have changed a winner's election. */
public enum Outcome {
    /** The margin is larger than the electors affected. */
    CANNOT_CHANGE("cannot change the result"),
    /** The margin equals the electors affected: they could have made a tie, to be decided by lot. */
    COULD_TIE("could change the result: the margin equals the electors affected, so they could have tied it"),
    /** The margin is smaller than the electors affected. */
    COULD_OVERTURN("could change the result: the electors affected outnumber the margin"),
    /**
     * Counts with stages (SV, STV): the check cannot prove the result safe, because the electors
     * affected could decide a stage (which candidates stay in, who is excluded, who reaches the quota).
     * It does not say they would have changed the result.
     */
    COULD_DECIDE("could change the result: not proven safe, as the electors affected could decide a stage of the count"),
    /** No bound is implemented for the count's method, so the result is not proven safe. */
    NOT_PROVEN("not proven: the check has no bound for this method, so it cannot say the result is safe"),
    /** No candidate was defeated: no votes could have changed it. */
    UNCONTESTED("uncontested: no defeated candidate");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True unless the result is proven safe (or uncontested). */
    public boolean couldChange() {
        return this == COULD_TIE || this == COULD_OVERTURN || this == COULD_DECIDE || this == NOT_PROVEN;
    }
}
