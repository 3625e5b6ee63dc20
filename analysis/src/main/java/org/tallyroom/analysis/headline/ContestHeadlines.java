package org.tallyroom.analysis.headline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.Majority;

/**
 * A declared contest's headline: "Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)",
 * "Labour GAIN Kensington from Conservative: majority 20", and for a ward of several seats "Labour
 * GAIN 2 seats in Hendon from Conservative" or "Labour HOLD all 3 seats in Burnt Oak".
 *
 * <p>A gain or hold is against the previous contest for the same division; where there is none (a
 * ward or constituency new since the previous election, or none stored) the headline says who won
 * and the details say why there is no comparison.
 */
public final class ContestHeadlines {
    private ContestHeadlines() {
    }

    /**
     * The headline of {@code now}.
     *
     * @param before      the previous contest for the same division, or null
     * @param beforeLabel how to name it in a sentence: its year ("2017")
     * @param newSince    where {@code before} is null because the boundaries are new, the previous
     *                    election's year, to say so; else null
     * @return empty where the winners are not known (a tie for the last seat, none flagged elected)
     */
    public static Optional<Headline> of(ContestResult now, ContestResult before, String beforeLabel, String newSince,
                                        UnaryOperator<String> names) {
        if (!now.winnersKnown() || (before != null && !before.winnersKnown())) {
            return Optional.empty();
        }
        String place = now.divisionName();
        Map<String, Integer> seats = seatsByParty(now);
        if (seats.isEmpty()) {
            return Optional.empty();
        }
        Optional<Majority> majority = ContestAnalysis.majority(now);
        List<String> details = new ArrayList<>();
        String text;
        if (now.seats() == 1 && (before == null || before.seats() == 1)) {
            String winner = names.apply(seats.keySet().iterator().next());
            // An STV count's first preferences give no majority; an uncontested return has none either.
            String tail = majority.map(m -> ": majority " + Wording.number(m.votes()))
                    .orElse(now.firstPreferences() ? "" : " unopposed");
            if (before == null) {
                text = winner + " WIN " + place + tail;
            } else {
                String was = names.apply(seatsByParty(before).keySet().iterator().next());
                Optional<Majority> then = ContestAnalysis.majority(before);
                text = was.equals(winner)
                        ? winner + " HOLD " + place + tail + then.map(m -> " (" + beforeLabel + ": " + Wording.number(m.votes())
                        + ")").orElse("")
                        : winner + " GAIN " + place + " from " + was + tail;
            }
        } else {
            text = several(place, seats, before == null ? null : seatsByParty(before), names);
        }
        majority.ifPresent(m -> details.add("Majority " + Wording.number(m.votes())
                + m.ofValid().map(f -> " (" + f.percent(1).toPlainString() + "% of valid votes)").orElse("")
                + ": " + m.lastElected() + " over " + m.firstNotElected()));
        if (before != null) {
            details.add(beforeLabel + ": " + describe(seatsByParty(before), names) + ContestAnalysis.majority(before)
                    .map(m -> ", majority " + Wording.number(m.votes())).orElse(""));
        } else if (newSince != null) {
            details.add("New boundaries since " + newSince + ": no previous result here to compare with");
        } else {
            details.add("No previous result for " + place + " is stored to compare with");
        }
        return Optional.of(new Headline(text, details));
    }

    private static String several(String place, Map<String, Integer> now, Map<String, Integer> before,
                                  UnaryOperator<String> names) {
        if (before == null) {
            if (now.size() == 1) {
                return names.apply(now.keySet().iterator().next()) + " WIN all " + Wording.number(now.values().iterator().next())
                        + " seats in " + place;
            }
            return place + ": " + describe(now, names);
        }
        Set<String> parties = new LinkedHashSet<>(now.keySet());
        parties.addAll(before.keySet());
        List<String> gains = new ArrayList<>();
        List<String> losers = new ArrayList<>();
        for (String p : sortedBySeats(now, parties)) {
            int gain = now.getOrDefault(p, 0) - before.getOrDefault(p, 0);
            if (gain > 0) {
                gains.add(names.apply(p) + " GAIN " + Wording.seats(gain));
            }
        }
        for (String p : sortedBySeats(before, parties)) {
            if (before.getOrDefault(p, 0) > now.getOrDefault(p, 0)) {
                losers.add(names.apply(p));
            }
        }
        if (gains.isEmpty() && losers.isEmpty()) {
            if (now.size() == 1) {
                String party = names.apply(now.keySet().iterator().next());
                return party + " HOLD " + (now.values().iterator().next() == 1 ? "" : "all "
                        + Wording.number(now.values().iterator().next()) + " seats in ") + place;
            }
            return "No change in " + place + ": " + describe(now, names);
        }
        if (gains.isEmpty()) {
            // Fewer seats than before (a ward that shrank): who lost what.
            return place + ": " + describe(now, names) + " (was " + describe(before, names) + ")";
        }
        return Wording.and(gains) + " in " + place + (losers.isEmpty() ? "" : " from " + Wording.and(losers));
    }

    private static List<String> sortedBySeats(Map<String, Integer> seats, Set<String> parties) {
        return parties.stream().sorted((a, b) -> {
            int c = Integer.compare(seats.getOrDefault(b, 0), seats.getOrDefault(a, 0));
            return c != 0 ? c : a.compareTo(b);
        }).toList();
    }

    /** "Labour 2, Conservative 1" */
    private static String describe(Map<String, Integer> seats, UnaryOperator<String> names) {
        List<String> parts = new ArrayList<>();
        for (String p : sortedBySeats(seats, seats.keySet())) {
            parts.add(names.apply(p) + " " + Wording.number(seats.get(p)));
        }
        return String.join(", ", parts);
    }

    private static Map<String, Integer> seatsByParty(ContestResult c) {
        Map<String, Integer> m = new TreeMap<>();
        for (CandidateVotes v : c.elected()) {
            m.merge(v.party(), 1, Integer::sum);
        }
        return m;
    }
}
