package org.tallyroom.web;

import org.tallyroom.store.read.Views;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;

/** The count team's pages: sign in, the list of ballots, results entry, and the administrator's page. */
public final class TeamPages {
    private TeamPages() {
    }

    static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.esc(token) + "\">";
    }

    public static String login(String error, String username, String csrf) {
        Html h = new Html();
        h.raw("<h1>Sign in</h1><p>For the count team: results entry, returning officers and administrators.</p>");
        if (error != null) {
            h.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
        }
        h.raw("<form method=\"post\" action=\"/login\" id=\"login\">" + csrf(csrf) + "<div class=\"field\"><label for=\"username\">User name</label>")
                .raw("<input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"").text(username)
                .raw("\"></div><div class=\"field\"><label for=\"password\">Password</label>")
                .raw("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></div>")
                .raw("<button type=\"submit\">Sign in</button></form>");
        return h.toString();
    }

    /** A ballot on the count team's list. */
    public record Row(String ballotId, String name, String electionName, String status, Integer version) {
    }

    public static String count(User user, List<Row> rows) {
        Html h = new Html();
        h.raw("<h1>Count</h1><p>Signed in as ").text(user.username()).raw(" (")
                .text(String.join(", ", user.roles().stream().map(Role::id).sorted().toList())).raw(").</p>");
        h.raw("<div class=\"scroll\"><table id=\"count-list\"><caption>Ballots and the state of their results</caption><thead><tr>")
                .raw("<th scope=\"col\">Ballot</th><th scope=\"col\">Election</th><th scope=\"col\">Result</th></tr></thead><tbody>");
        for (Row r : rows) {
            h.raw("<tr><th scope=\"row\">").link("/count/ballots/" + Html.seg(r.ballotId()), r.name()).raw("</th><td>")
                    .text(r.electionName()).raw("</td><td>").text(r.status() == null ? "not entered" : r.status() + " (v" + r.version() + ")")
                    .raw("</td></tr>");
        }
        return h.raw("</tbody></table></div>").toString();
    }

    public static String entry(User user, Views.Contest c, String csrf, String message, String error) {
        Html h = new Html();
        h.raw("<p class=\"crumbs\">").link("/count", "Count").raw("</p><h1>").text(c.name()).raw("</h1><p class=\"meta\"><code>")
                .text(c.ballotId()).raw("</code> · ").text(c.seats()).raw(c.seats() == 1 ? " seat" : " seats").raw(" · ")
                .text(Pages.methodName(c.votingSystem())).raw("</p>");
        if (message != null) {
            h.raw("<p class=\"ok\" role=\"status\">").text(message).raw("</p>");
        }
        if (error != null) {
            h.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
        }
        String state = c.result() == null ? "not entered" : c.result().status() + " (version " + c.result().version() + ", "
                + c.result().recordedBy() + ")";
        h.raw("<p id=\"state\">Result: <strong>").text(state).raw("</strong></p>");
        boolean declared = c.result() != null && !c.result().status().equals("provisional");
        Method.Input input = Methods.counts(c.votingSystem());
        boolean preferential = input == Method.Input.RANKED_PAPERS;
        boolean sv = input == Method.Input.FIRST_AND_SECOND_CHOICES;
        h.raw("<form method=\"post\" action=\"/count/ballots/").raw(Html.esc(Html.seg(c.ballotId()))).raw("\" id=\"entry\">")
                .raw(csrf(csrf)).raw("<input type=\"hidden\" name=\"version\" value=\"")
                .text(c.result() == null ? "" : "v" + c.result().version()).raw("\">");
        h.raw("<fieldset><legend>").text(preferential ? "Ballot papers" : "Votes for each candidate").raw("</legend>");
        if (preferential) {
            h.raw("<p id=\"papers-help\">One line per bundle of identical papers: the number of papers, a colon, then the ")
                    .raw("candidates' numbers in order of preference, e.g. <code>120: 2 1 3</code>.</p><ol>");
            for (Views.CandidateRow r : c.candidates()) {
                h.raw("<li>").text(r.name()).raw(" (").text(r.party() == null ? "Independent" : r.party()).raw(")</li>");
            }
            h.raw("</ol><label for=\"papers\">Papers</label><textarea id=\"papers\" name=\"papers\" rows=\"8\" ")
                    .raw("aria-describedby=\"papers-help\"></textarea>");
        } else {
            for (Views.CandidateRow r : c.candidates()) {
                String id = "votes-" + r.position();
                h.raw("<div class=\"field\"><label for=\"").raw(id).raw("\">").text(r.name()).raw(" (")
                        .text(r.party() == null ? "Independent" : r.party()).raw(")</label><input id=\"").raw(id)
                        .raw("\" name=\"").raw(id).raw("\" inputmode=\"numeric\" pattern=\"[0-9]*\" value=\"")
                        .text(r.votes() == null ? "" : Pages.votes(r.votes()).replace(",", "")).raw("\"></div>");
                if (sv) {
                    String id2 = "second-" + r.position();
                    h.raw("<div class=\"field\"><label for=\"").raw(id2).raw("\">").text(r.name())
                            .raw(" second preferences transferred</label><input id=\"").raw(id2).raw("\" name=\"").raw(id2)
                            .raw("\" inputmode=\"numeric\" pattern=\"[0-9]*\"></div>");
                }
            }
        }
        h.raw("</fieldset><fieldset><legend>Ballot paper account (optional)</legend>")
                .raw("<div class=\"field\"><label for=\"electorate\">Electorate</label><input id=\"electorate\" name=\"electorate\" inputmode=\"numeric\" value=\"")
                .text(c.electorate() == null ? "" : c.electorate()).raw("\"></div>")
                .raw("<div class=\"field\"><label for=\"issued\">Ballot papers issued</label><input id=\"issued\" name=\"issued\" inputmode=\"numeric\" value=\"")
                .text(c.ballotPapersIssued() == null ? "" : c.ballotPapersIssued()).raw("\"></div>")
                .raw("<div class=\"field\"><label for=\"rejected\">Rejected papers</label><input id=\"rejected\" name=\"rejected\" inputmode=\"numeric\" value=\"")
                .text(c.rejected() == null ? "" : c.rejected()).raw("\"></div></fieldset>");
        if (declared) {
            h.raw("<div class=\"field\"><label for=\"reason\">Reason for the correction</label>")
                    .raw("<input id=\"reason\" name=\"reason\" size=\"40\"></div>");
            if (user.may(Role.RETURNING_OFFICER)) {
                h.raw("<button type=\"submit\" name=\"action\" value=\"correct\">Correct the declared result</button>");
            }
        } else {
            h.raw("<button type=\"submit\" name=\"action\" value=\"provisional\">Save provisional figures</button> ");
            if (user.may(Role.RETURNING_OFFICER)) {
                h.raw("<button type=\"submit\" name=\"action\" value=\"declare\" id=\"declare\">Declare</button>");
            }
        }
        h.raw("</form><p>").link("/ballots/" + Html.seg(c.ballotId()), "Public page").raw("</p>");
        return h.toString();
    }

    public static String admin(List<User> users, List<Map<String, Object>> audit, String csrf, String newToken, String error) {
        Html h = new Html();
        h.raw("<h1>Administration</h1>");
        if (error != null) {
            h.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
        }
        if (newToken != null) {
            h.raw("<p class=\"ok\" role=\"status\">New API token (shown once; send it as <code>Authorization: Bearer …</code>): ")
                    .raw("<code id=\"new-token\">").text(newToken).raw("</code></p>");
        }
        h.raw("<h2>Users</h2><div class=\"scroll\"><table><caption>The count team</caption><thead><tr><th scope=\"col\">User</th>")
                .raw("<th scope=\"col\">Roles</th></tr></thead><tbody>");
        for (User u : users) {
            h.raw("<tr><th scope=\"row\">").text(u.username()).raw("</th><td>")
                    .text(String.join(", ", u.roles().stream().map(Role::id).sorted().toList())).raw("</td></tr>");
        }
        h.raw("</tbody></table></div><h2>Add a user</h2><form method=\"post\" action=\"/admin/users\">").raw(csrf(csrf))
                .raw("<div class=\"field\"><label for=\"nu\">User name</label><input id=\"nu\" name=\"username\" required></div>")
                .raw("<div class=\"field\"><label for=\"np\">Password (10 characters or more)</label><input id=\"np\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></div>")
                .raw("<fieldset><legend>Roles</legend>");
        for (Role r : Role.values()) {
            h.raw("<label><input type=\"checkbox\" name=\"roles\" value=\"").raw(r.id()).raw("\"> ").raw(r.id()).raw("</label> ");
        }
        h.raw("</fieldset><button type=\"submit\">Add user</button></form>");
        h.raw("<h2>Issue an API token</h2><form method=\"post\" action=\"/admin/tokens\">").raw(csrf(csrf))
                .raw("<div class=\"field\"><label for=\"tu\">For user</label><input id=\"tu\" name=\"username\" required></div>")
                .raw("<div class=\"field\"><label for=\"tl\">Label</label><input id=\"tl\" name=\"label\"></div>")
                .raw("<button type=\"submit\">Issue token</button></form>");
        h.raw("<h2>Audit log</h2><div class=\"scroll\"><table id=\"audit\"><caption>Latest 100 entries</caption><thead><tr>")
                .raw("<th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">Target</th>")
                .raw("<th scope=\"col\">Detail</th><th scope=\"col\">From</th></tr></thead><tbody>");
        for (Map<String, Object> a : audit) {
            h.raw("<tr><td>").text(a.get("at")).raw("</td><td>").text(a.get("username")).raw("</td><td>").text(a.get("action"))
                    .raw("</td><td>").text(a.get("target")).raw("</td><td>").text(a.get("detail")).raw("</td><td>").text(a.get("ip"))
                    .raw("</td></tr>");
        }
        return h.raw("</tbody></table></div>").toString();
    }
}
