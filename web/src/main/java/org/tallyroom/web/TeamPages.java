package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.store.read.Views;

/**
 * The count team's pages: sign in, the list of ballots, results entry, and the administrator's page.
 * Each is a JTE template under {@code src/main/jte/team/} rendered from a view record built here: the
 * records hold text only (formatted en-GB, decided which buttons a role sees), the templates hold the
 * markup and escape every value, so no HTML is assembled in Java.
 */
public final class TeamPages {
    private TeamPages() {
    }

    /** The sign-in form; {@code csrf} the double-submit token its hidden field repeats. */
    public record Login(String error, String username, String csrf) {
    }

    public static String login(String error, String username, String csrf) {
        return Templates.render("team/login.jte", new Login(error, username == null ? "" : username, csrf));
    }

    /** A ballot on the count team's list. */
    public record Row(String ballotId, String name, String electionName, String status, Integer version) {
        public String href() {
            return "/count/ballots/" + Html.seg(ballotId);
        }

        public String state() {
            return status == null ? "not entered" : status + " (v" + version + ")";
        }
    }

    /** The count team's list: who is signed in, with which roles, and every ballot. */
    public record Count(String username, String roles, List<Row> rows) {
    }

    public static String count(User user, List<Row> rows) {
        return Templates.render("team/count.jte", new Count(user.username(), roles(user), rows));
    }

    /** A candidate on the entry form: the label ("Name (Party)") and the figures already entered, if any. */
    public record EntryCandidate(int position, String label, String votes) {
    }

    /**
     * The results entry form of one ballot.
     *
     * @param version      the ETag of the result the form was shown with ("v3"), or "" before any
     * @param preferential ranked papers are entered (STV, AV)
     * @param sv           the supplementary vote: second preferences too
     * @param declared     declared already: only a correction, with its reason, is possible
     * @param officer      the user is a returning officer: may declare and correct
     */
    public record Entry(String ballotId, String name, String seats, String method, String message, String error,
                        String state, String action, String csrf, String version, boolean preferential, boolean sv,
                        List<EntryCandidate> candidates, String electorate, String issued, String rejected,
                        boolean declared, boolean officer, String publicHref, String historyHref) {
    }

    public static String entry(User user, Views.Contest c, String csrf, String message, String error) {
        String state = c.result() == null ? "not entered" : c.result().status() + " (version " + c.result().version() + ", "
                + c.result().recordedBy() + ")";
        boolean declared = c.result() != null && !c.result().status().equals("provisional");
        Method.Input input = Methods.counts(c.votingSystem());
        List<EntryCandidate> candidates = c.candidates().stream().map(r -> new EntryCandidate(r.position(),
                r.name() + " (" + (r.party() == null ? "Independent" : r.party()) + ")",
                r.votes() == null ? "" : EnGb.number(new BigDecimal(r.votes())).replace(",", ""))).toList();
        String id = Html.seg(c.ballotId());
        return Templates.render("team/entry.jte", new Entry(c.ballotId(), c.name(), c.seats() + (c.seats() == 1 ? " seat" : " seats"),
                c.votingSystem() == null ? "method not recorded" : Methods.displayName(c.votingSystem()), message, error, state,
                "/count/ballots/" + id, csrf, c.result() == null ? "" : "v" + c.result().version(),
                input == Method.Input.RANKED_PAPERS, input == Method.Input.FIRST_AND_SECOND_CHOICES, candidates,
                text(c.electorate()), text(c.ballotPapersIssued()), text(c.rejected()), declared,
                user.may(Role.RETURNING_OFFICER), "/ballots/" + id, "/ballots/" + id + "/history"));
    }

    /** A member of the count team and their roles. */
    public record UserLine(String username, String roles) {
    }

    /** An entry of the audit log. */
    public record AuditLine(TimeView at, String username, String action, String target, String detail, String ip) {
    }

    /** The administrator's page; {@code newToken} a token just issued (shown once), or null. */
    public record Admin(String error, String newToken, String csrf, List<UserLine> users, List<String> roles,
                        List<AuditLine> audit) {
    }

    public static String admin(List<User> users, List<Map<String, Object>> audit, String csrf, String newToken, String error) {
        List<AuditLine> lines = audit.stream().map(a -> new AuditLine(TimeView.of(a.get("at")), text(a.get("username")),
                text(a.get("action")), text(a.get("target")), text(a.get("detail")), text(a.get("ip")))).toList();
        return Templates.render("team/admin.jte", new Admin(error, newToken, csrf,
                users.stream().map(u -> new UserLine(u.username(), roles(u))).toList(),
                java.util.Arrays.stream(Role.values()).map(Role::id).toList(), lines));
    }

    private static String roles(User u) {
        return String.join(", ", u.roles().stream().map(Role::id).sorted().toList());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
