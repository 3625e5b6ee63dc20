package org.tallyroom.analysis.contest;

import org.tallyroom.analysis.Fraction;

/**
 * Butler (two-party) swing between parties A and B from one contest to a later one:
 * <pre>  swing = ((A_after - A_before) - (B_after - B_before)) / 2</pre>
 * in share points, each share under the same {@link PartyShareConvention}. A positive value is a
 * swing from B to A, a negative one a swing from A to B: it is the change in A's lead over B,
 * halved, so a swing of s would turn a lead of 2s into a tie.
 *
 * @param partyA   party A
 * @param partyB   party B
 * @param points   the swing as a proportion (0.0073 is 0.73 points), positive towards A
 * @param towards  the party the swing is to (A if positive, B if negative); empty for none
 * @param from     the party the swing is from; empty for none
 */
public record Swing(String partyA, String partyB, Fraction points, String towards, String from) {
    /** The swing from the two parties' changes in share. */
    public static Swing of(String a, Fraction changeA, String b, Fraction changeB) {
        Fraction s = changeA.minus(changeB).half();
        return new Swing(a, b, s, s.signum() > 0 ? a : s.signum() < 0 ? b : "", s.signum() > 0 ? b
                : s.signum() < 0 ? a : "");
    }

    /** The size of the swing, whichever way. */
    public Fraction size() {
        return points.signum() < 0 ? points.negate() : points;
    }
}
