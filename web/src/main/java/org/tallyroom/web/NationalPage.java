package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.store.read.Views;

/** A general election's page (template election/national.jte): seats and votes, the map, seats changing hands, marginals, the swing calculator. */
public final class NationalPage {
    /** The marginal seats listed. */
    static final int MARGINALS = 50;

    private NationalPage() {
    }

    /**
     * The general election page's figures.
     *
     * @param showControl the majority stated under the arc: only without a headline, once every seat has declared
     * @param basis       what change is measured against, in words ("change since parl.2017-06-08", "change against
     *                    notional 2019 results on the 2024 boundaries"), or null
     * @param map         the map section (the output of map/hexmap.jte), or ""
     */
    public record View(Views.National n, Charts.Arc arc, boolean showControl, String basis, PartyCharts.Chart seats,
                       PartyCharts.Chart shares, String map, List<String> changingHands, List<Marginal> marginals,
                       Form form, Pages.SeatTable seatList) {
    }

    /** A marginal seat's line. */
    public record Marginal(String seat, String holder, String challenger, String majority, String swingNeeded) {
    }

    /** The swing calculator: the form as submitted, and its projection (null: none asked for). */
    public record Form(String action, String error, List<Field> fields, boolean proportional, Views.Projected projected,
                       List<String> projectedChanges) {
    }

    /** One party's field: its id, the party, the value as submitted. */
    public record Field(String id, String party, String value) {
    }

    static String render(Views.National n, Views.Projected projected, List<String> parties, Map<String, String> form,
                         String error, String map) {
        List<Charts.Seats> seats = new ArrayList<>();
        n.parties().stream().filter(p -> p.seats() > 0).forEach(p -> seats.add(new Charts.Seats(p.party(), p.seats())));
        // Where the previous election was recast on these boundaries (notional results stored), change is against
        // that, and the page says so; else against the previous election's declared results, seat by seat.
        String basis = n.previousElectionId() == null ? null : n.comparedOn() != null ? "change against " + n.comparedOn()
                : "change since " + n.previousElectionId();
        String since = basis == null ? "" : ", " + basis;
        List<PartyCharts.Item> seatItems = new ArrayList<>();
        List<PartyCharts.Item> shareItems = new ArrayList<>();
        for (PartyResult p : n.parties()) {
            BigDecimal change = basis == null ? null : BigDecimal.valueOf(p.seatChange());
            seatItems.add(new PartyCharts.Item(p.party(), p.seats(), Integer.toString(p.seats()), null, change, p.seats() > 0));
            BigDecimal share = p.share().percent(1);
            shareItems.add(new PartyCharts.Item(p.party(), share.doubleValue(), share.toPlainString() + "%",
                    Fmt.num(p.votes()) + " votes", basis == null ? null : p.shareChange().percent(1),
                    share.compareTo(BigDecimal.ONE) >= 0));
        }
        List<String> changing = n.changingHands().stream().map(sc -> sc.divisionName() + ": " + sc.to() + " gain from " + sc.from())
                .toList();
        List<Marginal> marginals = new ArrayList<>();
        for (MarginalSeat m : n.marginals().stream().limit(MARGINALS).toList()) {
            marginals.add(new Marginal(m.divisionName(), m.holder(), m.challenger(),
                    Fmt.num(m.majorityVotes()) + " (" + Fmt.pct(m.majorityShare().percent(2)) + ")",
                    m.swingNeeded().percent(2).toPlainString() + " pts"));
        }
        List<Field> fields = new ArrayList<>();
        int i = 0;
        for (String p : parties) {
            fields.add(new Field("chg-" + i++, p, form.getOrDefault("chg." + p, "")));
        }
        List<String> projectedChanges = projected == null ? List.of() : projected.projection().changingHands().stream()
                .map(sc -> sc.divisionName() + ": " + sc.to() + " gain from " + sc.from()).toList();
        return Templates.render("election/national.jte", new View(n,
                Charts.arcView("arc", "Seats by party in " + n.name(), seats, n.seats()),
                n.control() != null && n.headline() == null && n.seatsDeclared() == n.seats(), basis,
                PartyCharts.chart("seats-chart", "Seats by party" + since, "Seats", "Change", seatItems, ""),
                PartyCharts.chart("share-chart", "Share of the vote" + since, "Share", "Change (points)", shareItems, "%"),
                map, changing, marginals,
                new Form("/elections/" + Html.seg(n.electionId()), error, fields,
                        form.getOrDefault("model", "uniform").equals("proportional"), projected, projectedChanges),
                new Pages.SeatTable("seat-list", "Constituency", n.seatsList())));
    }
}
