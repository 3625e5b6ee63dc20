package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.headline.Headline;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.read.Views;

/**
 * The embeddable widgets (templates {@code embed/widget.jte} and {@code embed/widget-svg.jte}): a ballot's
 * or an election's result in a few lines a news site can place in an iframe or as an image. The
 * headline is the read model's (the analysis's wording, as on the full page), with its supporting
 * figures; then one row per candidate (votes and share) or per party (seats and change), in the party's
 * colour ({@link PartyColours}), figures en-GB ({@link EnGb}); then the status and a link to the full page.
 */
public final class Embeds {
    private Embeds() {
    }

    /**
     * A widget.
     *
     * @param liveKey    what live events refresh it: the ballot's or the election's id
     * @param status     "Declared", "Corrected", "Awaiting declaration", or an election's progress
     * @param recordedIso the time the shown result was recorded (ISO 8601), or null; {@code recorded} as en-GB
     * @param href       the full page, on this site
     */
    public record Widget(String liveKey, String title, String headline, List<String> details, String meta, String status,
                         String recordedIso, String recorded, String caption, String nameHeading, String valueHeading,
                         String detailHeading, List<Row> rows, String href, String linkText, EmbedSvg svg) {
    }

    /**
     * One line of the widget: a candidate or a party.
     *
     * @param sub    the candidate's party, or null
     * @param detail the share, or the change in seats ("+16", "−16"), or "" where there is none
     * @param width  the bar's length in percent of the longest
     */
    public record Row(String name, String sub, String colour, String value, String detail, String width, boolean elected) {
        /** The row as one line of text: "Theresa Villiers (Conservative): 24,162, 44.72%, elected". */
        public String text() {
            return name + (sub == null ? "" : " (" + sub + ")") + ": " + value + (detail.isEmpty() ? "" : ", " + detail)
                    + (elected ? ", elected" : "");
        }
    }

    /** A ballot's widget: the contest's headline, each candidate's votes and share, and its status. */
    public static Widget ballot(Views.Contest c) {
        List<Row> rows = new ArrayList<>();
        String status;
        String recordedIso = null;
        String recorded = null;
        if (c.result() == null) {
            status = c.cancelled() ? "Poll cancelled" : "Awaiting declaration";
            for (Views.CandidateRow r : c.candidates()) {
                rows.add(new Row(r.name(), party(r), Charts.colour(r.partyKey()), "–", "", "0", false));
            }
        } else {
            status = c.result().status().equals("corrected") ? "Corrected" : "Declared";
            recordedIso = c.result().recordedAt() == null ? null : c.result().recordedAt().toString();
            recorded = EnGb.dateTime(c.result().recordedAt());
            List<Views.CandidateRow> ordered = c.candidates().stream()
                    .sorted(Comparator.comparing((Views.CandidateRow r) -> votes(r)).reversed()).toList();
            BigDecimal max = ordered.isEmpty() ? BigDecimal.ZERO : votes(ordered.get(0));
            for (Views.CandidateRow r : ordered) {
                rows.add(new Row(r.name(), party(r), Charts.colour(r.partyKey()), Pages.votes(shown(r)), Pages.pct(r.share()),
                        width(votes(r), max), r.elected()));
            }
        }
        boolean staged = c.candidates().stream().anyMatch(r -> r.firstPreferences() != null);
        String headline = c.headline() != null ? c.headline().text()
                : c.name() + (c.result() == null ? ": awaiting declaration" : "");
        String meta = c.electionName() + " · polling day " + EnGb.date(c.date());
        String href = "/ballots/" + Html.seg(c.ballotId());
        return widget(c.ballotId(), c.name() + ", " + c.electionName(), headline, details(c.headline()), meta, status,
                recordedIso, recorded, (staged ? "First preferences" : "Votes") + " and share for each candidate in " + c.name(),
                "Candidate", staged ? "First preferences" : "Votes", "Share", rows, href, "Full result");
    }

    /** A council's widget: its headline (control), seats by party with their change, and how far the count has got. */
    public static Widget council(Views.Council c) {
        List<Row> rows = new ArrayList<>();
        boolean changes = !c.changes().isEmpty();
        if (changes) {
            List<PartyChange> shown = c.changes().stream().filter(p -> p.after() > 0 || p.net() != 0)
                    .sorted(Comparator.comparingInt(PartyChange::after).reversed()).toList();
            int max = shown.stream().mapToInt(PartyChange::after).max().orElse(0);
            for (PartyChange p : shown) {
                rows.add(new Row(PartyKeys.displayName(p.party()), null, Charts.colour(p.party()), Integer.toString(p.after()),
                        PartyCharts.signed(BigDecimal.valueOf(p.net())), width(p.after(), max), false));
            }
        } else {
            List<PartySeats> shown = c.seatsByParty().stream().filter(p -> p.seats() > 0)
                    .sorted(Comparator.comparingInt(PartySeats::seats).reversed()).toList();
            int max = shown.stream().mapToInt(PartySeats::seats).max().orElse(0);
            for (PartySeats p : shown) {
                rows.add(new Row(PartyKeys.displayName(p.party()), null, Charts.colour(p.party()), Integer.toString(p.seats()),
                        "", width(p.seats(), max), false));
            }
        }
        String status = c.ballotsDeclared() + " of " + c.ballots() + " wards declared, " + c.seatsDeclared() + " of "
                + c.seats() + " seats";
        String headline = c.headline() != null ? c.headline().text() : c.name();
        return widget(c.electionId(), c.name(), headline, details(c.headline()), "Polling day " + EnGb.date(c.date()), status,
                null, null, changes ? "Seats won, and change since " + c.previousElectionId() : "Seats won so far", "Party",
                "Seats", changes ? "Change" : "", rows, "/elections/" + Html.seg(c.electionId()), "Every ward");
    }

    /** A general election's widget: its headline, seats by party with their change, and seats declared of the total. */
    public static Widget national(Views.National n) {
        boolean changes = n.previousElectionId() != null;
        List<PartyResult> shown = n.parties().stream().filter(p -> p.seats() > 0 || (changes && p.seatChange() != 0))
                .sorted(Comparator.comparingInt(PartyResult::seats).reversed()
                        .thenComparing(Comparator.comparingLong(PartyResult::votes).reversed()))
                .toList();
        int max = shown.stream().mapToInt(PartyResult::seats).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (PartyResult p : shown) {
            rows.add(new Row(PartyKeys.displayName(p.party()), null, Charts.colour(p.party()), Integer.toString(p.seats()),
                    changes ? PartyCharts.signed(BigDecimal.valueOf(p.seatChange())) : "", width(p.seats(), max), false));
        }
        String headline = n.headline() != null ? n.headline().text() : n.name();
        return widget(n.electionId(), n.name(), headline, details(n.headline()), "Polling day " + EnGb.date(n.date()),
                n.seatsDeclared() + " of " + n.seats() + " seats declared", null, null,
                changes ? "Seats won, and change since " + n.previousElectionId() : "Seats won so far", "Party", "Seats",
                changes ? "Change" : "", rows, "/elections/" + Html.seg(n.electionId()), "Every seat");
    }

    private static Widget widget(String liveKey, String title, String headline, List<String> details, String meta,
                                 String status, String recordedIso, String recorded, String caption, String nameHeading,
                                 String valueHeading, String detailHeading, List<Row> rows, String href, String linkText) {
        String statusLine = status + (recorded == null ? "" : " (recorded " + recorded + ")");
        EmbedSvg svg = EmbedSvg.layout(headline, details, rows, meta, statusLine, caption);
        return new Widget(liveKey, title, headline, details, meta, status, recordedIso, recorded, caption, nameHeading,
                valueHeading, detailHeading, rows, href, linkText, svg);
    }

    private static List<String> details(Headline h) {
        return h == null ? List.of() : h.details();
    }

    private static String party(Views.CandidateRow r) {
        return r.party() == null ? "Independent" : r.party();
    }

    private static String shown(Views.CandidateRow r) {
        return r.firstPreferences() != null ? r.firstPreferences() : r.votes();
    }

    private static BigDecimal votes(Views.CandidateRow r) {
        String v = shown(r);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v);
    }

    private static String width(BigDecimal v, BigDecimal max) {
        return max.signum() <= 0 ? "0"
                : v.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String width(int v, int max) {
        return width(BigDecimal.valueOf(v), BigDecimal.valueOf(max));
    }
}
