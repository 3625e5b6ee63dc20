package org.tallyroom.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Tie;
import org.tallyroom.io.report.ReportJson;

/**
 * Turns a count Tallyroom made into a {@link Declaration}: each candidate's votes (exact, at the
 * method's decimals), who was elected, ties settled and the full report. The votes stored are those
 * results are published with: for STV, first preferences (later stages' totals are in the stored
 * report, and an excluded candidate's final total of nil says nothing of their support); for every
 * other method, the totals at the last stage (the final round of SV and AV). People are
 * known only by name, so each is keyed to this ballot ({@link Person#onBallot}); parties by the label
 * the input gives.
 */
public final class CountedResult {
    private CountedResult() {
    }

    public static Declaration declaration(BallotSpec ballot, CountReport report, ResultStatus status) {
        String ballotId = ballot.id().toString();
        Set<Integer> elected = new HashSet<>(report.elected());
        List<Declaration.Entry> entries = new ArrayList<>();
        List<Candidate> cands = report.candidates();
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            BigDecimal votes = publishedVotes(report, i);
            entries.add(new Declaration.Entry(Person.onBallot(ballotId, c.name()),
                    c.party().isBlank() ? null : Party.named(c.party()), c.name(), null, votes, elected.contains(i), null,
                    tieNote(report, i)));
        }
        BallotSummary b = report.ballots();
        Turnout turnout = new Turnout(null, null, BigDecimal.valueOf(b.valid()), b.rejected(), b.byReason());
        return new Declaration(ballot, entries, status, turnout, report.decimals(), report.method(),
                ReportJson.toJson(report), null);
    }

    /**
     * As {@link #declaration(BallotSpec, CountReport, ResultStatus)}, with the people and parties the
     * source knows (one each per candidate, in the report's order; a null party for an independent) and
     * the ballot paper account the source gives.
     */
    public static Declaration declaration(BallotSpec ballot, CountReport report, ResultStatus status, List<Person> people,
                                          List<Party> parties, Turnout turnout) {
        List<Candidate> cands = report.candidates();
        if (people.size() != cands.size() || parties.size() != cands.size()) {
            throw new IllegalArgumentException(ballot.id() + ": " + people.size() + " people and " + parties.size()
                    + " parties for " + cands.size() + " candidates");
        }
        Set<Integer> elected = new HashSet<>(report.elected());
        List<Declaration.Entry> entries = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            BigDecimal votes = publishedVotes(report, i);
            entries.add(new Declaration.Entry(people.get(i), parties.get(i), cands.get(i).name(), null, votes,
                    elected.contains(i), null, tieNote(report, i)));
        }
        return new Declaration(ballot, entries, status, turnout, report.decimals(), report.method(),
                ReportJson.toJson(report), null);
    }

    /** The votes a result is published with: STV first preferences, else the last stage's totals. */
    public static BigDecimal publishedVotes(CountReport report, int candidate) {
        long scaled = Methods.publishes(report.method()).stageOf(report).votesOf(candidate);
        return BigDecimal.valueOf(scaled, report.decimals());
    }

    /** A sentence for each tie the candidate was in, as the report records it; null if none. */
    public static String tieNote(CountReport report, int candidate) {
        StringBuilder sb = new StringBuilder();
        for (Tie t : report.ties()) {
            if (t.between().contains(candidate)) {
                sb.append(sb.isEmpty() ? "" : "; ").append("stage ").append(t.stage()).append(": ").append(t.question())
                        .append(", settled by ").append(t.resolvedBy().id()).append(t.chosen() == candidate ? " (chosen)" : "");
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
