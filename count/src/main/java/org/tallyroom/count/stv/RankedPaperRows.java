package org.tallyroom.count.stv;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Votes;

/**
 * The valid ballot papers of a contest as flat arrays, read once for the NI, ERS97 and Meek counts.
 *
 * <p>Each distinct marking is one row: its usable preferences (read by the count's {@link PreferenceReader},
 * {@link PreferenceReader#STATUTORY} but in tests, so reading stops at a skipped number or an equal
 * ranking, which makes the rest of the paper non-transferable) with withdrawn candidates struck out, and its weight (how many papers carry it).
 * Rows never split in these counts: identical papers always travel together, so a row is the unit
 * of every transfer and nothing is allocated per paper.
 *
 * <p>A paper with no usable first preference is rejected: "no first preference" where rank 1 is
 * empty, "first preference for more than one candidate" where rank 1 names several. A paper whose
 * only preferences are for withdrawn candidates has no first preference left and is rejected as
 * "no first preference"; the count says so in a report note.
 */
final class RankedPaperRows {
    final int candidates;
    final int rows;
    /** Row r's preferences are {@code prefs[start[r]] .. prefs[start[r + 1] - 1]}. */
    final int[] start;
    final int[] prefs;
    final long[] weight;
    final long valid;
    final long rejected;
    final Map<RejectionReason, Long> byReason;
    final long onlyWithdrawn;

    private RankedPaperRows(int candidates, int rows, int[] start, int[] prefs, long[] weight, long valid,
                            Map<RejectionReason, Long> byReason, long onlyWithdrawn) {
        this.candidates = candidates;
        this.rows = rows;
        this.start = start;
        this.prefs = prefs;
        this.weight = weight;
        this.valid = valid;
        this.byReason = byReason;
        this.rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
        this.onlyWithdrawn = onlyWithdrawn;
    }

    static RankedPaperRows read(Contest contest, String method, PreferenceReader reader) {
        if (!(contest.votes() instanceof Votes.Papers papers)) {
            throw new CountException(method + " transfers preferences, so it needs ballot papers, not totals");
        }
        List<Candidate> cands = contest.candidates();
        int n = cands.size();
        boolean[] withdrawn = new boolean[n];
        for (int c = 0; c < n; c++) {
            withdrawn[c] = cands.get(c).withdrawn();
        }
        List<Ballot> ballots = papers.ballots();
        int[] start = new int[ballots.size() + 1];
        int[] prefs = new int[16];
        long[] weight = new long[ballots.size()];
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long valid = 0;
        long onlyWithdrawn = 0;
        int rows = 0;
        int used = 0;
        int[] read = new int[16];
        for (Ballot b : ballots) {
            if (read.length < b.rankCount()) {
                read = new int[Math.max(b.rankCount(), read.length * 2)];
            }
            int length = reader.read(b, b.rankCount(), null, read, 0);
            if (length <= 0) {
                RejectionReason why = length == PreferenceReader.SEVERAL_FIRST
                        ? RejectionReason.MULTIPLE_FIRST_PREFERENCES : RejectionReason.NO_FIRST_PREFERENCE;
                rejected.merge(why, b.weight(), Math::addExact);
                continue;
            }
            int kept = 0;
            for (int i = 0; i < length; i++) {
                int c = read[i];
                if (c < 0 || c >= n) {
                    throw new CountException("a ballot names candidate " + (c + 1) + " but there are " + n);
                }
                if (!withdrawn[c]) {
                    kept++;
                }
            }
            if (kept == 0) {
                rejected.merge(RejectionReason.NO_FIRST_PREFERENCE, b.weight(), Math::addExact);
                onlyWithdrawn += b.weight();
                continue;
            }
            if (used + kept > prefs.length) {
                prefs = java.util.Arrays.copyOf(prefs, Math.max(prefs.length * 2, used + kept));
            }
            for (int i = 0; i < length; i++) {
                int c = read[i];
                if (!withdrawn[c]) {
                    prefs[used++] = c;
                }
            }
            weight[rows] = b.weight();
            valid = Math.addExact(valid, b.weight());
            start[++rows] = used;
        }
        return new RankedPaperRows(n, rows, java.util.Arrays.copyOf(start, rows + 1), prefs,
                java.util.Arrays.copyOf(weight, rows), valid, rejected, onlyWithdrawn);
    }

    BallotSummary summary(Contest contest) {
        Map<RejectionReason, Long> all = BallotSummary.merge(contest.rejected(), byReason);
        long total = all.values().stream().mapToLong(Long::longValue).sum();
        return new BallotSummary(valid, total, rows, all);
    }

    /** Candidates standing (not withdrawn), checked against the seats to fill. */
    static int standing(Contest contest, int seats, String method) {
        if (seats < 1) {
            throw new CountException("no seats to fill: give --seats");
        }
        int standing = 0;
        for (Candidate c : contest.candidates()) {
            if (!c.withdrawn()) {
                standing++;
            }
        }
        if (standing < seats) {
            throw new CountException(seats + " seats but only " + standing + " candidates standing");
        }
        return standing;
    }
}
