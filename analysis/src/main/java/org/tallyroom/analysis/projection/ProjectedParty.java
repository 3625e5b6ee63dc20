package org.tallyroom.analysis.projection;

/** A party's seats at the base election and under the projection. */
public record ProjectedParty(String party, int actual, int projected, int change) {
}
