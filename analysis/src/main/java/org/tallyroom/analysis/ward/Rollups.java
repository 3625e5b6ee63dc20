package org.tallyroom.analysis.ward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;

/**
 * Ward results added up to boroughs or Assembly constituencies, and checked against the declaration.
 *
 * <p>Each row counts once in its area: wards, a borough's postal votes (in the borough and its
 * constituency, in no ward) and an area counted whole. Postal rows are also summed on their own per
 * area. Candidates are matched by name; shares are exact fractions of the area's votes for all
 * candidates, and the leader is the candidate with most votes (all of them where level: no lot is
 * drawn for an area). A row without an area is left out of every area and listed, so the check against
 * the declared totals shows what it holds; nothing is dropped silently.
 */
public final class Rollups {
    private Rollups() {
    }

    public static Rollup rollup(String contest, AreaLevel by, List<PlacedWard> rows, List<DeclaredTotal> declared) {
        Map<String, Area> areas = new LinkedHashMap<>();
        Map<String, Map<String, CandidateVotes>> all = new LinkedHashMap<>();
        Map<String, Map<String, CandidateVotes>> postal = new LinkedHashMap<>();
        Map<String, Integer> wards = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (PlacedWard r : rows) {
            Area a = r.area(by);
            if (a == null) {
                unplaced.add(r.ward().divisionName() + " (" + (r.unplaced() == null ? "no " + by.label() : r.unplaced())
                        + "; " + r.ward().totalVotes() + " votes)");
                continue;
            }
            Area was = areas.putIfAbsent(a.id(), a);
            if (was != null && !was.name().equals(a.name())) {
                throw new IllegalArgumentException(by.label() + " " + a.id() + " is named both " + was.name() + " and "
                        + a.name());
            }
            add(all.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()), r.ward());
            if (r.postal()) {
                add(postal.computeIfAbsent(a.id(), k -> new LinkedHashMap<>()), r.ward());
            } else {
                wards.merge(a.id(), 1, Integer::sum);
            }
        }
        List<Area> sorted = new ArrayList<>(areas.values());
        sorted.sort(Comparator.comparing(Area::name).thenComparing(Area::id));
        List<ContestResult> summed = new ArrayList<>();
        for (Area a : sorted) {
            summed.add(new ContestResult(a.id(), a.name(), 1, List.copyOf(all.get(a.id()).values())));
        }
        WardBreakdown b = summed.isEmpty()
                ? new WardBreakdown(contest, List.of(), Wards.line("", "Total", List.of(), List.of()), List.of())
                : Wards.breakdown(contest, summed);
        List<CandidateVotes> order = b.total().shares().stream()
                .map(s -> new CandidateVotes(s.name(), s.party(), s.votes())).toList();
        List<RollupArea> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Area a = sorted.get(i);
            Map<String, CandidateVotes> p = postal.get(a.id());
            WardLine postalLine = p == null ? null
                    : Wards.line(a.id(), a.name() + " postal votes", order, List.copyOf(p.values()));
            out.add(new RollupArea(b.wards().get(i), wards.getOrDefault(a.id(), 0), postalLine));
        }
        return new Rollup(contest, by.label(), out, b.total(), b.leads(), check(b.total(), declared, unplaced));
    }

    private static void add(Map<String, CandidateVotes> into, ContestResult row) {
        for (CandidateVotes c : row.candidates()) {
            into.merge(c.name(), c, (x, y) -> new CandidateVotes(x.name(), x.party(), Math.addExact(x.votes(), y.votes())));
        }
    }

    private static RollupCheck check(WardLine total, List<DeclaredTotal> declared, List<String> unplaced) {
        Map<String, DeclaredTotal> byName = new LinkedHashMap<>();
        for (DeclaredTotal d : declared) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("declared total for " + d.name() + " given twice");
            }
        }
        List<RollupCheck.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean agrees = unplaced.isEmpty();
        for (WardShare s : total.shares()) {
            seen.add(s.name());
            DeclaredTotal d = byName.get(s.name());
            Long declaredVotes = d == null ? null : d.votes();
            RollupCheck.Status status = declaredVotes == null ? RollupCheck.Status.NOT_DECLARED
                    : declaredVotes == s.votes() ? RollupCheck.Status.EQUAL : RollupCheck.Status.DIFFERS;
            // A candidate with ward figures but no declared total cannot be checked: not agreement.
            agrees &= status == RollupCheck.Status.EQUAL || (status == RollupCheck.Status.NOT_DECLARED && s.votes() == 0);
            lines.add(new RollupCheck.Line(s.name(), s.party(), s.votes(), declaredVotes, status));
        }
        for (DeclaredTotal d : declared) {
            if (!seen.contains(d.name())) {
                RollupCheck.Status status = d.votes() == null ? RollupCheck.Status.NOT_DECLARED
                        : d.votes() == 0 ? RollupCheck.Status.EQUAL : RollupCheck.Status.DIFFERS;
                agrees &= status != RollupCheck.Status.DIFFERS;
                lines.add(new RollupCheck.Line(d.name(), d.party(), 0, d.votes(), status));
            }
        }
        return new RollupCheck(agrees, lines, unplaced);
    }
}
