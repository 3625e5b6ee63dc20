package org.tallyroom.analysis.contest;

import org.tallyroom.analysis.Fraction;

/**
 * A party's vote and share in one contest, under the summary's {@link PartyShareConvention}.
 *
 * @param candidates how many candidates the party stood
 */
public record PartyLine(String party, int candidates, long votes, Fraction share) {
}
