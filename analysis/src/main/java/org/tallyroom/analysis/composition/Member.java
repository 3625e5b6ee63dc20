package org.tallyroom.analysis.composition;

/**
 * A seat holder.
 *
 * @param divisionId the ward or constituency they sit for
 * @param name       their name; with the division, it identifies them in events
 * @param party      their party (after any defection or expulsion)
 * @param whip       whether they take their party's whip: a member whose whip is suspended, or who has
 *                   given it up, sits apart from the party, in the group "party (whip suspended)" or
 *                   "party (whip given up)", until the whip is restored
 */
public record Member(String divisionId, String name, String party, Whip whip) {
    /** A member's relation to their party's whip. */
    public enum Whip {
        TAKEN, SUSPENDED, GIVEN_UP
    }

    public Member {
        whip = whip == null ? Whip.TAKEN : whip;
    }

    /** A member taking the whip, or with it suspended. */
    public Member(String divisionId, String name, String party, boolean whipSuspended) {
        this(divisionId, name, party, whipSuspended ? Whip.SUSPENDED : Whip.TAKEN);
    }

    /** Whether the party has suspended the member's whip. */
    public boolean whipSuspended() {
        return whip == Whip.SUSPENDED;
    }

    /** The group the member is counted in: the party, or the party marked as sitting apart from it. */
    public String group() {
        return switch (whip) {
            case TAKEN -> party;
            case SUSPENDED -> party + " (whip suspended)";
            case GIVEN_UP -> party + " (whip given up)";
        };
    }
}
