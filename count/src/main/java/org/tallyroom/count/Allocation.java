package org.tallyroom.count;

/**
 * One seat given by a list method.
 *
 * @param seat     1 for the first list seat
 * @param party    the list (party or independent) given it
 * @param quotient the winning quotient, scaled to {@link #QUOTIENT_DECIMALS} places and truncated;
 *                 comparisons in the count are exact, this is for the reader
 */
public record Allocation(int seat, String party, long quotient) {
    public static final int QUOTIENT_DECIMALS = 5;
}
