package org.tallyroom.analysis.contest;

import org.tallyroom.analysis.Fraction;

/**
 * A party's change in share between two contests for the same division (share 0 where it did not
 * stand).
 *
 * @param change after minus before, as a proportion (0.0154 is 1.54 points)
 */
public record ShareChange(String party, Fraction before, Fraction after, Fraction change, boolean stoodBefore,
                          boolean stoodAfter) {
}
