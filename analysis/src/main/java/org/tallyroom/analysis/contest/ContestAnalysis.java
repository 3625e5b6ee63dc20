package org.tallyroom.analysis.contest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Fraction;

/**
 * One contest, alone and against the previous contest for the same division: winners, majority,
 * shares, turnout, change in share and Butler swing.
 *
 * <p>An STV count's stored votes are its first preferences, from which no majority follows; where its
 * report is at hand the summary says how close the last seat was instead ({@link LastSeat}).
 *
 * <p>Shares are exact {@link Fraction}s. A candidate's share is over all votes cast for all
 * candidates; a party's follows the {@link PartyShareConvention} (by default
 * {@link PartyShareConvention#of} the contest, or of both compared contests, so both sides of a
 * comparison are counted alike). The majority over valid papers needs the valid
 * papers: always known for one seat (one vote per paper), only where given for a multi-member ward,
 * whose votes outnumber its papers.
 */
public final class ContestAnalysis {
    private ContestAnalysis() {
    }

    /** The summary under the contest's default convention. */
    public static ContestSummary summarise(ContestResult contest) {
        return summarise(contest, PartyShareConvention.of(contest));
    }

    public static ContestSummary summarise(ContestResult contest, PartyShareConvention convention) {
        return summarise(contest, convention, Optional.empty());
    }

    /**
     * The summary under the contest's default convention, with its count's last seat where the contest
     * is an STV count's first preferences (and nothing else to say of its majority).
     */
    public static ContestSummary summarise(ContestResult contest, Optional<LastSeat> lastSeat) {
        return summarise(contest, PartyShareConvention.of(contest),
                contest.firstPreferences() ? lastSeat : Optional.empty());
    }

    private static ContestSummary summarise(ContestResult contest, PartyShareConvention convention,
                                            Optional<LastSeat> lastSeat) {
        long total = contest.totalVotes();
        List<CandidateVotes> elected = contest.elected();
        List<CandidateLine> lines = contest.byVotes().stream()
                .map(c -> new CandidateLine(c.name(), c.party(), c.votes(), Fraction.share(c.votes(), total),
                        elected.contains(c)))
                .toList();
        return new ContestSummary(contest.divisionId(), contest.divisionName(), contest.seats(), total,
                contest.electorate(), contest.validPapers(), contest.rejectedPapers(), turnout(contest),
                validVoteTurnout(contest), lines, elected.stream().map(CandidateVotes::name).toList(),
                majority(contest), convention, parties(contest, convention), contest.firstPreferences(), lastSeat);
    }

    /**
     * The majority: last elected over first not elected. Empty where every candidate was elected, and for
     * the first preferences of an STV count (a candidate can be elected on transfers from behind).
     * Where the input flags winners on equal votes with a loser (lot), the majority is 0.
     */
    public static Optional<Majority> majority(ContestResult contest) {
        List<CandidateVotes> elected = contest.elected();
        List<CandidateVotes> losers = contest.notElected();
        if (losers.isEmpty() || elected.isEmpty() || contest.firstPreferences()) {
            return Optional.empty();
        }
        CandidateVotes last = elected.get(elected.size() - 1);
        CandidateVotes first = losers.get(0);
        long gap = last.votes() - first.votes();
        OptionalLong valid = contest.validPapers();
        Optional<Fraction> share = valid.isPresent() && valid.getAsLong() > 0
                ? Optional.of(Fraction.of(gap, valid.getAsLong())) : Optional.empty();
        return Optional.of(new Majority(gap, share, last.name(), first.name()));
    }

    /** Each party's vote and share under {@code convention}, highest first (then by name). */
    public static List<PartyLine> parties(ContestResult contest, PartyShareConvention convention) {
        Map<String, long[]> byParty = new LinkedHashMap<>(); // {votes, candidates}
        for (CandidateVotes c : contest.candidates()) {
            long[] v = byParty.computeIfAbsent(c.party(), k -> new long[2]);
            v[0] = convention == PartyShareConvention.TOP_CANDIDATE ? Math.max(v[0], c.votes())
                    : Math.addExact(v[0], c.votes());
            v[1]++;
        }
        long whole = byParty.values().stream().mapToLong(v -> v[0]).sum();
        List<PartyLine> out = new ArrayList<>();
        byParty.forEach((party, v) -> out.add(new PartyLine(party, (int) v[1], v[0], Fraction.share(v[0], whole))));
        out.sort(Comparator.comparingLong(PartyLine::votes).reversed().thenComparing(PartyLine::party));
        return out;
    }

    /** The contest against the previous one for the same division, under the default convention. */
    public static ContestChange compare(ContestResult after, ContestResult before) {
        return compare(after, before, PartyShareConvention.of(after, before));
    }

    public static ContestChange compare(ContestResult after, ContestResult before, PartyShareConvention convention) {
        if (!after.divisionId().equals(before.divisionId())) {
            throw new IllegalArgumentException("comparing different divisions: " + after.divisionId() + " ("
                    + after.divisionName() + ") against " + before.divisionId() + " (" + before.divisionName() + ")");
        }
        Map<String, Fraction> then = shares(parties(before, convention));
        Map<String, Fraction> now = shares(parties(after, convention));
        List<ShareChange> changes = new ArrayList<>();
        for (String party : union(now, then)) {
            Fraction a = now.getOrDefault(party, Fraction.ZERO);
            Fraction b = then.getOrDefault(party, Fraction.ZERO);
            changes.add(new ShareChange(party, b, a, a.minus(b), then.containsKey(party), now.containsKey(party)));
        }
        changes.sort(Comparator.comparing(ShareChange::after).reversed().thenComparing(ShareChange::before,
                Comparator.reverseOrder()).thenComparing(ShareChange::party));
        return new ContestChange(after.divisionId(), after.divisionName(), verdict(after, before), convention, changes);
    }

    /** Butler swing between {@code a} and {@code b} from {@code before} to {@code after}; positive is to a. */
    public static Swing swing(ContestResult after, ContestResult before, String a, String b) {
        return compare(after, before).swing(a, b);
    }

    private static Map<String, Fraction> shares(List<PartyLine> lines) {
        Map<String, Fraction> m = new LinkedHashMap<>();
        lines.forEach(l -> m.put(l.party(), l.share()));
        return m;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(out::add);
        return out;
    }

    private static String verdict(ContestResult after, ContestResult before) {
        if (!after.winnersKnown() || !before.winnersKnown()) {
            return "winners not known: a tie for the last seat, and none flagged elected";
        }
        Map<String, Integer> now = seatsByParty(after);
        Map<String, Integer> then = seatsByParty(before);
        if (after.seats() == 1 && before.seats() == 1) {
            String winner = now.keySet().iterator().next();
            String was = then.keySet().iterator().next();
            return winner.equals(was) ? winner + " hold" : winner + " gain from " + was;
        }
        return describe(now) + (now.equals(then) ? " (no change)" : " (was " + describe(then) + ")");
    }

    private static Map<String, Integer> seatsByParty(ContestResult contest) {
        return contest.elected().stream()
                .collect(Collectors.toMap(CandidateVotes::party, c -> 1, Integer::sum, TreeMap::new));
    }

    private static String describe(Map<String, Integer> seats) {
        return seats.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Optional<Fraction> turnout(ContestResult c) {
        if (c.electorate().isEmpty() || c.validPapers().isEmpty() || c.rejectedPapers().isEmpty()
                || c.electorate().getAsLong() == 0) {
            return Optional.empty();
        }
        return Optional.of(Fraction.of(c.validPapers().getAsLong() + c.rejectedPapers().getAsLong(),
                c.electorate().getAsLong()));
    }

    private static Optional<Fraction> validVoteTurnout(ContestResult c) {
        if (c.electorate().isEmpty() || c.validPapers().isEmpty() || c.electorate().getAsLong() == 0) {
            return Optional.empty();
        }
        return Optional.of(Fraction.of(c.validPapers().getAsLong(), c.electorate().getAsLong()));
    }
}
