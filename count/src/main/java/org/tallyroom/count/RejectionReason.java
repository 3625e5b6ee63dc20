package org.tallyroom.count;

/**
 * Statutory reasons for rejecting a ballot paper at the count (RPA 1983 Sch 1 r.47; Local Elections
 * (Principal Areas) Rules 2006 r.46; SV and STV rules add the preference reasons).
 */
public enum RejectionReason {
    WANT_OF_OFFICIAL_MARK("want-of-official-mark", "want of an official mark"),
    TOO_MANY_VOTES("too-many-votes", "voting for more candidates than the voter was entitled to"),
    IDENTIFIABLE("identifiable", "writing or mark by which the voter could be identified"),
    UNMARKED_OR_UNCERTAIN("unmarked-or-uncertain", "being unmarked or wholly void for uncertainty"),
    NO_FIRST_PREFERENCE("no-first-preference", "no first preference (or first choice) marked"),
    MULTIPLE_FIRST_PREFERENCES("multiple-first-preferences", "first preference for more than one candidate");

    private final String id;
    private final String statutoryText;

    RejectionReason(String id, String statutoryText) {
        this.id = id;
        this.statutoryText = statutoryText;
    }

    /** The stable identifier used in JSON and CSV. */
    public String id() {
        return id;
    }

    /** The reason as the statute words it, for declarations. */
    public String statutoryText() {
        return statutoryText;
    }
}
