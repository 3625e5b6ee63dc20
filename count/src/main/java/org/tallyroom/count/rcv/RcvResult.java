package org.tallyroom.count.rcv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;

/**
 * An RCTab count's outcome: its rounds as RCTab reports them, and the same count as a Tallyroom
 * {@link CountReport} (one stage per round).
 *
 * @param contest  what was counted
 * @param rules    the rules it was counted by
 * @param rounds   the rounds, first choices first
 * @param winners  candidate indices in the order elected
 * @param ties     every tie settled
 * @param distinct distinct rankings among the ballots
 */
public record RcvResult(RcvContest contest, RcvRules rules, List<RcvRound> rounds, List<Integer> winners,
                        List<Tie> ties, long distinct) {
    /** The method id in reports. */
    public static final String METHOD = "rctab";

    public RcvResult {
        rounds = List.copyOf(rounds);
        winners = List.copyOf(winners);
        ties = List.copyOf(ties);
    }

    /** Ballots read, including those that rank nobody. */
    public long totalBallots() {
        return contest.ballots().size();
    }

    /** Ballots that rank nobody (RCTab's "undervotes"). */
    public long noRankings() {
        long one = scale();
        return rounds.isEmpty() ? 0 : rounds.get(0).inactive(Inactive.NO_RANKINGS) / one;
    }

    /** 10 to the rules' decimal places. */
    public long scale() {
        long p = 1;
        for (int i = 0; i < rules.decimals(); i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * The count as a Tallyroom report: stage k is round k; its subject is whoever was eliminated or
     * elected (surplus) in round k - 1, whose ballots moved in it. Votes are 0 for candidates out of
     * the count. Non-transferable is every inactive ballot's value plus the residual surplus (the
     * latter also as truncation loss); ballots ranking nobody are rejected as unmarked.
     */
    public CountReport toCountReport(List<String> notes) {
        List<Candidate> candidates = new ArrayList<>();
        boolean[] excluded = contest.excluded();
        for (int c = 0; c < contest.candidates().size(); c++) {
            candidates.add(new Candidate(contest.candidates().get(c), "", excluded[c]));
        }
        List<Stage> stages = new ArrayList<>();
        boolean thresholdMoves = rounds.stream().map(RcvRound::threshold).distinct().count() > 1;
        for (RcvRound r : rounds) {
            List<Integer> subject = new ArrayList<>();
            StageKind kind = StageKind.FIRST_PREFERENCES;
            if (r.number() > 1) {
                RcvRound before = rounds.get(r.number() - 2);
                subject.addAll(before.elected());
                subject.addAll(before.eliminated());
                kind = !before.elected().isEmpty() ? StageKind.SURPLUS
                        : rules.winners() == 1 ? StageKind.ELIMINATION : StageKind.EXCLUSION;
            }
            long[] votes = r.tally();
            boolean[] in = r.inTally();
            for (int c = 0; c < votes.length; c++) {
                votes[c] = in[c] ? votes[c] : 0;
            }
            List<Integer> excludedHere = r.number() > 1 ? rounds.get(r.number() - 2).eliminated() : List.of();
            String note = thresholdMoves ? "threshold " + org.tallyroom.count.Fixed.format(r.threshold(), rules.decimals()) : "";
            stages.add(new Stage(r.number(), kind, subject, null, votes, r.inactiveTotal() + r.residual(), r.residual(),
                    r.elected(), excludedHere, note));
        }
        long unmarked = noRankings();
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        if (unmarked > 0) {
            rejected.put(RejectionReason.UNMARKED_OR_UNCERTAIN, unmarked);
        }
        Long quota = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).threshold();
        return new CountReport(contest.title(), METHOD, rules.winners(), rules.decimals(), candidates,
                new BallotSummary(totalBallots() - unmarked, unmarked, distinct, rejected), quota, winners, stages,
                ties, rules.tiebreakMode().needsSeed() ? rules.randomSeed() : 0, List.of(), List.of(), Map.of(), notes);
    }
}
