package org.tallyroom.analysis.marginal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;

/**
 * Marginal seats: single-member seats ordered by the swing a challenger needs to take them.
 *
 * <p>The swing needed is half the winner's lead in share over the challenger's best candidate:
 * under a uniform Butler swing of exactly that size from holder to challenger the two tie, and any
 * more takes the seat (if no third candidate is ahead by then). It is the same measure as
 * {@link org.tallyroom.analysis.projection.Projection}'s uniform swing, so a target list and a
 * projection agree. Order: swing needed, smallest first; equal swings by majority in votes, then by
 * division name. Exact comparisons; the table shows 2 dp.
 */
public final class Marginals {
    private Marginals() {
    }

    /** Every seat by its winner's lead over the runner-up, most marginal first. */
    public static List<MarginalSeat> bySeat(Election election) {
        List<MarginalSeat> out = new ArrayList<>();
        for (ContestResult c : election.contests()) {
            List<CandidateVotes> order = single(c).byVotes();
            CandidateVotes winner = c.elected().get(0);
            Optional<CandidateVotes> second = order.stream().filter(v -> v != winner).findFirst();
            second.ifPresent(s -> out.add(seat(c, winner, s)));
        }
        return ranked(out);
    }

    /** Seats {@code party} does not hold but stood in, by the swing it needs, smallest first. */
    public static List<MarginalSeat> targets(Election election, String party) {
        List<MarginalSeat> out = new ArrayList<>();
        for (ContestResult c : election.contests()) {
            CandidateVotes winner = single(c).elected().get(0);
            if (winner.party().equals(party)) {
                continue;
            }
            c.byVotes().stream().filter(v -> v.party().equals(party)).findFirst()
                    .ifPresent(best -> out.add(seat(c, winner, best)));
        }
        return ranked(out);
    }

    /** Seats {@code party} holds, by the swing to the runner-up that would lose them, smallest first. */
    public static List<MarginalSeat> defences(Election election, String party) {
        return ranked(bySeat(election).stream().filter(s -> s.holder().equals(party)).toList());
    }

    private static ContestResult single(ContestResult c) {
        if (c.seats() != 1) {
            throw new IllegalArgumentException(c.divisionName() + " elects " + c.seats()
                    + "; marginals are for single-member seats");
        }
        return c;
    }

    private static MarginalSeat seat(ContestResult c, CandidateVotes winner, CandidateVotes challenger) {
        long gap = winner.votes() - challenger.votes();
        Fraction share = Fraction.share(gap, c.totalVotes());
        return new MarginalSeat(0, c.divisionId(), c.divisionName(), winner.party(), winner.name(),
                challenger.party(), gap, share, share.half());
    }

    private static List<MarginalSeat> ranked(List<MarginalSeat> seats) {
        List<MarginalSeat> sorted = new ArrayList<>(seats);
        sorted.sort(Comparator.comparing(MarginalSeat::swingNeeded).thenComparingLong(MarginalSeat::majorityVotes)
                .thenComparing(MarginalSeat::divisionName));
        List<MarginalSeat> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            MarginalSeat s = sorted.get(i);
            out.add(new MarginalSeat(i + 1, s.divisionId(), s.divisionName(), s.holder(), s.winner(), s.challenger(),
                    s.majorityVotes(), s.majorityShare(), s.swingNeeded()));
        }
        return out;
    }
}
