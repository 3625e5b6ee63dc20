package org.tallyroom.analysis.irregularity;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Stage;

/**
 * First past the post and the block vote from a count report: as {@link Irregularity}, the last
 * elected candidate against the highest not elected. Each paper affected could give one more vote to
 * that candidate, so the result could change (or tie) exactly when the papers reach the margin.
 */
final class PluralityBound {
    private PluralityBound() {
    }

    static CountCheck check(CountReport r, long affected) {
        Stage s = r.stages().get(0);
        List<Integer> losers = new ArrayList<>();
        for (int c = 0; c < r.candidates().size(); c++) {
            if (!r.elected().contains(c) && !r.candidates().get(c).withdrawn()) {
                losers.add(c);
            }
        }
        if (losers.isEmpty() || r.elected().isEmpty()) {
            return new CountCheck(r.title(), r.method(), affected, Outcome.UNCONTESTED, 0, -1,
                    List.of("No candidate was defeated."));
        }
        int last = r.elected().get(0);
        for (int e : r.elected()) {
            if (s.votesOf(e) < s.votesOf(last)) {
                last = e;
            }
        }
        int loser = losers.get(0);
        for (int l : losers) {
            if (s.votesOf(l) > s.votesOf(loser)) {
                loser = l;
            }
        }
        long margin = s.votesOf(last) - s.votesOf(loser);
        String who = r.candidates().get(last).name() + " (" + s.votesOf(last) + ") over "
                + r.candidates().get(loser).name() + " (" + s.votesOf(loser) + ")";
        Outcome o = affected < margin ? Outcome.CANNOT_CHANGE : affected == margin ? Outcome.COULD_TIE : Outcome.COULD_OVERTURN;
        return new CountCheck(r.title(), r.method(), affected, o, o == Outcome.CANNOT_CHANGE ? 0 : 1, margin,
                List.of("The last seat's margin is " + margin + ": " + who + ".",
                        "Each paper affected could add one vote to " + r.candidates().get(loser).name() + "; "
                                + affected + (affected < margin ? " is less than the margin."
                                : affected == margin ? " equals the margin: a tie, settled by lot."
                                : " exceeds the margin.")));
    }
}
