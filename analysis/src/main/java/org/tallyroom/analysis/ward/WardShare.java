package org.tallyroom.analysis.ward;

import org.tallyroom.analysis.Fraction;

/** A candidate's votes in one ward and share of the ward's votes. */
public record WardShare(String name, String party, long votes, Fraction share) {
}
