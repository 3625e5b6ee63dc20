package org.tallyroom.analysis.projection;

import org.tallyroom.analysis.Fraction;

/** A candidate's share in one seat, actual and projected. */
public record ProjectedShare(String name, String party, Fraction actual, Fraction projected) {
}
