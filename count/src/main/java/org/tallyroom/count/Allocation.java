package org.tallyroom.count;

/**
 * One seat given by a list method.
 *
 * @param seat     1 for the first list seat
 * @param party    the list (party or independent) given it
 * @param quotient the winning quotient, scaled to {@link #QUOTIENT_DECIMALS} places and truncated;
 *                 comparisons in the count are exact, this is for the reader
 * @param member   the person who takes the seat, where the count was given the party's list (or the
 *                 list is an individual candidate); else null
 */
public record Allocation(int seat, String party, long quotient, String member) {
    public static final int QUOTIENT_DECIMALS = 5;

    /** A seat given to a list whose members the count was not told. */
    public Allocation(int seat, String party, long quotient) {
        this(seat, party, quotient, null);
    }
}
