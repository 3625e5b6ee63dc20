package org.tallyroom.analysis.irregularity;

/** Whether a number of affected electors could have changed a winner's election. */
public enum Outcome {
    /** The margin is larger than the electors affected. */
    CANNOT_CHANGE("cannot change the result"),
    /** The margin equals the electors affected: they could have made a tie, to be decided by lot. */
    COULD_TIE("could change the result: the margin equals the electors affected, so they could have tied it"),
    /** The margin is smaller than the electors affected. */
    COULD_OVERTURN("could change the result: the electors affected outnumber the margin"),
    /** No candidate was defeated: no votes could have changed it. */
    UNCONTESTED("uncontested: no defeated candidate");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for a tie or an overturn. */
    public boolean couldChange() {
        return this == COULD_TIE || this == COULD_OVERTURN;
    }
}
