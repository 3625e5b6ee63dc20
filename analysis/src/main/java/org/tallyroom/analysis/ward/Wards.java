package org.tallyroom.analysis.ward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.analysis.contest.PartyShareConvention;
import org.tallyroom.analysis.contest.Swing;

/**
 * Wide-area contests broken down by ward, and swing by ward between two elections.
 *
 * <p>Each ward comes as a {@link ContestResult} of the same candidates (the ward's share of a
 * London-wide count, say), with {@code seats} 1; postal pseudo-wards and undivided areas are rows
 * like any other, with an id the caller makes up where there is no code. Candidates are matched
 * across wards by name. Leading a ward means most votes there; level leaders are all listed (no lot
 * is drawn for a ward).
 */
public final class Wards {
    private Wards() {
    }

    public static WardBreakdown breakdown(String contest, List<ContestResult> wards) {
        Map<String, CandidateVotes> totals = new LinkedHashMap<>();
        for (ContestResult w : wards) {
            for (CandidateVotes c : w.candidates()) {
                totals.merge(c.name(), c, (a, b) -> new CandidateVotes(a.name(), a.party(),
                        Math.addExact(a.votes(), b.votes())));
            }
        }
        List<CandidateVotes> order = new ArrayList<>(totals.values());
        order.sort(Comparator.comparingLong(CandidateVotes::votes).reversed());
        List<WardLine> lines = new ArrayList<>();
        Map<String, int[]> leads = new HashMap<>();
        for (ContestResult w : wards) {
            WardLine line = line(w.divisionId(), w.divisionName(), order, w.candidates());
            lines.add(line);
            for (String leader : line.leaders()) {
                leads.computeIfAbsent(leader, k -> new int[2])[line.leaders().size() == 1 ? 0 : 1]++;
            }
        }
        WardLine total = line("", "Total", order, order);
        List<WardLead> leadList = new ArrayList<>();
        for (CandidateVotes c : order) {
            int[] n = leads.getOrDefault(c.name(), new int[2]);
            leadList.add(new WardLead(c.name(), c.party(), n[0], n[1]));
        }
        leadList.sort(Comparator.comparingInt(WardLead::wardsLed).reversed()
                .thenComparing(Comparator.comparingInt(WardLead::wardsLevel).reversed()));
        return new WardBreakdown(contest, lines, total, leadList);
    }

    /** One row's votes and shares in the contest's candidate order, and its leaders. */
    static WardLine line(String id, String name, List<CandidateVotes> order, List<CandidateVotes> votes) {
        Map<String, Long> byName = new HashMap<>();
        for (CandidateVotes v : votes) {
            if (byName.put(v.name(), v.votes()) != null) {
                throw new IllegalArgumentException(name + ": candidate " + v.name() + " twice");
            }
        }
        long sum = votes.stream().mapToLong(CandidateVotes::votes).sum();
        long most = votes.stream().mapToLong(CandidateVotes::votes).max().orElse(0);
        List<WardShare> shares = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        for (CandidateVotes c : order) {
            long v = byName.getOrDefault(c.name(), 0L);
            shares.add(new WardShare(c.name(), c.party(), v, Fraction.share(v, sum)));
            if (v == most && most > 0) {
                leaders.add(c.name());
            }
        }
        return new WardLine(id, name, sum, shares, leaders);
    }

    /**
     * Butler swing between {@code a} and {@code b} in each ward present in both elections (by id),
     * and over all those wards together. Shares follow each ward's default convention.
     */
    public static WardSwings swing(List<ContestResult> after, List<ContestResult> before, String a, String b) {
        Map<String, ContestResult> then = new LinkedHashMap<>();
        before.forEach(w -> then.put(w.divisionId(), w));
        List<WardSwingLine> lines = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int seats = 1;
        for (ContestResult w : after) {
            ContestResult was = then.remove(w.divisionId());
            if (was == null) {
                unmatched.add(w.divisionId() + " " + w.divisionName() + " (new)");
                continue;
            }
            ContestChange change = ContestAnalysis.compare(w, was);
            lines.add(new WardSwingLine(w.divisionId(), w.divisionName(), change.party(a), change.party(b),
                    change.swing(a, b)));
            seats = Math.max(seats, Math.max(w.seats(), was.seats()));
        }
        then.values().forEach(w -> unmatched.add(w.divisionId() + " " + w.divisionName() + " (gone)"));
        PartyShareConvention convention = PartyShareConvention.forSeats(seats);
        java.util.Set<String> ids = new java.util.HashSet<>();
        lines.forEach(l -> ids.add(l.wardId()));
        Map<String, Long> now = pool(after, ids, convention);
        Map<String, Long> was = pool(before, ids, convention);
        Swing overall = Swing.of(a, share(now, a).minus(share(was, a)), b, share(now, b).minus(share(was, b)));
        return new WardSwings(a, b, convention, overall, lines, unmatched);
    }

    /**
     * Each party's votes over the matched wards (its top candidate's in each multi-member ward,
     * under the convention), for the overall swing: shares of the pooled votes.
     */
    private static Map<String, Long> pool(List<ContestResult> wards, java.util.Set<String> ids,
                                          PartyShareConvention convention) {
        Map<String, Long> votes = new HashMap<>();
        for (ContestResult w : wards) {
            if (ids.contains(w.divisionId())) {
                ContestAnalysis.parties(w, convention).forEach(p -> votes.merge(p.party(), p.votes(), Math::addExact));
            }
        }
        return votes;
    }

    private static Fraction share(Map<String, Long> votes, String party) {
        return Fraction.share(votes.getOrDefault(party, 0L), votes.values().stream().mapToLong(Long::longValue).sum());
    }
}
