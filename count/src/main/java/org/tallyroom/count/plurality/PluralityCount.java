package org.tallyroom.count.plurality;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.count.Votes;

/**
 * The plurality count shared by first past the post and the block vote: each valid paper gives one
 * vote to each candidate marked; the {@code seats} highest totals are elected.
 *
 * <p>A paper marked for more candidates than there are seats is rejected whole ("voting for more
 * candidates than the voter is entitled to"); one marked for fewer is valid. Where an equality of
 * votes means the addition of a vote would entitle a candidate to be elected, the returning officer
 * decides by lot and the candidate on whom the lot falls is treated as having an additional vote
 * (RPA 1983 Sch 1 r.49; Local Elections (Principal Areas) Rules 2006 Sch 2 r.49): each draw elects
 * one candidate until the seats are filled.
 *
 * <p>The tally loop is the hot path for 10-million-paper counts: bundles are already distinct, so
 * the cost is one pass over distinct markings.
 */
final class PluralityCount {
    private PluralityCount() {
    }

    static CountReport count(String method, Contest contest, CountOptions options, int seats) {
        int n = contest.candidates().size();
        if (seats < 1) {
            throw new CountException("no seats to fill: give --seats");
        }
        long[] votes = new long[n];
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long valid;
        long distinct = 0;
        switch (contest.votes()) {
            case Votes.Tallies t -> {
                votes = t.votes();
                for (long v : votes) {
                    if (v < 0) {
                        throw new CountException("a candidate's votes are negative");
                    }
                }
                // Tallies record votes, not papers; the papers are unknown, so "valid" is the votes cast.
                valid = sum(votes);
            }
            case Votes.Papers p -> {
                valid = 0;
                for (Ballot b : p.ballots()) {
                    int[] marks = b.marks();
                    if (marks.length == 0) {
                        rejected.merge(RejectionReason.UNMARKED_OR_UNCERTAIN, b.weight(), Math::addExact);
                    } else if (marks.length > seats) {
                        rejected.merge(RejectionReason.TOO_MANY_VOTES, b.weight(), Math::addExact);
                    } else {
                        for (int c : marks) {
                            votes[c] = Math.addExact(votes[c], b.weight());
                        }
                        valid = Math.addExact(valid, b.weight());
                        distinct++;
                    }
                }
            }
            case Votes.SupplementaryTallies s ->
                throw new CountException(method + " counts votes per candidate, not first and second choices");
        }
        for (int c = 0; c < n; c++) {
            if (contest.candidates().get(c).withdrawn()) {
                votes[c] = 0;
            }
        }
        List<Integer> standing = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (!contest.candidates().get(c).withdrawn()) {
                standing.add(c);
            }
        }
        if (standing.size() < seats) {
            throw new CountException(seats + " seats but only " + standing.size() + " candidates standing");
        }
        final long[] totals = votes;
        standing.sort(Comparator.comparingLong((Integer c) -> -totals[c]));
        List<Integer> elected = new ArrayList<>(standing.subList(0, seats));
        List<Tie> ties = new ArrayList<>();
        if (seats < standing.size() && totals[standing.get(seats - 1)] == totals[standing.get(seats)]) {
            long tiedVotes = totals[standing.get(seats)];
            List<Integer> tied = new ArrayList<>();
            for (int c : standing) {
                if (totals[c] == tiedVotes) {
                    tied.add(c);
                }
            }
            tied.sort(Comparator.naturalOrder());
            elected.removeIf(tied::contains);
            Lot lot = Lot.of(options);
            while (elected.size() < seats) {
                List<Integer> between = List.copyOf(tied);
                int drawn = lot.draw(tied, contest.candidates());
                ties.add(new Tie(1, between, Tie.Resolution.LOT, drawn,
                        "which candidate the lot falls on, to be treated as having an additional vote and elected"));
                elected.add(drawn);
                tied.remove(Integer.valueOf(drawn));
            }
        }
        Map<RejectionReason, Long> allRejected = BallotSummary.merge(contest.rejected(), rejected);
        long rejectedTotal = allRejected.values().stream().mapToLong(Long::longValue).sum();
        Stage stage = new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, totals, 0, 0, elected, List.of(), "");
        return new CountReport(contest.title(), method, seats, 0, contest.candidates(),
                new BallotSummary(valid, rejectedTotal, distinct, allRejected), null, elected, List.of(stage), ties,
                options.seed(), options.lot(), List.of(), Map.of(), List.of());
    }

    private static long sum(long[] votes) {
        long s = 0;
        for (long v : votes) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
