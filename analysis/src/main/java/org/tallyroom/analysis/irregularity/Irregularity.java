package org.tallyroom.analysis.irregularity;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;

/**
 * Could an irregularity have changed the result? The question an election court asks under the
 * Representation of the People Act 1983 s.23(3) and s.48(1): an election is not avoided for a
 * breach of the rules if it was conducted substantially in accordance with the law and the breach
 * did not affect the result.
 *
 * <p>The arithmetic test: each elector affected (turned away, sent the wrong paper, left off the
 * register) could have given one vote to the nearest defeated candidate. So a winner's election
 * could have changed when the electors affected are at least the winner's margin over the highest
 * candidate not elected. At exactly the margin they could have tied it, and a tie is decided by lot
 * (Parliamentary Elections Rules r.49), so it counts as could-change, and the result says it was a
 * tie. Where votes were wrongly counted for the winner rather than withheld, each would move the
 * margin by two; the caller can pass twice the number to test that.
 */
public final class Irregularity {
    private Irregularity() {
    }

    public static IrregularityCheck check(ContestResult contest, long affected) {
        if (affected < 0) {
            throw new IllegalArgumentException("electors affected must be 0 or more, found " + affected);
        }
        List<CandidateVotes> losers = contest.notElected();
        List<WinnerCheck> out = new ArrayList<>();
        boolean any = false;
        for (CandidateVotes w : contest.elected()) {
            if (losers.isEmpty()) {
                out.add(new WinnerCheck(w.name(), w.party(), "", 0, affected, 0, Outcome.UNCONTESTED));
                continue;
            }
            CandidateVotes loser = losers.get(0);
            long margin = w.votes() - loser.votes();
            long diff = affected - margin;
            Outcome outcome = diff < 0 ? Outcome.CANNOT_CHANGE : diff == 0 ? Outcome.COULD_TIE : Outcome.COULD_OVERTURN;
            any |= outcome.couldChange();
            out.add(new WinnerCheck(w.name(), w.party(), loser.name(), margin, affected, diff, outcome));
        }
        return new IrregularityCheck(contest.divisionId(), contest.divisionName(), affected, any, out);
    }
}
