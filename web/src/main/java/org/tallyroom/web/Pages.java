package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallyroom.analysis.council.ComparisonBasis;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.store.read.Views;

/**
 * The public pages' main content (laid out by {@link Html#page}): Java gathers each page's figures into
 * a view record of plain data, and a template (src/main/jte: election/, council/, ballot/, timeline/,
 * layout/, chart/) writes the HTML, escaping everything it prints. No HTML is assembled here
 * ({@code NoStringBuiltHtmlTest}). The contest page is {@link ContestPage}, the general election's
 * {@link NationalPage}.
 */
public final class Pages {
    private Pages() {
    }

    static String pct(BigDecimal b) {
        return Fmt.pct(b);
    }

    static String signed(BigDecimal b) {
        return Fmt.signed(b);
    }

    static String num(Long n) {
        return Fmt.num(n);
    }

    static String votes(String exact) {
        return Fmt.votes(exact);
    }

    static String methodName(String m) {
        if (m == null) {
            return "method not recorded";
        }
        return org.tallyroom.count.Methods.displayName(m);
    }

    /** A page that only says something: a title and a sentence. */
    public record Message(String title, String text) {
    }

    /**
     * The result in each ward or constituency.
     *
     * @param what "Ward" or "Constituency": the first column's heading
     */
    public record SeatTable(String id, String what, List<Views.SeatRow> rows) {
        public String caption() {
            return "Result in each " + what.toLowerCase(Locale.ROOT);
        }
    }

    public static String elections(List<Views.ElectionItem> items) {
        return Templates.render("election/list.jte", items);
    }

    /**
     * A council election page.
     *
     * @param showControl  control stated under the arc: only where there is no headline and every seat has declared
     * @param seatsCaption the seats table's caption
     * @param byWard       gains and losses ward by ward (the wards compare); else the net change alone
     * @param basis        the comparison basis said plainly where it is notional or the boundaries changed, or null
     * @param map          the map section (the output of map/hexmap.jte), or ""
     * @param timelineText the link to the organisation's by-elections and events, or null
     */
    public record CouncilPage(Views.Council c, Charts.Arc arc, boolean showControl, String seatsCaption, boolean changes,
                              boolean byWard, PartyCharts.Chart seatsChart, String basis, String map, SeatTable wards,
                              String timelineHref, String timelineText) {
    }

    public static String council(Views.Council c, boolean hasTimeline, String map) {
        List<Charts.Seats> seats = new ArrayList<>();
        c.seatsByParty().forEach(p -> seats.add(new Charts.Seats(p.party(), p.seats())));
        boolean partial = c.seatsDeclared() < c.seats();
        boolean changes = !c.changes().isEmpty();
        String caption = !changes ? (partial ? "Seats won so far" : "Seats won")
                : partial ? "Seats won so far, and change in the declared wards" : "Seats won, and change since " + c.previousElectionId();
        String timelineText = hasTimeline && c.organisationSlug() != null ? "By-elections and events for "
                + (c.organisation() == null ? c.organisationSlug() : c.organisation()) : null;
        return Templates.render("council/council.jte", new CouncilPage(c,
                Charts.arcView("arc", "Seats by party in " + c.name(), seats, c.seats()),
                // The headline states control as far as it is certain; without one (a summary stored before
                // headlines), control is stated only once every seat has declared.
                c.headline() == null && c.seatsDeclared() == c.seats(), caption, changes,
                c.changes().stream().anyMatch(p -> p.gains().isPresent()), seatsChart(c), basis(c), map,
                new SeatTable("wards-table", "Ward", c.wards()),
                c.organisationSlug() == null ? null : "/organisations/" + Html.seg(c.organisationSlug()), timelineText));
    }

    /** The council's seats as bars, each with its change where there is one to show. */
    private static PartyCharts.Chart seatsChart(Views.Council c) {
        List<PartyCharts.Item> items = new ArrayList<>();
        String since = c.previousElectionId() == null ? "" : " " + year(c.previousElectionId());
        if (!c.changes().isEmpty()) {
            for (PartyChange p : c.changes()) {
                items.add(new PartyCharts.Item(p.party(), p.after(), Integer.toString(p.after()), null,
                        BigDecimal.valueOf(p.net()), p.after() > 0 || p.net() != 0));
            }
        } else {
            for (PartySeats p : c.seatsByParty()) {
                items.add(new PartyCharts.Item(p.party(), p.seats(), Integer.toString(p.seats()), null, null, p.seats() > 0));
            }
        }
        String caption = c.changes().isEmpty() ? "Seats by party"
                : c.seatsDeclared() < c.seats() ? "Seats by party, change in the declared wards since" + since
                : "Seats by party, change since" + since;
        return PartyCharts.chart("seats-chart", caption, "Seats", "Change", items, "");
    }

    /**
     * The comparison basis in plain words where it is not simply the same wards: across new ward
     * boundaries (whole-council change, or none until every ward has declared) or against notional results.
     */
    static String basis(Views.Council c) {
        String on = c.comparedOn();
        if (on == null || c.previousElectionId() == null) {
            return null;
        }
        String year = year(c.previousElectionId());
        if (on.startsWith(ComparisonBasis.NOTIONAL.description())) {
            return "Ward boundaries changed since " + year + ": gains and losses are against notional " + year
                    + " results on the new wards, not the results declared in " + year + ".";
        }
        if (on.startsWith(ComparisonBasis.WHOLE_COUNCIL.description())) {
            return "Ward boundaries changed since " + year + " and no notional results are stored: the change shown is "
                    + "each party's total seats across the whole council, not ward by ward.";
        }
        if (on.startsWith("ward boundaries changed")) {
            return "Ward boundaries changed since " + year + ": the change in seats is shown once every ward has declared.";
        }
        return null;
    }

    /** The year of an election id ("local.barnet.2018-05-03": 2018), or the id where it has none. */
    static String year(String electionId) {
        return electionId.matches(".*\\.\\d{4}-\\d\\d-\\d\\d$") ? electionId.substring(electionId.length() - 10, electionId.length() - 6)
                : electionId;
    }

    public static String contest(Views.Contest c) {
        return ContestPage.render(c, List.of());
    }

    /** A contest page; {@code history} its published versions, listed (times en-GB) where it was corrected. */
    public static String contest(Views.Contest c, List<Views.ResultInfo> history) {
        return ContestPage.render(c, history);
    }

    public static String national(Views.National n, Views.Projected projected, List<String> parties,
                                  java.util.Map<String, String> form, String error, String map) {
        return NationalPage.render(n, projected, parties, form, error, map);
    }

    public static String timeline(Views.Timeline t) {
        return Templates.render("timeline/timeline.jte", t);
    }

    public static String message(String title, String text) {
        return Templates.render("layout/message.jte", new Message(title, text));
    }

    /** A timeline event's details, joined: "Ann Able · from Lab to Ind · Hale · resigned". */
    public static String eventDetails(Views.TimelineEvent e) {
        List<String> bits = new ArrayList<>();
        if (e.person() != null) {
            bits.add(e.person());
        }
        if (e.partyFrom() != null || e.partyTo() != null) {
            bits.add((e.partyFrom() == null ? "" : "from " + e.partyFrom()) + (e.partyTo() == null ? "" : " to " + e.partyTo()));
        }
        if (e.division() != null) {
            bits.add(e.division());
        }
        if (e.note() != null) {
            bits.add(e.note());
        }
        return String.join(" · ", bits);
    }
}
