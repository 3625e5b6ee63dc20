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
import org.tallyroom.store.id.ElectionId;

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
        List<Person> people = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (Candidate c : report.candidates()) {
            people.add(Person.onBallot(ballotId, c.name()));
            parties.add(c.party().isBlank() ? null : Party.named(c.party()));
        }
        BallotSummary b = report.ballots();
        Turnout turnout = new Turnout(null, null, BigDecimal.valueOf(b.valid()), b.rejected(), b.byReason());
        return build(ballot, report, status, people, parties, null, null, turnout, null);
    }

    /**
     * As {@link #declaration(BallotSpec, CountReport, ResultStatus)}, with the people and parties the
     * source knows (one each per candidate, in the report's order; a null party for an independent) and
     * the ballot paper account the source gives.
     */
    public static Declaration declaration(BallotSpec ballot, CountReport report, ResultStatus status, List<Person> people,
                                          List<Party> parties, Turnout turnout) {
        return build(ballot, report, status, people, parties, null, null, turnout, null);
    }

    /**
     * A count of figures entered for a stored ballot (results entry): the candidates as stored (people,
     * parties, names on the ballot paper, list positions, in ballot-paper order, which is the report's),
     * the account given, and the reason for a correction.
     */
    public static Declaration declaration(BallotView ballot, CountReport report, ResultStatus status, Turnout turnout,
                                          String reason) {
        List<Person> people = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> lists = new ArrayList<>();
        for (BallotView.Candidate c : ballot.candidates()) {
            people.add(new Person(c.personKey(), c.name(), null, null));
            parties.add(party(c));
            names.add(c.name());
            lists.add(c.listPosition());
        }
        return build(spec(ballot), report, status, people, parties, names, lists, turnout, reason);
    }

    /** The same figures as a stored version of a stored ballot, with another status (provisional -> declared). */
    public static Declaration fromVersion(BallotView ballot, ResultVersion v, ResultStatus status, String reason) {
        List<Declaration.Entry> entries = new ArrayList<>();
        for (ResultVersion.Figures f : v.candidates()) {
            BallotView.Candidate c = f.candidate();
            entries.add(new Declaration.Entry(new Person(c.personKey(), c.name(), null, null), party(c), c.name(),
                    c.listPosition(), f.votes(), f.elected(), f.rank(), f.tieBreakNote()));
        }
        return new Declaration(spec(ballot), entries, status, v.turnout(), v.decimals(), v.countMethod(),
                v.countReport(), reason);
    }

    /** A stored ballot as a spec to declare it again. */
    public static BallotSpec spec(BallotView b) {
        return new BallotSpec(ElectionId.parse(b.ballotId()), b.name(), null, b.division(), b.gss(), null, null, b.seats(),
                b.votingSystem(), b.cancelled());
    }

    private static Party party(BallotView.Candidate c) {
        return c.party() == null ? null : new Party(c.partyEcId(), c.party(), c.partyAbbreviation());
    }

    /** The one path from a count report and the figures around it to a declaration. */
    private static Declaration build(BallotSpec ballot, CountReport report, ResultStatus status, List<Person> people,
                                     List<Party> parties, List<String> names, List<Integer> listPositions, Turnout turnout,
                                     String reason) {
        List<Candidate> cands = report.candidates();
        if (people.size() != cands.size() || parties.size() != cands.size()) {
            throw new IllegalArgumentException(ballot.id() + ": " + people.size() + " people and " + parties.size()
                    + " parties for " + cands.size() + " candidates");
        }
        Set<Integer> elected = new HashSet<>(report.elected());
        List<Declaration.Entry> entries = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            entries.add(new Declaration.Entry(people.get(i), parties.get(i), names == null ? cands.get(i).name() : names.get(i),
                    listPositions == null ? null : listPositions.get(i), publishedVotes(report, i), elected.contains(i), null,
                    tieNote(report, i)));
        }
        return new Declaration(ballot, entries, status, turnout, report.decimals(), report.method(),
                ReportJson.toJson(report), reason);
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
