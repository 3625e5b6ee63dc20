package org.tallyroom.analysis.projection;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.SeatChange;

/**
 * Seat projections from national changes in share, under {@link SwingModel#UNIFORM} or
 * {@link SwingModel#PROPORTIONAL} swing, for single-member seats.
 *
 * <p>The projection works candidate by candidate, not party by party: each candidate's share in
 * their seat moves with their party's national change (parties not named do not move), and the
 * candidate with the highest projected share takes the seat. So two independents in one seat stay
 * two candidates, and with no change every seat goes to the party that won it: a zero swing
 * reproduces the election. Shares are compared exactly; two candidates exactly level leave the seat
 * tied, listed and allocated to no party.
 *
 * <p>Base shares: a candidate's votes over all votes in the seat; for the proportional ratio, a
 * party's votes over all votes cast nationally.
 */
public final class Projection {
    private Projection() {
    }

    public static ProjectionResult project(Election election, SwingModel model, ShareChanges changes) {
        Map<String, Fraction> byParty = resolve(election, changes);
        Map<String, Fraction> ratios = model == SwingModel.PROPORTIONAL ? ratios(election, byParty) : Map.of();
        Map<String, Integer> actual = new HashMap<>();
        Map<String, Integer> projected = new HashMap<>();
        List<SeatChange> changing = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        for (ContestResult c : election.contests()) {
            String holder = National.holder(c);
            actual.merge(holder, 1, Integer::sum);
            List<ProjectedShare> shares = shares(c, model, byParty, ratios);
            ProjectedShare top = shares.get(0);
            if (shares.size() > 1 && shares.get(1).projected().compareTo(top.projected()) == 0) {
                tied.add(c.divisionId() + " " + c.divisionName());
                continue;
            }
            projected.merge(top.party(), 1, Integer::sum);
            if (!top.party().equals(holder)) {
                changing.add(new SeatChange(c.divisionId(), c.divisionName(), holder, top.party()));
            }
        }
        Set<String> names = new LinkedHashSet<>(actual.keySet());
        names.addAll(projected.keySet());
        List<ProjectedParty> parties = new ArrayList<>();
        for (String p : names) {
            int a = actual.getOrDefault(p, 0);
            int n = projected.getOrDefault(p, 0);
            parties.add(new ProjectedParty(p, a, n, n - a));
        }
        parties.sort(Comparator.comparingInt(ProjectedParty::projected).reversed()
                .thenComparing(Comparator.comparingInt(ProjectedParty::actual).reversed())
                .thenComparing(ProjectedParty::party));
        List<ShareChanges.Change> applied = byParty.entrySet().stream()
                .map(e -> new ShareChanges.Change(e.getKey(), e.getValue())).toList();
        List<PartySeats> held = Control.sorted(projected);
        return new ProjectionResult(election.name(), model, applied, parties, changing, tied,
                Control.of(election.seats(), held));
    }

    /**
     * One seat's candidates, actual and projected shares, highest projected first (equal shares in
     * actual order).
     */
    public static List<ProjectedShare> projectSeat(Election election, ContestResult seat, SwingModel model,
                                                   ShareChanges changes) {
        Map<String, Fraction> byParty = resolve(election, changes);
        return shares(seat, model, byParty, model == SwingModel.PROPORTIONAL ? ratios(election, byParty) : Map.of());
    }

    private static List<ProjectedShare> shares(ContestResult c, SwingModel model, Map<String, Fraction> changes,
                                               Map<String, Fraction> ratios) {
        long total = c.totalVotes();
        List<CandidateVotes> order = c.byVotes();
        List<ProjectedShare> out = new ArrayList<>(order.size());
        if (model == SwingModel.UNIFORM) {
            for (CandidateVotes v : order) {
                Fraction share = Fraction.share(v.votes(), total);
                out.add(new ProjectedShare(v.name(), v.party(), share,
                        share.plus(changes.getOrDefault(v.party(), Fraction.ZERO))));
            }
        } else {
            // share x ratio, renormalised: (v/T x r) / sum(v'/T x r') = v x r / sum(v' x r'). With every
            // ratio over the common denominator L, v x r = v x factor / L, so the share is
            // v x factor / sum(v' x factor'): one exact fraction per candidate.
            BigInteger common = BigInteger.ONE;
            for (Fraction r : ratios.values()) {
                common = lcm(common, r.denominator());
            }
            BigInteger[] weight = new BigInteger[order.size()];
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < weight.length; i++) {
                CandidateVotes v = order.get(i);
                Fraction r = ratios.get(v.party());
                BigInteger factor = r == null ? common : r.numerator().multiply(common.divide(r.denominator()));
                weight[i] = factor.multiply(BigInteger.valueOf(v.votes()));
                sum = sum.add(weight[i]);
            }
            for (int i = 0; i < weight.length; i++) {
                CandidateVotes v = order.get(i);
                out.add(new ProjectedShare(v.name(), v.party(), Fraction.share(v.votes(), total),
                        sum.signum() == 0 ? Fraction.ZERO : Fraction.of(weight[i], sum)));
            }
        }
        out.sort(Comparator.comparing(ProjectedShare::projected).reversed()); // stable: equal keep vote order
        return out;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** Each named party's national ratio (old + change) / old. */
    private static Map<String, Fraction> ratios(Election election, Map<String, Fraction> changes) {
        Map<String, Long> votes = new HashMap<>();
        long total = 0;
        for (ContestResult c : election.contests()) {
            for (CandidateVotes v : c.candidates()) {
                votes.merge(v.party(), v.votes(), Math::addExact);
                total = Math.addExact(total, v.votes());
            }
        }
        Map<String, Fraction> out = new HashMap<>();
        for (Map.Entry<String, Fraction> e : changes.entrySet()) {
            Fraction old = Fraction.share(votes.getOrDefault(e.getKey(), 0L), total);
            if (old.signum() == 0) {
                throw new IllegalArgumentException(e.getKey() + " had no votes in " + election.name()
                        + "; a proportional swing cannot scale a share of zero");
            }
            Fraction now = old.plus(e.getValue());
            if (now.signum() < 0) {
                throw new IllegalArgumentException(e.getKey() + " had " + old.percent() + "% in " + election.name()
                        + "; a change of " + e.getValue().percent() + " points would take it below zero");
            }
            out.put(e.getKey(), now.dividedBy(old));
        }
        return out;
    }

    /** The changes keyed by the election's own party spelling (exact, else ignoring case). */
    private static Map<String, Fraction> resolve(Election election, ShareChanges changes) {
        Set<String> parties = new java.util.TreeSet<>();
        for (ContestResult c : election.contests()) {
            for (CandidateVotes v : c.candidates()) {
                parties.add(v.party());
            }
        }
        Map<String, Fraction> out = new LinkedHashMap<>();
        for (ShareChanges.Change ch : changes.changes()) {
            String party = ch.party();
            if (!parties.contains(party)) {
                List<String> like = parties.stream().filter(p -> p.toLowerCase(Locale.ROOT)
                        .equals(ch.party().toLowerCase(Locale.ROOT))).toList();
                if (like.size() != 1) {
                    throw new IllegalArgumentException((like.isEmpty() ? "no party '" : "more than one party like '")
                            + ch.party() + "' in " + election.name() + "; its parties are " + parties);
                }
                party = like.get(0);
            }
            if (out.put(party, ch.points()) != null) {
                throw new IllegalArgumentException("a change for " + party + " given twice");
            }
        }
        return out;
    }
}
