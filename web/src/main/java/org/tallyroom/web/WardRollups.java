package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.analysis.ward.AreaLevel;
import org.tallyroom.analysis.ward.Rollup;
import org.tallyroom.analysis.ward.RollupArea;
import org.tallyroom.analysis.ward.RollupCheck;
import org.tallyroom.analysis.ward.Rollups;
import org.tallyroom.analysis.ward.WardLead;
import org.tallyroom.analysis.ward.WardLine;
import org.tallyroom.analysis.ward.WardShare;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.PlacedWards;
import org.tallyroom.store.analysis.StoredWardAreas;

/**
 * A ballot's ward results added up to boroughs or Assembly constituencies, as {@code tallyroom analyse
 * wards --by} gives them: the page ({@code /ballots/{id}/wards?by=borough|constituency}, template
 * rollup/areas.jte), the JSON ({@code /api/ballots/{id}/wards?by=...}) and the ballot page's link to them
 * (rollup/link.jte, only where the ballot has ward figures). Declared results only.
 */
public final class WardRollups {
    /** What the ward files say of turnout. */
    static final String TURNOUT = "Turnout is not given: the ward-level files give no electorate.";

    private final StoredWardAreas stored;

    WardRollups(Store store) {
        this.stored = StoredWardAreas.published(store);
    }

    /** The JSON: the analysis's roll-up record with the ballot id. */
    public record Json(String ballotId, Rollup rollup, String turnout) {
    }

    /** What the template shows, every figure written en-GB. */
    public record View(String ballotId, String contest, String by, String otherBy, List<String> headings, List<Row> rows,
                Row total, List<Lead> leads, boolean agrees, List<Check> check, List<String> unplaced, String turnout) {
    }

    /** One area (or its postal votes, {@code postal}), or the total. */
    public record Row(String name, String wards, String votes, List<Cell> cells, String leader, boolean postal) {
    }

    /** A candidate's votes and share of the row's votes. */
    public record Cell(String votes, String share) {
    }

    public record Lead(String name, String party, int led, int level) {
    }

    public record Check(String name, String party, String summed, String declared, String difference, String status,
                 boolean mismatch) {
    }

    /** The level asked for ({@code by}, default borough), or 400. */
    static AreaLevel level(String by) {
        try {
            return AreaLevel.parse(by == null ? "borough" : by);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("by: " + e.getMessage());
        }
    }

    Rollup rollup(String ballotId, AreaLevel level) {
        PlacedWards w;
        try {
            w = stored.wards(ballotId);
        } catch (StoreException e) {
            throw new HttpError(404, e.getMessage());
        }
        return Rollups.rollup(w.contestName(), level, w.rows(), w.declared());
    }

    Json json(String ballotId, String by) {
        return new Json(ballotId, rollup(ballotId, level(by)), TURNOUT);
    }

    /** The page's main content. */
    String page(String ballotId, Rollup r) {
        return Templates.render("rollup/areas.jte", view(ballotId, r));
    }

    /** The ballot page's links to the roll-ups; nothing where the ballot has no declared ward figures. */
    String link(String ballotId) {
        return stored.hasWards(ballotId) ? Templates.render("rollup/link.jte", ballotId) : "";
    }

    static View view(String ballotId, Rollup r) {
        List<String> headings = r.total().shares().stream().map(s -> s.name() + " (" + s.party() + ")").toList();
        List<Row> rows = new ArrayList<>();
        for (RollupArea a : r.areas()) {
            rows.add(row(a.line(), a.line().wardName(), EnGb.number(a.wards()), false));
            if (a.postal() != null) {
                rows.add(row(a.postal(), "of which postal votes", "", true));
            }
        }
        int wards = r.areas().stream().mapToInt(RollupArea::wards).sum();
        List<Lead> leads = r.leads().stream().filter(l -> l.wardsLed() + l.wardsLevel() > 0)
                .map((WardLead l) -> new Lead(l.name(), l.party(), l.wardsLed(), l.wardsLevel())).toList();
        List<Check> check = new ArrayList<>();
        for (RollupCheck.Line l : r.check().lines()) {
            check.add(new Check(l.name(), l.party(), EnGb.number(l.summed()),
                    l.declared() == null ? "–" : EnGb.number(l.declared()),
                    l.declared() == null ? "–" : signed(l.summed() - l.declared()),
                    switch (l.status()) {
                        case EQUAL -> "equal";
                        case DIFFERS -> "mismatch";
                        case NOT_DECLARED -> "no declared total stored";
                    }, l.status() == RollupCheck.Status.DIFFERS));
        }
        AreaLevel other = r.by().equals("borough") ? AreaLevel.CONSTITUENCY : AreaLevel.BOROUGH;
        return new View(ballotId, r.contest(), r.by(), other.label(), headings, rows,
                row(r.total(), "Total", EnGb.number(wards), false), leads, r.check().agrees(), check, r.check().unplaced(),
                TURNOUT);
    }

    private static Row row(WardLine w, String name, String wards, boolean postal) {
        List<Cell> cells = new ArrayList<>();
        for (WardShare s : w.shares()) {
            cells.add(new Cell(EnGb.number(s.votes()), percent(s.share().percent())));
        }
        String leader = w.leaders().isEmpty() ? "–" : String.join(" and ", w.leaders()) + (w.leaders().size() > 1 ? " (level)" : "");
        return new Row(name, wards, EnGb.number(w.total()), cells, leader, postal);
    }

    private static String percent(BigDecimal p) {
        return p.toPlainString() + "%";
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : n < 0 ? "−" : "") + EnGb.number(Math.abs(n));
    }
}
