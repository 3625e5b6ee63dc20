package org.tallyroom.analysis.council;

/**
 * What a council's gains and losses are measured against, always shown beside them.
 */
public enum ComparisonBasis {
    /** The same wards (same ids, same seats) at the previous election: gains and losses ward by ward. */
    BY_WARD("by ward: same wards as at the previous election"),
    /** New wards against notional previous results supplied for them: gains and losses ward by ward. */
    NOTIONAL("against notional previous results for the new wards"),
    /** New wards and no notional results: only each party's change in total seats, no gains or losses. */
    WHOLE_COUNCIL("whole-council change in seats: boundaries changed and no notional results were given");

    private final String description;

    ComparisonBasis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
