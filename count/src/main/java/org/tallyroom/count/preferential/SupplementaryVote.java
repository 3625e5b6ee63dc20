package org.tallyroom.count.preferential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Lot;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Rules;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * The supplementary vote, as the Mayor of London was elected 2000-2021 and directly elected mayors
 * and police and crime commissioners until 2024.
 *
 * <p>The count itself is statute: Greater London Authority Act 1999 Sch 2 Part I paras 2-4, and in
 * the same words Local Government Act 2000 Sch 2 paras 2-3 for local mayors. The conduct of the count
 * is in the Greater London Authority Elections Rules 2007 (SI 2007/3541) Sch 3, the Mayoral Election
 * Rules (r.50 rejected ballot papers, r.56 the second calculation and the equality of votes, r.57
 * declaration), and for local mayors the Local Authorities (Mayoral Elections) (England and Wales)
 * Regulations 2007 (SI 2007/1024) Sch 1 (r.48 rejected ballot papers, r.51 the first count and the
 * majority test, then the count of second preference votes).
 *
 * <ul>
 *   <li>A paper is void if it has no first preference vote (unmarked, or void for uncertainty as to
 *       the first preference) or more than one first preference vote (SI 2007/1024 Sch 1 r.48(1)(b),
 *       (d); SI 2007/3541 Sch 3 r.50). A paper with one first preference is valid as respects that
 *       vote whether or not a second preference is marked (r.48(3)); a second preference counts only
 *       if not more than one is marked. A second preference for the candidate given the first is no
 *       second preference for anyone else, so it too is lost; the paper keeps its first choice.</li>
 *   <li>A candidate with more than half of all the first preference votes is returned (para 2).</li>
 *   <li>Otherwise the two candidates with the most first preference votes remain in the contest; if an
 *       equality of first preference votes makes three or more qualified to remain, all of them
 *       remain (para 4(2), (3)); the others are eliminated (para 4(4)).</li>
 *   <li>Second preferences for a remaining candidate on papers whose first preference was for none of
 *       the remaining candidates are added to that candidate's first preferences (para 4(5), (6)).
 *       The rest of the eliminated candidates' papers are non-transferable.</li>
 *   <li>The remaining candidate with the greatest total is returned; an equality is decided by lot by
 *       the returning officer (para 4(7), (8); SI 2007/3541 Sch 3 r.56(4)).</li>
 * </ul>
 *
 * <p>The statute leaves no tie to the lot in deciding who stays in: every candidate level for a
 * qualifying place remains (para 4(3)). Where no one is eliminated (two candidates, or everyone
 * level), there is no second count and an equality at the top is decided by lot at stage 1.
 *
 * <p>Given ballot papers, rank 1 is the first preference and rank 2 the second; later ranks are
 * ignored. Given a declaration ({@link Votes.SupplementaryTallies}), the second preferences are the
 * ones the declaration says were added to each remaining candidate.
 */
public final class SupplementaryVote implements Rules {
    private final PreferenceReader reader;

    public SupplementaryVote() {
        this(PreferenceReader.STATUTORY);
    }

    /** Counts with another reading of the papers: for tests that check a wrong reading is caught. */
    public SupplementaryVote(PreferenceReader reader) {
        this.reader = reader;
    }

    @Override
    public String method() {
        return "sv";
    }

    @Override
    public int decimals() {
        return 0;
    }

    @Override
    public CountReport count(Contest contest, CountOptions options) {
        if (options.seats() > 1) {
            throw new CountException("the supplementary vote fills one seat, not " + options.seats());
        }
        int n = contest.candidates().size();
        if (n == 0) {
            throw new CountException("no candidates");
        }
        if (contest.candidates().stream().anyMatch(c -> c.withdrawn())) {
            throw new CountException("a candidate is marked withdrawn; at a supplementary vote election"
                    + " withdrawals close before the ballot papers are printed, so remove the candidate");
        }
        Tally tally = switch (contest.votes()) {
            case Votes.Papers p -> Tally.ofPapers(p.ballots(), n, reader);
            case Votes.SupplementaryTallies s -> Tally.ofDeclaration(s);
            case Votes.Tallies t -> throw new CountException(
                    "sv needs first and second preferences: give ballot papers or a declaration (candidate,party,first,second)");
        };
        long valid = 0;
        for (long v : tally.first) {
            valid = Math.addExact(valid, v);
        }
        List<Stage> stages = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Lot lot = Lot.of(options);
        List<Integer> elected = new ArrayList<>();

        int majority = -1;
        for (int c = 0; c < n; c++) {
            if (tally.first[c] > valid - tally.first[c]) {
                majority = c;
            }
        }
        List<Integer> remaining = remainInContest(tally.first);
        if (majority >= 0) {
            elected.add(majority);
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, tally.first, 0, 0,
                    List.of(majority), List.of(), "more than half of the first preference votes"));
            if (tally.declaration && anyPositive(tally.second)) {
                notes.add("The declaration's second preferences were not needed: a candidate had more than half"
                        + " of the first preference votes.");
            }
        } else if (remaining.size() == n) {
            // No one is eliminated: all level at the top, or only two candidates. The equality is decided now.
            int winner = decideByLot(remaining, tally.first, 1, lot, contest, ties);
            elected.add(winner);
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, tally.first, 0, 0,
                    List.of(winner), List.of(), ""));
        } else {
            List<Integer> eliminated = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!remaining.contains(c)) {
                    eliminated.add(c);
                }
            }
            String note = remaining.size() > 2
                    ? "an equality of first preference votes qualifies " + remaining.size() + " candidates to remain"
                    : "";
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, tally.first, 0, 0,
                    List.of(), List.of(), note));
            long[] totals = new long[n];
            long moved = 0;
            long eliminatedPapers = 0;
            long[] second = tally.secondFor(remaining, contest);
            for (int c : eliminated) {
                eliminatedPapers += tally.first[c];
            }
            for (int c : remaining) {
                totals[c] = Math.addExact(tally.first[c], second[c]);
                moved += second[c];
            }
            long nonTransferable = eliminatedPapers - moved;
            if (nonTransferable < 0) {
                throw new CountException("the second preferences added (" + moved + ") exceed the papers of the"
                        + " eliminated candidates (" + eliminatedPapers + ")");
            }
            long top = Long.MIN_VALUE;
            for (int c : remaining) {
                top = Math.max(top, totals[c]);
            }
            List<Integer> level = new ArrayList<>();
            for (int c : remaining) {
                if (totals[c] == top) {
                    level.add(c);
                }
            }
            int winner = level.size() == 1 ? level.get(0) : decideByLot(level, totals, 2, lot, contest, ties);
            elected.add(winner);
            stages.add(new Stage(2, StageKind.SECOND_PREFERENCES, eliminated, null, totals, nonTransferable, 0,
                    List.of(winner), eliminated, ""));
        }
        Map<RejectionReason, Long> rejected = BallotSummary.merge(contest.rejected(), tally.rejected);
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport(contest.title(), method(), 1, 0, contest.candidates(),
                new BallotSummary(valid, rejectedTotal, tally.distinct, rejected), null, elected, stages, ties,
                options.seed(), options.lot(), List.of(), Map.of(), notes);
    }

    /** Para 4(2), (3): the top two, and everyone level with the second. */
    static List<Integer> remainInContest(long[] first) {
        long best = Long.MIN_VALUE;
        long second = Long.MIN_VALUE;
        for (long v : first) {
            if (v > best) {
                second = best;
                best = v;
            } else if (v > second) {
                second = v;
            }
        }
        long cut = first.length == 1 ? best : second;
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < first.length; c++) {
            if (first[c] >= cut) {
                out.add(c);
            }
        }
        return out;
    }

    private static int decideByLot(List<Integer> among, long[] totals, int stage, Lot lot, Contest contest,
                                   List<Tie> ties) {
        long top = Long.MIN_VALUE;
        for (int c : among) {
            top = Math.max(top, totals[c]);
        }
        List<Integer> level = new ArrayList<>();
        for (int c : among) {
            if (totals[c] == top) {
                level.add(c);
            }
        }
        if (level.size() == 1) {
            return level.get(0);
        }
        int drawn = lot.draw(level, contest.candidates());
        ties.add(new Tie(stage, level, Tie.Resolution.LOT, drawn, "which candidate is to be returned"));
        return drawn;
    }

    private static boolean anyPositive(long[] values) {
        for (long v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * First preferences per candidate and, per first-preference candidate, second preferences: the
     * count needs {@code pairs[first][second]} to know which second choices transfer.
     */
    private static final class Tally {
        final long[] first;
        final long[] second;
        final long[][] pairs;
        final Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        final boolean declaration;
        long distinct;

        private Tally(long[] first, long[] second, long[][] pairs, boolean declaration) {
            this.first = first;
            this.second = second;
            this.pairs = pairs;
            this.declaration = declaration;
        }

        static Tally ofDeclaration(Votes.SupplementaryTallies s) {
            long[] first = s.first();
            long[] second = s.second();
            for (int c = 0; c < first.length; c++) {
                if (first[c] < 0 || second[c] < 0) {
                    throw new CountException("a candidate's first or second preferences are negative");
                }
            }
            return new Tally(first, second, null, true);
        }

        /** pairs[f][s] = papers with first preference f and valid second preference s; s == n for none. */
        static Tally ofPapers(List<Ballot> ballots, int n, PreferenceReader reader) {
            Tally t = new Tally(new long[n], new long[n], new long[n][n + 1], false);
            int[] read = new int[2];
            for (Ballot b : ballots) {
                long w = b.weight();
                if (b.rankCount() == 0) {
                    t.rejected.merge(RejectionReason.UNMARKED_OR_UNCERTAIN, w, Math::addExact);
                    continue;
                }
                // Ranks 1 and 2 only: a second preference that is unclear, or for the first choice, is none.
                int got = reader.read(b, 2, null, read, 0);
                if (got <= 0) {
                    t.rejected.merge(got == PreferenceReader.SEVERAL_FIRST ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                            : RejectionReason.NO_FIRST_PREFERENCE, w, Math::addExact);
                    continue;
                }
                int f = read[0];
                int s = got > 1 ? read[1] : n;
                t.first[f] = Math.addExact(t.first[f], w);
                t.pairs[f][s] = Math.addExact(t.pairs[f][s], w);
                t.distinct++;
            }
            return t;
        }

        /** Para 4(5): second preferences for each remaining candidate from papers whose first is eliminated. */
        long[] secondFor(List<Integer> remaining, Contest contest) {
            int n = first.length;
            if (pairs == null) {
                for (int c = 0; c < n; c++) {
                    if (second[c] != 0 && !remaining.contains(c)) {
                        throw new CountException("the declaration gives second preferences to "
                                + contest.candidates().get(c).name() + ", who does not remain in the contest");
                    }
                }
                return second.clone();
            }
            boolean[] in = new boolean[n];
            for (int c : remaining) {
                in[c] = true;
            }
            long[] out = new long[n];
            for (int f = 0; f < n; f++) {
                if (in[f]) {
                    continue;
                }
                for (int s = 0; s < n; s++) {
                    if (in[s]) {
                        out[s] = Math.addExact(out[s], pairs[f][s]);
                    }
                }
            }
            return out;
        }
    }
}
