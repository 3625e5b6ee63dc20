package org.tallyroom.count.stv;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Rules;

/**
 * ERS97 STV: Electoral Reform Society, "How to conduct an election by the Single Transferable Vote",
 * 3rd edition (1997), sections 4-6. Figures to two decimal places.
 *
 * <ul>
 * <li>5.1.2, 6.9: invalid papers (no first preference, or one void for uncertainty) are set aside.</li>
 * <li>5.1.6: quota = total valid vote / (places + 1), taken to two decimal places; if not exact, the
 *     remainder ignored and 0.01 added. 5.4.8: while nobody is deemed elected, papers becoming
 *     non-transferable reduce the quota, recalculated the same way on the active vote.</li>
 * <li>5.1.7, 5.3.13, 5.4.9: in descending order of votes, deem elected each continuing candidate whose
 *     vote equals or exceeds the quota, or (where lower) the total active vote (6.20: continuing
 *     candidates' votes plus surpluses awaiting transfer) divided by one more than the places left, up
 *     to the places left. 5.6.2: candidates equal at the boundary are taken by their votes at the
 *     earliest point at which they differed; if equal throughout, none of them at that stage.</li>
 * <li>5.2.2: surpluses are deferred while their total does not exceed the gap between the two lowest,
 *     or between two or more lowest who could be excluded under 5.2.5 and the candidate next above.</li>
 * <li>5.2.3: largest surplus first; equal: the greater vote at the first point of difference, then lot.</li>
 * <li>5.3.1-5.3.7: a first-stage surplus examines all the candidate's papers, a later one only the
 *     batch last received; the transfer value is the surplus divided by the transferable papers, to
 *     two places, remainder ignored, if their value exceeds the surplus, else their present value.
 *     6.11: the ignored remainder is the "non-transferable difference" (reported as non-transferable
 *     and, alone, as {@code truncation_loss}).</li>
 * <li>5.2.5: exclude as many of the lowest together as possible while enough remain to fill the places
 *     and their total with deferred surpluses does not exceed the vote of the candidate next above
 *     (Tallyroom also requires the group to be strictly below that candidate, so that which candidates
 *     form it is never in doubt); equal lowest: fewest votes at the first point of difference, then lot.</li>
 * <li>5.4: all the excluded candidates' papers, in batches by value, highest first; candidates deemed
 *     elected after a batch receive no more papers (5.4.10). The exclusion is one stage (6.16); its
 *     transfer value is given where there was one batch.</li>
 * <li>5.5.1: a proposed exclusion that leaves as many continuing candidates as places elects them;
 *     5.5.2: when all places are filled the count stops.</li>
 * </ul>
 *
 * <p>"The earliest point in the count, after the transfer of a batch of papers" (5.2.3, 5.2.5, 5.6.2)
 * is taken over the totals after the first stage and after every batch, including each batch of an
 * exclusion.
 *
 * <p>The count itself is {@link Ers97Count}; what it shares with the other parcel-based STV text is in
 * {@link LastParcelCount}.
 */
public final class Ers97Stv implements Rules {
    private final PreferenceReader reader;

    public Ers97Stv() {
        this(PreferenceReader.STATUTORY);
    }

    /** Counts with another reading of the papers: for tests that check a wrong reading is caught. */
    public Ers97Stv(PreferenceReader reader) {
        this.reader = reader;
    }

    @Override
    public String method() {
        return "stv-ers97";
    }

    @Override
    public int decimals() {
        return 2;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        return new Ers97Count(method(), contest, options, reader).run(options);
    }
}
