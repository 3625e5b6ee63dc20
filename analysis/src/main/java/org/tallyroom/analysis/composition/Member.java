package org.tallyroom.analysis.composition;

/**
 * A seat holder.
 *
 * @param divisionId     the ward or constituency they sit for
 * @param name           their name; with the division, it identifies them in events
 * @param party          their party (after any defection)
 * @param whipSuspended  whether their party's whip is suspended: they then sit apart from the party,
 *                       in the group "party (whip suspended)", until it is restored
 */
public record Member(String divisionId, String name, String party, boolean whipSuspended) {
    /** The group the member is counted in: the party, or "party (whip suspended)". */
    public String group() {
        return whipSuspended ? party + " (whip suspended)" : party;
    }
}
