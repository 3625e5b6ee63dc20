package org.tallyroom.count.stv;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Rules;

/**
 * Northern Ireland STV: the Local Elections (Northern Ireland) Order 1985 (SI 1985/454), Schedule,
 * Part IV, rules 41-52 (the same rules count NI Assembly elections under the NI Assembly (Elections)
 * Order 2001). Figures to two decimal places.
 *
 * <ul>
 * <li>r.46: papers with no first preference, or a first preference for more than one candidate, are
 *     rejected and counted by reason. r.50(4): a paper whose next preference is unclear (an equal
 *     ranking, a skipped number) is non-transferable from that point.</li>
 * <li>r.48: quota = valid papers / (seats + 1), fraction disregarded, plus one; a candidate whose
 *     votes equal or exceed it is deemed elected at any stage.</li>
 * <li>r.49(1)-(4): a surplus on first preferences moves all the candidate's papers; the transfer value
 *     is the surplus divided by the transferable papers, to two decimal places, remainder ignored,
 *     and never more than the value the papers carry (so their total never exceeds the surplus).</li>
 * <li>r.49(5)-(7): a surplus arising from a transfer moves only the sub-parcel last received, at the
 *     lesser of that calculated value and the value at which the papers were received.</li>
 * <li>r.49(8), 50(2): each surplus transfer is a stage; the part of the surplus not transferred
 *     (non-transferable papers and the ignored remainder) is recorded as non-transferable. The report
 *     also gives the ignored remainders alone as {@code truncation_loss}.</li>
 * <li>r.49(10): surpluses not yet transferred are not transferred while their total is less than the
 *     gap between the two lowest continuing candidates, or between the total of two or more lowest
 *     and the candidate next above; the count goes to an exclusion instead.</li>
 * <li>r.50(1): the largest surplus first; equal surpluses: the candidate with more votes at the
 *     earliest stage at which they differed, then lot.</li>
 * <li>r.51: the lowest candidate is excluded (r.51(12): two or more together where their total with
 *     any surplus not transferred is less than the next lowest, never so many that fewer continuing
 *     candidates than vacancies would remain). Their first-preference papers move first as one
 *     sub-parcel (r.51(2)-(3)), then papers transferred to them, in sub-parcels by transfer value,
 *     highest first, each at the value it was received at (r.51(5)-(9)). Each sub-parcel is reported
 *     as its own stage, so a reader sees the totals r.51(10) asks to be recorded after each; a
 *     candidate reaching the quota during an exclusion is deemed elected and passed over by the later
 *     sub-parcels (r.48(3), "continuing candidate" in r.41). Surpluses so created wait until the
 *     exclusion is complete (r.51(11)).</li>
 * <li>r.51(13): equal lowest: the one lowest at the earliest stage at which they differed, then lot.</li>
 * <li>r.52: when continuing candidates equal the vacancies they are elected; with one vacancy, a
 *     candidate with at least all others' votes plus surpluses not transferred is elected; then no
 *     further transfer (r.52(3)).</li>
 * </ul>
 *
 * <p>With one vacancy there are no surpluses to transfer (r.49(11)): the first candidate to reach the
 * quota fills the seat, as r.52(2) would elect them too.
 *
 * <p>The count itself is {@link NorthernIrelandCount}; what it shares with the other parcel-based STV text is in
 * {@link LastParcelCount}.
 */
public final class NorthernIrelandStv implements Rules {
    private final PreferenceReader reader;

    public NorthernIrelandStv() {
        this(PreferenceReader.STATUTORY);
    }

    /** Counts with another reading of the papers: for tests that check a wrong reading is caught. */
    public NorthernIrelandStv(PreferenceReader reader) {
        this.reader = reader;
    }

    @Override
    public String method() {
        return "stv-ni";
    }

    @Override
    public int decimals() {
        return 2;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        return new NorthernIrelandCount(method(), contest, options, reader).run(options);
    }
}
