package org.tallyroom.analysis.text;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.composition.Composition;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.analysis.composition.TimelineEntry;
import org.tallyroom.analysis.contest.CandidateLine;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.analysis.contest.PartyLine;
import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.contest.Swing;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.analysis.council.CouncilSummary;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.council.WardSeatChange;
import org.tallyroom.analysis.irregularity.IrregularityCheck;
import org.tallyroom.analysis.irregularity.WinnerCheck;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.national.Flow;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.analysis.national.SeatChange;
import org.tallyroom.analysis.projection.ProjectedParty;
import org.tallyroom.analysis.projection.ProjectionResult;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.ward.WardBreakdown;
import org.tallyroom.analysis.ward.WardLead;
import org.tallyroom.analysis.ward.WardLine;
import org.tallyroom.analysis.ward.WardShare;
import org.tallyroom.analysis.ward.WardSwingLine;
import org.tallyroom.analysis.ward.WardSwings;

/**
 * Tables a person reads, one method per result. Votes with thousands separators; shares and
 * swings in percent (points) to 2 dp, rounded half up from the exact values; changes signed.
 * Every table that shows a party share or a comparison names its convention or basis.
 */
public final class PlainText {
    private PlainText() {
    }

    /** An STV count's last seat, where a plurality count shows its majority: one line. */
    public static String render(LastSeat l) {
        return "Last seat: " + String.format(Locale.ROOT, "%,." + l.votes().scale() + "f", l.votes()) + " votes at stage "
                + l.stage() + ", " + l.lastElected() + " over " + l.runnerUp()
                + " (no majority on first preferences: the last elected over the candidate not elected who stood longest)\n";
    }

    public static String render(ContestSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(s.divisionName()).append(" (").append(s.divisionId()).append("): ").append(seats(s.seats()))
                .append("\n\n");
        TextTable t = new TextTable("Candidate", "Party", s.firstPreferences() ? ">First prefs" : ">Votes", ">Share %", "Elected");
        for (CandidateLine c : s.candidates()) {
            t.row(c.name(), c.party(), votes(c.votes()), pct(c.share()), c.elected() ? "elected" : "");
        }
        t.appendTo(out);
        out.append('\n').append("Votes cast for candidates: ").append(votes(s.totalVotes())).append('\n');
        appendKnown(out, "Valid ballot papers", s.validPapers());
        appendKnown(out, "Rejected ballot papers", s.rejectedPapers());
        appendKnown(out, "Electorate", s.electorate());
        s.turnout().ifPresent(f -> out.append("Turnout: ").append(pct(f))
                .append("% (valid and rejected papers over electorate)\n"));
        s.validVoteTurnout().ifPresent(f -> out.append("Turnout on valid votes: ").append(pct(f)).append("%\n"));
        s.majority().ifPresentOrElse(m -> out.append("Majority: ").append(votes(m.votes()))
                        .append(m.ofValid().map(f -> " (" + pct(f) + "% of valid papers)").orElse(""))
                        .append(", ").append(m.lastElected()).append(" over ").append(m.firstNotElected())
                        .append(s.seats() > 1 ? " (last elected over first not elected)" : "").append('\n'),
                () -> out.append(s.lastSeat().map(PlainText::render).orElse(s.firstPreferences()
                        ? "Majority: none (an STV count elects on transfers too: the stages are in the stored count report)\n"
                        : "Majority: none (uncontested)\n")));
        out.append("\nParty shares (").append(s.convention().description()).append(")\n");
        TextTable p = new TextTable("Party", ">Candidates", ">Votes", ">Share %");
        for (PartyLine l : s.parties()) {
            p.row(l.party(), l.candidates(), votes(l.votes()), pct(l.share()));
        }
        p.appendTo(out);
        return out.toString();
    }

    public static String render(ContestChange c) {
        StringBuilder out = new StringBuilder();
        out.append(c.divisionName()).append(" (").append(c.divisionId()).append("): ").append(c.verdict())
                .append("\n\nChange in share (").append(c.convention().description()).append(")\n");
        TextTable t = new TextTable("Party", ">Before %", ">After %", ">Change");
        for (ShareChange s : c.parties()) {
            t.row(s.party(), s.stoodBefore() ? pct(s.before()) : "-", s.stoodAfter() ? pct(s.after()) : "-",
                    signed(s.change()));
        }
        t.appendTo(out);
        return out.toString();
    }

    public static String render(Swing s) {
        if (s.points().signum() == 0) {
            return "No swing between " + s.partyA() + " and " + s.partyB() + " (Butler swing 0.00)\n";
        }
        return "Swing of " + pct(s.size()) + " points from " + s.from() + " to " + s.towards()
                + " (Butler swing " + s.partyA() + "-" + s.partyB() + ": " + signed(s.points())
                + "; positive is towards " + s.partyA() + ")\n";
    }

    public static String render(CouncilSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(s.name()).append(": ").append(s.seats()).append(" seats, ").append(s.control().threshold())
                .append(" for a majority\n\n");
        TextTable t = new TextTable("Party", ">Seats");
        for (PartySeats p : s.byParty()) {
            t.row(p.party(), p.seats());
        }
        t.appendTo(out);
        out.append('\n').append("Control: ").append(s.control().describe()).append('\n');
        return out.toString();
    }

    public static String render(CouncilChange c) {
        StringBuilder out = new StringBuilder();
        out.append(c.after().name()).append(" against ").append(c.before().name()).append(": ")
                .append(c.after().seats()).append(" seats, ").append(c.after().control().threshold())
                .append(" for a majority\n")
                .append("Compared ").append(c.basis().description())
                .append(c.directWards() == 0 ? "" : "; " + c.directWards() + (c.directWards() == 1 ? " ward" : " wards")
                        + " unchanged (same code, same seats) compared directly with " + c.before().name())
                .append("\n\n");
        boolean byWard = c.parties().stream().anyMatch(p -> p.gains().isPresent());
        TextTable t = byWard ? new TextTable("Party", ">Before", ">Seats", ">Gains", ">Losses", ">Net")
                : new TextTable("Party", ">Before", ">Seats", ">Net");
        for (PartyChange p : c.parties()) {
            if (byWard) {
                t.row(p.party(), p.before(), p.after(), count(p.gains()), count(p.losses()), signed(p.net()));
            } else {
                t.row(p.party(), p.before(), p.after(), signed(p.net()));
            }
        }
        t.appendTo(out);
        out.append('\n').append("Control before: ").append(c.before().control().describe()).append('\n')
                .append("Control now: ").append(c.after().control().describe()).append('\n')
                .append(c.controlChanged() ? "Control changed: " : "Control unchanged: ").append(c.verdict())
                .append('\n');
        if (!c.wards().isEmpty()) {
            out.append("\nWards changing\n");
            TextTable w = new TextTable("Ward", "Before", "Now");
            for (WardSeatChange ward : c.wards()) {
                w.row(ward.divisionName(), seatList(ward.before()), seatList(ward.after()));
            }
            w.appendTo(out);
        }
        return out.toString();
    }

    public static String render(NationalResult n) {
        StringBuilder out = new StringBuilder();
        out.append(n.name()).append(n.previousName().map(p -> " against " + p).orElse("")).append(": ")
                .append(n.seats()).append(" seats, ").append(n.control().threshold()).append(" for a majority\n\n");
        boolean compared = n.previousName().isPresent();
        TextTable t = compared
                ? new TextTable("Party", ">Seats", ">Change", ">Votes", ">Share %", ">Change")
                : new TextTable("Party", ">Seats", ">Votes", ">Share %");
        for (PartyResult p : n.parties()) {
            if (compared) {
                t.row(p.party(), p.seats(), signed(p.seatChange()), votes(p.votes()), pct(p.share()),
                        signed(p.shareChange()));
            } else {
                t.row(p.party(), p.seats(), votes(p.votes()), pct(p.share()));
            }
        }
        t.appendTo(out);
        out.append('\n').append("Result: ").append(n.control().describe()).append('\n');
        if (compared) {
            out.append("\nSeats changing hands: ").append(n.changingHands().size()).append('\n');
            TextTable f = new TextTable("From", "To", ">Seats");
            for (Flow flow : n.flows()) {
                f.row(flow.from(), flow.to(), flow.seats());
            }
            f.appendTo(out);
            if (!n.unmatched().isEmpty()) {
                out.append("\nNot compared (no seat with the same id): ").append(String.join("; ", n.unmatched()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A marginal or target list; {@code title} says which ("Lab targets"). */
    public static String render(String title, List<MarginalSeat> seats) {
        StringBuilder out = new StringBuilder(title).append("\n\n");
        TextTable t = new TextTable(">#", "Seat", "Held by", "Challenger", ">Majority", ">Majority %",
                ">Swing needed");
        for (MarginalSeat s : seats) {
            t.row(s.rank(), s.divisionName(), s.holder(), s.challenger(), votes(s.majorityVotes()),
                    pct(s.majorityShare()), pct(s.swingNeeded()));
        }
        t.appendTo(out);
        out.append("\nSwing needed: half the lead in share; a larger uniform swing from holder to challenger takes"
                + " the seat.\n");
        return out.toString();
    }

    public static String render(ProjectionResult p) {
        StringBuilder out = new StringBuilder();
        out.append(p.election()).append(" projected, ").append(p.model().description()).append('\n');
        out.append("Changes: ").append(p.changes().isEmpty() ? "none" : String.join(", ",
                p.changes().stream().map(PlainText::change).toList())).append("\n\n");
        TextTable t = new TextTable("Party", ">Actual", ">Projected", ">Change");
        for (ProjectedParty party : p.parties()) {
            t.row(party.party(), party.actual(), party.projected(), signed(party.change()));
        }
        t.appendTo(out);
        out.append('\n').append("Projected result: ").append(p.control().describe()).append('\n');
        if (!p.tied().isEmpty()) {
            out.append("Tied seats (allocated to none): ").append(String.join("; ", p.tied())).append('\n');
        }
        if (!p.changingHands().isEmpty()) {
            out.append("\nSeats changing hands\n");
            TextTable c = new TextTable("Seat", "From", "To");
            for (SeatChange s : p.changingHands()) {
                c.row(s.divisionName(), s.from(), s.to());
            }
            c.appendTo(out);
        }
        return out.toString();
    }

    public static String render(WardBreakdown b) {
        StringBuilder out = new StringBuilder(b.contest()).append(" by ward (share of the ward's votes, %)\n\n");
        List<WardShare> head = b.total().shares();
        String[] columns = new String[head.size() + 3];
        columns[0] = "Ward";
        columns[1] = ">Votes";
        for (int i = 0; i < head.size(); i++) {
            columns[i + 2] = ">" + surname(head.get(i).name());
        }
        columns[columns.length - 1] = "Leader";
        TextTable t = new TextTable(columns);
        for (WardLine w : b.wards()) {
            t.row(wardRow(w));
        }
        t.row(wardRow(b.total()));
        t.appendTo(out);
        out.append("\nWards led\n");
        TextTable l = new TextTable("Candidate", "Party", ">Led", ">Level");
        for (WardLead lead : b.leads()) {
            if (lead.wardsLed() + lead.wardsLevel() > 0) {
                l.row(lead.name(), lead.party(), lead.wardsLed(), lead.wardsLevel());
            }
        }
        l.appendTo(out);
        return out.toString();
    }

    public static String render(WardSwings s) {
        StringBuilder out = new StringBuilder("Swing by ward, ").append(s.partyA()).append(" and ").append(s.partyB())
                .append(" (positive is towards ").append(s.partyA()).append("; ").append(s.convention().description())
                .append(")\n\n");
        TextTable t = new TextTable("Ward", ">" + s.partyA() + " change", ">" + s.partyB() + " change", ">Swing");
        for (WardSwingLine w : s.wards()) {
            t.row(w.wardName(), signed(w.a().change()), signed(w.b().change()), signed(w.swing().points()));
        }
        t.appendTo(out);
        out.append("\nAll matched wards: ").append(render(s.overall()));
        if (!s.unmatched().isEmpty()) {
            out.append("Not matched: ").append(String.join("; ", s.unmatched())).append('\n');
        }
        return out.toString();
    }

    public static String render(Composition c) {
        StringBuilder out = new StringBuilder("Composition at ").append(c.date()).append(": ").append(c.seats())
                .append(" seats, ").append(c.control().threshold()).append(" for a majority\n\n");
        TextTable t = new TextTable("Group", ">Seats");
        for (PartySeats p : c.byGroup()) {
            t.row(p.party(), p.seats());
        }
        if (c.vacant() > 0) {
            t.row("Vacant", c.vacant());
        }
        t.appendTo(out);
        out.append('\n').append("Control: ").append(c.control().describe()).append('\n');
        return out.toString();
    }

    public static String render(Timeline timeline) {
        StringBuilder out = new StringBuilder("Timeline from ").append(timeline.start().date()).append(" (")
                .append(summary(timeline.start())).append(")\n\n");
        TextTable t = new TextTable("Date", "Event", "Composition after", "Control");
        for (TimelineEntry e : timeline.entries()) {
            t.row(e.date(), e.description(), summary(e.after()),
                    e.after().control().label() + (e.controlChanged() ? " (changed)" : ""));
        }
        t.appendTo(out);
        return out.toString();
    }

    public static String render(IrregularityCheck c) {
        StringBuilder out = new StringBuilder(c.divisionName()).append(": ").append(votes(c.affected()))
                .append(" electors affected\n\n");
        TextTable t = new TextTable("Elected", "Party", "Nearest loser", ">Margin", ">Affected - margin", "Verdict");
        for (WinnerCheck w : c.winners()) {
            t.row(w.winner(), w.party(), w.nearestLoser(), votes(w.margin()), signedVotes(w.affectedMinusMargin()),
                    w.outcome().description());
        }
        t.appendTo(out);
        out.append('\n').append(c.couldChange() ? "The irregularity COULD have changed the result."
                : "The irregularity could not have changed the result.").append('\n')
                .append("(Each affected elector could have given one vote to the nearest defeated candidate; a"
                        + " margin equal to the electors affected could have been a tie.)\n");
        return out.toString();
    }

    private static Object[] wardRow(WardLine w) {
        Object[] row = new Object[w.shares().size() + 3];
        row[0] = w.wardName();
        row[1] = votes(w.total());
        for (int i = 0; i < w.shares().size(); i++) {
            row[i + 2] = pct(w.shares().get(i).share());
        }
        row[row.length - 1] = String.join(" = ", w.leaders().stream().map(PlainText::surname).toList());
        return row;
    }

    private static String summary(Composition c) {
        StringBuilder s = new StringBuilder(seatList(c.byGroup()));
        if (c.vacant() > 0) {
            s.append(", vacant ").append(c.vacant());
        }
        return s.toString();
    }

    private static String seatList(List<PartySeats> seats) {
        return seats.isEmpty() ? "none"
                : String.join(", ", seats.stream().map(p -> p.party() + " " + p.seats()).toList());
    }

    private static String seats(int n) {
        return n == 1 ? "1 seat" : n + " seats";
    }

    private static String surname(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }

    private static String change(ShareChanges.Change c) {
        return c.party() + " " + signed(c.points());
    }

    private static void appendKnown(StringBuilder out, String label, OptionalLong n) {
        n.ifPresent(v -> out.append(label).append(": ").append(votes(v)).append('\n'));
    }

    static String votes(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String signedVotes(long n) {
        return (n > 0 ? "+" : "") + votes(n);
    }

    static String pct(Fraction f) {
        return f.percent().toPlainString();
    }

    static String signed(Fraction f) {
        String p = f.percent().toPlainString();
        return f.percent().signum() > 0 ? "+" + p : p;
    }

    static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    private static String count(OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : "-";
    }

    /** The control label with its description, for callers composing their own lines. */
    public static String control(Control c) {
        return c.describe();
    }
}
