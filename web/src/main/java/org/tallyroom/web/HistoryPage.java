package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;

/**
 * The readable history of one result ({@code /ballots/{id}/history}): every published version, newest
 * first, with its status, when (en-GB, London time), who recorded it and why, and what it changed from
 * the version before ({@link VersionDiff}). The oldest version shown has nothing before it on the
 * page, so it lists its figures as published. The records here are text ready to show; the markup is
 * the template {@code history/page.jte}. The JSON of the same versions stays at {@code /api/ballots/{id}/history}.
 */
public final class HistoryPage {
    private HistoryPage() {
    }

    /** The page: the ballot, links back, and its versions newest first. */
    public record Page(String ballotId, String name, String electionName, String contestHref, String electionHref,
                       String jsonHref, List<Version> versions) {
    }

    /**
     * One version.
     *
     * @param previous the number of the version it is compared with, or null for the first shown
     * @param summary  one sentence on what changed ("2 candidates' votes changed; Ann Able (Lab) now elected.")
     * @param votes    each candidate's line
     * @param account  the ballot paper account: the figures that changed, or for the first version those stated
     */
    public record Version(int number, String anchor, String status, TimeView when, String by, String reason,
                          Integer previous, String summary, List<VoteLine> votes, List<FigureLine> account) {
    }

    /**
     * A candidate's line; {@code before}, {@code difference} are empty for the first version shown.
     *
     * @param elected     "elected", "now elected", "no longer elected" or ""
     * @param changeClass "up", "down" or "" (the CSS class of the difference)
     * @param note        "added", "removed" or ""
     */
    public record VoteLine(String candidate, String before, String after, String difference, String changeClass,
                           boolean changed, String elected, String note) {
    }

    /** A figure of the ballot paper account. */
    public record FigureLine(String label, String before, String after, String difference) {
    }

    /** The page for {@code ballot} from its versions, oldest first (as the store returns them). */
    static Page of(BallotView ballot, List<ResultVersion> versions) {
        List<Version> shown = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            ResultVersion v = versions.get(i);
            shown.add(i == 0 ? first(v) : changed(versions.get(i - 1), v));
        }
        String seg = Html.seg(ballot.ballotId());
        return new Page(ballot.ballotId(), ballot.name(), ballot.electionName(), "/ballots/" + seg,
                ballot.electionId() == null ? null : "/elections/" + Html.seg(ballot.electionId()),
                "/api/ballots/" + seg + "/history", shown);
    }

    static String render(Page page) {
        return Templates.render("history/page.jte", page);
    }

    private static Version first(ResultVersion v) {
        List<VoteLine> votes = v.candidates().stream().map(f -> new VoteLine(label(f.candidate()), "", votes(f.votes()), "", "",
                false, f.elected() ? "elected" : "", "")).toList();
        Turnout t = v.turnout() == null ? Turnout.UNKNOWN : v.turnout();
        List<FigureLine> account = new ArrayList<>();
        stated(account, VersionDiff.Figure.ELECTORATE, big(t.electorate()));
        stated(account, VersionDiff.Figure.BALLOT_PAPERS_ISSUED, big(t.ballotPapersIssued()));
        stated(account, VersionDiff.Figure.TURNOUT, t.percentage());
        stated(account, VersionDiff.Figure.VALID, t.valid());
        stated(account, VersionDiff.Figure.REJECTED, big(t.rejected()));
        return version(v, null, "The figures as " + v.status().id() + ".", votes, account);
    }

    private static Version changed(ResultVersion before, ResultVersion v) {
        VersionDiff d = VersionDiff.between(before, v);
        List<VoteLine> votes = new ArrayList<>();
        List<String> said = new ArrayList<>();
        int changedVotes = 0;
        for (VersionDiff.CandidateChange c : d.candidates()) {
            BigDecimal diff = c.difference();
            boolean votesChanged = c.kind() != VersionDiff.Kind.SAME && (diff == null || diff.signum() != 0);
            changedVotes += votesChanged && c.kind() == VersionDiff.Kind.CHANGED ? 1 : 0;
            String elected = c.electedChanged() ? (c.electedAfter() ? "now elected" : "no longer elected")
                    : c.electedAfter() ? "elected" : "";
            if (c.electedChanged() && c.kind() != VersionDiff.Kind.REMOVED) {
                said.add(label(c.candidate()) + " " + elected);
            }
            String note = switch (c.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                default -> "";
            };
            if (!note.isEmpty()) {
                said.add(label(c.candidate()) + " " + note);
            }
            votes.add(new VoteLine(label(c.candidate()), votes(c.before()), votes(c.after()),
                    diff != null && diff.signum() == 0 ? "" : signed(diff),
                    diff == null ? "" : diff.signum() > 0 ? "up" : diff.signum() < 0 ? "down" : "", c.kind() != VersionDiff.Kind.SAME,
                    elected, note));
        }
        List<FigureLine> account = d.account().stream().map(f -> new FigureLine(f.figure().label(), number(f.before()),
                number(f.after()), signed(f.difference()))).toList();
        List<String> parts = new ArrayList<>();
        if (changedVotes > 0) {
            parts.add(changedVotes == 1 ? "1 candidate's votes changed" : changedVotes + " candidates' votes changed");
        }
        parts.addAll(said);
        d.account().forEach(f -> parts.add(f.figure().label().replace(" (%)", "").toLowerCase(Locale.UK) + " changed"));
        String summary = parts.isEmpty() ? "No figure changed from version " + before.version() + "."
                : capitalise(String.join("; ", parts)) + ".";
        return version(v, before.version(), summary, votes, account);
    }

    private static Version version(ResultVersion v, Integer previous, String summary, List<VoteLine> votes,
                                   List<FigureLine> account) {
        return new Version(v.version(), "v" + v.version(), capitalise(v.status().id()), TimeView.of(v.recordedAt()),
                v.recordedBy(), v.reason(), previous, summary, votes, account);
    }

    private static void stated(List<FigureLine> out, VersionDiff.Figure f, BigDecimal value) {
        if (value != null) {
            out.add(new FigureLine(f.label(), "", number(value), ""));
        }
    }

    /** "Ann Able (Lab)"; a candidate without a party is an Independent, as on the contest page. */
    static String label(BallotView.Candidate c) {
        String party = c.partyLabel();
        return c.name() + " (" + (party.isEmpty() ? "Independent" : party) + ")";
    }

    private static String votes(BigDecimal v) {
        return v == null ? "–" : EnGb.number(v);
    }

    private static String number(BigDecimal v) {
        return v == null ? "not stated" : EnGb.number(v);
    }

    /** "+50", "−12" (a minus sign, not a hyphen), "0"; "" where there is nothing to compare. */
    static String signed(BigDecimal d) {
        if (d == null) {
            return "";
        }
        return d.signum() > 0 ? "+" + EnGb.number(d) : d.signum() < 0 ? "\u2212" + EnGb.number(d.negate()) : "0";
    }

    private static BigDecimal big(Long n) {
        return n == null ? null : BigDecimal.valueOf(n);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
