package org.tallyroom.count.stv;

import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.Rules;

/**
 * Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules
 * 45-52, carried unchanged into the 2011 Order (SSI 2011/399). Used for every Scottish council
 * election since 2007. The statute text is in {@code docs/rules/scotland-2007-order-rules-45-52.txt}.
 *
 * <ul>
 *   <li>Rule 45: first preferences, one vote per paper; the valid papers are counted.</li>
 *   <li>Rule 46: quota = floor(valid papers / (seats + 1)) + 1, a whole number.</li>
 *   <li>Rule 47: a candidate whose votes equal or exceed the quota is elected.</li>
 *   <li>Rule 48: a surplus (votes above the quota) is transferred by sorting <em>all</em> the
 *       candidate's papers to their next available preference (the weighted inclusive Gregory
 *       method): each paper's new value is surplus &times; the paper's value when received /
 *       the candidate's total, to five decimal places, any remainder ignored. The truncated
 *       remainders are lost; the official reports show them inside "non-transferable", and so does
 *       this count, giving the loss on its own as well.</li>
 *   <li>Rule 49: the largest surplus goes first; equal surpluses are ordered by the most recent
 *       preceding stage at which the candidates' votes differed (highest first), then by lot.
 *       Surpluses are all transferred before anyone is excluded (rule 50(1)(a)).</li>
 *   <li>Rule 50: with no surplus left to transfer, the candidate with fewest votes is excluded and
 *       every one of their papers moves in one stage at the value it carries (rule 50(4)).</li>
 *   <li>Rule 51: equal lowest candidates: the one lowest at the most recent preceding stage at which
 *       they differed is excluded, then lot.</li>
 *   <li>Rule 52: once the continuing candidates number no more than the vacancies left, they are all
 *       elected and no further transfer is made.</li>
 * </ul>
 *
 * <p>Readings the statute leaves open, chosen to agree with the eight official stage reports in
 * {@code data/stv/official} and with the published reference counts:
 * <ul>
 *   <li>A surplus is transferred only where the votes <em>exceed</em> the quota (rule 48(1)); a
 *       candidate with exactly the quota has nothing to transfer.</li>
 *   <li>The last excluded candidate's papers are transferred before rule 52 elects the rest: rule 52
 *       applies only once the exclusion (rule 50(1)-(4)) is complete, as every official report does.</li>
 *   <li>Where three or more candidates tie and the earlier stage separates only some of them, the
 *       rule is applied again among those still level at that stage, looking further back, before
 *       resorting to lot. The statute speaks of two candidates; this is its natural extension.</li>
 *   <li>Withdrawn candidates (a BLT file's negative line) are passed over on every paper as if they
 *       had never stood. A paper naming no candidate still standing has no first preference and is
 *       rejected; one whose first rank names several candidates is rejected as a first preference
 *       for more than one. A paper's preferences stop at a rank that is empty or names several.</li>
 *   <li>Candidates elected at the same stage are listed by votes, most first (ballot-paper order
 *       where equal); those elected under rule 52 follow those elected with the quota.</li>
 * </ul>
 *
 * <p>Design: papers stay bundled (one row per distinct marking with a weight) and a bundle is never
 * split, because every paper in it has followed the same path and so carries the same value. Each
 * candidate holds a list of bundle indices; a transfer walks only the transferring candidate's list.
 * Values are scaled longs at 5 decimal places; see {@link ScottishStvCount}.
 */
public final class ScottishStv implements Rules {
    /** Rule 48(3): "the calculation being made to five decimal places". */
    public static final int DECIMALS = 5;

    private final PreferenceReader reader;

    public ScottishStv() {
        this(PreferenceReader.STATUTORY);
    }

    /** Counts with another reading of the papers: for tests that check a wrong reading is caught. */
    public ScottishStv(PreferenceReader reader) {
        this.reader = reader;
    }

    @Override
    public String method() {
        return "stv-scotland";
    }

    @Override
    public int decimals() {
        return DECIMALS;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        return new ScottishStvCount(method(), contest, options, reader).run();
    }
}
