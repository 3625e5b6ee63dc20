package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.analysis.national.SeatChange;
import org.tallyroom.analysis.projection.ProjectedParty;
import org.tallyroom.store.read.Views;
import tools.jackson.databind.JsonNode;

/** The public pages and the count team's pages, as HTML bodies (see {@link Html#page}). */
public final class Pages {
    private Pages() {
    }

    static String pct(BigDecimal b) {
        return b == null ? "–" : b.toPlainString() + "%";
    }

    static String signed(BigDecimal b) {
        return b == null ? "–" : (b.signum() > 0 ? "+" : "") + EnGb.number(b);
    }

    static String num(Long n) {
        return n == null ? "–" : EnGb.number(n);
    }

    static String votes(String exact) {
        if (exact == null) {
            return "–";
        }
        return EnGb.number(new BigDecimal(exact));
    }

    public static String elections(List<Views.ElectionItem> items) {
        Html h = new Html();
        h.raw("<h1>Elections</h1>");
        if (items.isEmpty()) {
            h.raw("<p>No elections are stored yet.</p>");
            return h.toString();
        }
        h.raw("<div class=\"scroll\"><table><caption>Every election in the results store, newest first</caption>")
                .raw("<thead><tr><th scope=\"col\">Election</th><th scope=\"col\">Polling day</th><th scope=\"col\">Ballots</th>")
                .raw("<th scope=\"col\">Declared</th></tr></thead><tbody>");
        for (Views.ElectionItem e : items) {
            h.raw("<tr><th scope=\"row\">").link("/elections/" + Html.seg(e.id()), e.name()).raw("<br><code>").text(e.id())
                    .raw("</code></th><td>").raw(EnGb.time(e.date())).raw("</td><td>").text(e.ballots()).raw("</td><td data-declared>")
                    .text(e.declared() + " of " + e.ballots()).raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
        return h.toString();
    }

    private static List<Charts.Seats> seats(List<PartySeats> held) {
        List<Charts.Seats> out = new ArrayList<>();
        held.forEach(p -> out.add(new Charts.Seats(p.party(), p.seats())));
        return out;
    }

    public static String council(Views.Council c, boolean hasTimeline, String map) {
        Html h = new Html();
        h.raw("<h1>").text(c.name()).raw("</h1>").raw(HeadlineHtml.of(c.headline())).raw("<p class=\"meta\">Polling day ")
                .raw(EnGb.time(c.date())).raw(" · <code>").text(c.electionId()).raw("</code></p>");
        h.raw("<p class=\"progress\" id=\"progress\">").text(c.ballotsDeclared() + " of " + c.ballots() + " wards declared, "
                + c.seatsDeclared() + " of " + c.seats() + " seats").raw("</p>");
        h.raw("<section aria-labelledby=\"seats-h\"><h2 id=\"seats-h\">Seats by party</h2>");
        h.raw(Charts.arc("arc", "Seats by party in " + c.name(), seats(c.seatsByParty()), c.seats()));
        // The headline states control as far as it is certain; without one (a summary stored before headlines),
        // control is stated only once every seat has declared.
        if (c.headline() == null && c.seatsDeclared() == c.seats()) {
            h.raw("<p class=\"control\"><strong>Control:</strong> ").text(c.control().describe());
            if (c.verdict() != null) {
                h.raw(" — ").text(c.verdict());
            }
            h.raw("</p>");
        }
        h.raw("<div class=\"scroll\"><table id=\"seats-table\"><caption>").text(c.changes().isEmpty()
                ? (c.seatsDeclared() < c.seats() ? "Seats won so far" : "Seats won") : (c.seatsDeclared() < c.seats()
                ? "Seats won so far, and change in the declared wards" : "Seats won, and change since " + c.previousElectionId()))
                .raw("</caption><thead><tr>")
                .raw("<th scope=\"col\">Party</th><th scope=\"col\">Seats</th>");
        boolean changes = !c.changes().isEmpty();
        // Gains and losses ward by ward only where the wards compare; across new boundaries, the net change alone.
        boolean byWard = c.changes().stream().anyMatch(p -> p.gains().isPresent());
        if (changes) {
            h.raw(byWard ? "<th scope=\"col\">Gains</th><th scope=\"col\">Losses</th>" : "").raw("<th scope=\"col\">Net</th>");
        }
        h.raw("</tr></thead><tbody>");
        if (changes) {
            for (PartyChange p : c.changes()) {
                h.raw("<tr><th scope=\"row\">").raw(Charts.key(p.party())).text(p.party()).raw("</th><td>").text(p.after()).raw("</td><td>");
                if (byWard) {
                    h.text(p.gains().isPresent() ? p.gains().getAsInt() : "–").raw("</td><td>")
                            .text(p.losses().isPresent() ? p.losses().getAsInt() : "–").raw("</td><td>");
                }
                h.text((p.net() > 0 ? "+" : "") + p.net()).raw("</td></tr>");
            }
        } else {
            for (PartySeats p : c.seatsByParty()) {
                h.raw("<tr><th scope=\"row\">").raw(Charts.key(p.party())).text(p.party()).raw("</th><td>").text(p.seats()).raw("</td></tr>");
            }
        }
        h.raw("</tbody></table></div>");
        if (c.comparedOn() != null) {
            h.raw("<p class=\"note\">Compared: ").text(c.comparedOn()).raw("</p>");
        }
        h.raw("<p>Turnout (declared wards): ").text(pct(c.turnout())).raw("</p></section>");
        h.raw(map);
        h.raw("<section aria-labelledby=\"wards-h\"><h2 id=\"wards-h\">Every ward</h2>").raw(seatTable("wards-table", "Ward",
                c.wards()));
        h.raw("</section>");
        if (hasTimeline && c.organisationSlug() != null) {
            h.raw("<p>").link("/organisations/" + Html.seg(c.organisationSlug()), "By-elections and events for "
                    + (c.organisation() == null ? c.organisationSlug() : c.organisation())).raw("</p>");
        }
        return h.toString();
    }

    static String seatTable(String id, String what, List<Views.SeatRow> rows) {
        Html h = new Html();
        h.raw("<div class=\"scroll\"><table id=\"").raw(id).raw("\"><caption>Result in each ").text(what.toLowerCase(java.util.Locale.ROOT))
                .raw("</caption><thead><tr><th scope=\"col\">").text(what).raw("</th><th scope=\"col\">Seats</th>")
                .raw("<th scope=\"col\">Elected</th><th scope=\"col\">Result</th><th scope=\"col\">Majority</th>")
                .raw("<th scope=\"col\">Turnout</th></tr></thead><tbody>");
        for (Views.SeatRow r : rows) {
            h.raw("<tr data-ballot=\"").text(r.ballotId()).raw("\" data-status=\"").text(r.status()).raw("\"><th scope=\"row\">")
                    .link("/ballots/" + Html.seg(r.ballotId()), r.name()).raw("</th><td>").text(r.seats()).raw("</td><td>");
            if (r.elected().isEmpty()) {
                h.raw("<span class=\"awaiting\">Awaiting declaration</span>");
            } else {
                h.text(String.join(", ", r.elected()));
            }
            h.raw("</td><td>").text(r.verdict() != null ? r.verdict() : r.parties().isEmpty() ? "" : String.join(", ", r.parties()))
                    .raw("</td><td>").text(num(r.majority())).raw("</td><td>").text(pct(r.turnout())).raw("</td></tr>");
        }
        return h.raw("</tbody></table></div>").toString();
    }

    public static String contest(Views.Contest c) {
        return contest(c, List.of());
    }

    /** A contest page; {@code history} its published versions, listed (times en-GB) where it was corrected. */
    public static String contest(Views.Contest c, List<Views.ResultInfo> history) {
        Html h = new Html();
        h.raw("<p class=\"crumbs\">").link("/elections/" + Html.seg(c.electionId()), c.electionName()).raw("</p>");
        h.raw("<h1>").text(c.name()).raw("</h1>").raw(HeadlineHtml.of(c.headline())).raw("<p class=\"meta\">")
                .text(c.organisation()).raw(" · polling day ").raw(EnGb.time(c.date())).raw(" · ").text(c.seats() == 1 ? "1 seat" : c.seats() + " seats").raw(" · ")
                .text(methodName(c.votingSystem())).raw(c.byElection() ? " · by-election" : "").raw(" · <code>")
                .text(c.ballotId()).raw("</code></p>");
        if (c.result() == null) {
            h.raw("<p class=\"status awaiting\" id=\"status\">Awaiting declaration.</p>");
            h.raw("<h2>Candidates</h2><ul>");
            for (Views.CandidateRow r : c.candidates()) {
                h.raw("<li>").text(r.name()).raw(" (").text(r.party() == null ? "Independent" : r.party()).raw(")</li>");
            }
            return h.raw("</ul>").toString();
        }
        h.raw("<p class=\"status\" id=\"status\">").text(cap(c.result().status())).raw(" (version ").text(c.result().version())
                .raw(", ").text(c.result().recordedBy()).raw(", ").raw(EnGb.time(c.result().recordedAt())).raw(")");
        if (c.result().reason() != null) {
            h.raw(" — ").text(c.result().reason());
        }
        h.raw("</p>");
        if (c.verdict() != null) {
            h.raw("<p class=\"verdict\"><strong>").text(c.verdict()).raw("</strong></p>");
        }
        boolean staged = c.candidates().stream().anyMatch(r -> r.firstPreferences() != null);
        List<Views.CandidateRow> ordered = c.candidates().stream().sorted((a, b) -> cmpVotes(shown(b), shown(a))).toList();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Views.CandidateRow r : ordered) {
            double v = shown(r) == null ? 0 : new BigDecimal(shown(r)).doubleValue();
            bars.add(new Charts.Bar(r.name(), r.partyKey(), v, votes(shown(r)) + " (" + pct(r.share()) + ")"));
        }
        h.raw("<section aria-labelledby=\"votes-h\"><h2 id=\"votes-h\">").text(staged ? "First preferences" : "Votes").raw("</h2>");
        h.raw(Charts.bars("bars", (staged ? "First preferences" : "Votes") + " for each candidate in " + c.name(), bars));
        h.raw("<div class=\"scroll\"><table id=\"candidates\"><caption>Votes, shares and change in party share since ")
                .text(c.previousBallotId() == null ? "(no previous contest stored)" : c.previousBallotId())
                .raw("</caption><thead><tr><th scope=\"col\">Candidate</th><th scope=\"col\">Party</th>")
                .raw(staged ? "<th scope=\"col\">First preferences</th><th scope=\"col\">Final</th>" : "<th scope=\"col\">Votes</th>")
                .raw("<th scope=\"col\">Share</th><th scope=\"col\">Change</th>")
                .raw("<th scope=\"col\">Elected</th></tr></thead><tbody>");
        for (Views.CandidateRow r : ordered) {
            h.raw("<tr").raw(r.elected() ? " class=\"elected\"" : "").raw("><th scope=\"row\">").text(r.name()).raw("</th><td>")
                    .text(r.party() == null ? "Independent" : r.party()).raw("</td><td class=\"n\">").text(votes(shown(r)))
                    .raw(staged ? "</td><td class=\"n\">" : "").text(staged ? votes(r.votes()) : "")
                    .raw("</td><td class=\"n\">").text(pct(r.share())).raw("</td><td class=\"n\">").text(signed(r.partyChange()))
                    .raw("</td><td>").text(r.elected() ? "Elected" : "").raw(r.tieBreakNote() == null ? "" : " <small>")
                    .text(r.tieBreakNote() == null ? "" : r.tieBreakNote()).raw(r.tieBreakNote() == null ? "" : "</small>")
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></div></section>");
        h.raw("<section aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">The result</h2><dl class=\"facts\">");
        if (c.majority() != null) {
            h.raw("<dt>Majority</dt><dd>").text(num(c.majority().votes())).raw(c.majorityPercent() == null ? ""
                    : " (" + Html.esc(pct(c.majorityPercent())) + " of valid papers)").raw(" — ").text(c.majority().lastElected())
                    .raw(" over ").text(c.majority().firstNotElected()).raw("</dd>");
        }
        if (c.swing() != null) {
            h.raw("<dt>Swing</dt><dd>").text(c.swing().points().toPlainString() + " points from " + c.swing().from() + " to "
                    + c.swing().to()).raw("</dd>");
        }
        h.raw("<dt>Electorate</dt><dd>").text(num(c.electorate())).raw("</dd><dt>Ballot papers issued</dt><dd>")
                .text(num(c.ballotPapersIssued())).raw("</dd><dt>Turnout</dt><dd>").text(pct(c.turnout()))
                .raw("</dd><dt>Rejected papers</dt><dd>").text(num(c.rejected()));
        if (!c.rejectedByReason().isEmpty()) {
            h.raw(" (");
            boolean first = true;
            for (Map.Entry<String, Long> e : c.rejectedByReason().entrySet()) {
                h.text((first ? "" : ", ") + e.getKey() + " " + e.getValue());
                first = false;
            }
            h.raw(")");
        }
        h.raw("</dd></dl></section>");
        if (c.count() != null && c.count().path("stages").size() > 1) {
            h.raw(stageSection(c));
        }
        if (history.size() > 1) {
            h.raw(VersionsHtml.of(history));
        }
        h.raw("<p>").link("/api/ballots/" + Html.seg(c.ballotId()), "This result as JSON").raw(" · ")
                .link("/ballots/" + Html.seg(c.ballotId()) + "/history", "every version").raw("</p>");
        return h.toString();
    }

    private static String shown(Views.CandidateRow r) {
        return r.firstPreferences() != null ? r.firstPreferences() : r.votes();
    }

    private static int cmpVotes(String a, String b) {
        return new BigDecimal(a == null ? "0" : a).compareTo(new BigDecimal(b == null ? "0" : b));
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String methodName(String m) {
        if (m == null) {
            return "method not recorded";
        }
        return org.tallyroom.count.Methods.displayName(m);
    }

    private static String stageSection(Views.Contest c) {
        JsonNode count = c.count();
        JsonNode stages = count.path("stages");
        List<String> names = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        for (JsonNode cand : count.path("candidates")) {
            names.add(cand.path("name").asString());
            parties.add(cand.path("party").asString());
        }
        Html h = new Html();
        h.raw("<section aria-labelledby=\"stages-h\"><h2 id=\"stages-h\">The count, stage by stage</h2>");
        List<String> labels = new ArrayList<>();
        List<Charts.Line> lines = new ArrayList<>();
        double[][] values = new double[names.size()][stages.size()];
        int s = 0;
        for (JsonNode st : stages) {
            labels.add(Integer.toString(st.path("number").asInt()));
            for (int i = 0; i < names.size(); i++) {
                String v = st.path("votes").path(names.get(i)).asString("0");
                values[i][s] = Double.parseDouble(v.isEmpty() ? "0" : v);
            }
            s++;
        }
        for (int i = 0; i < names.size(); i++) {
            String partyKey = c.candidates().size() > i ? c.candidates().get(i).partyKey() : parties.get(i);
            lines.add(new Charts.Line(names.get(i), partyKey, values[i]));
        }
        String quota = count.path("quota").isNull() || count.path("quota").isMissingNode() ? null : count.path("quota").asString();
        h.raw(Charts.stages("transfers", "Each candidate's votes at each stage of the count", labels, lines,
                quota == null ? 0 : Double.parseDouble(quota)));
        if (quota != null) {
            h.raw("<p>Quota: ").text(EnGb.exact(new BigDecimal(quota))).raw("</p>");
        }
        h.raw("<div class=\"scroll\"><table id=\"stage-table\"><caption>Votes at each stage (transfers between stages)")
                .raw("</caption><thead><tr><th scope=\"col\">Candidate</th>");
        for (JsonNode st : stages) {
            h.raw("<th scope=\"col\">Stage ").text(st.path("number").asInt()).raw("<br><small>").text(st.path("kind").asString())
                    .raw(st.path("subject").isEmpty() ? "" : ": ").text(join(st.path("subject"))).raw("</small></th>");
        }
        h.raw("</tr></thead><tbody>");
        for (int i = 0; i < names.size(); i++) {
            h.raw("<tr><th scope=\"row\">").text(names.get(i)).raw("</th>");
            String prev = null;
            for (JsonNode st : stages) {
                String v = st.path("votes").path(names.get(i)).asString("");
                h.raw("<td class=\"n\">").text(v.isEmpty() ? "" : votes(v));
                if (prev != null && !v.isEmpty()) {
                    BigDecimal d = new BigDecimal(v).subtract(new BigDecimal(prev));
                    if (d.signum() != 0) {
                        h.raw(" <small>(").text(signed(d)).raw(")</small>");
                    }
                }
                h.raw("</td>");
                prev = v.isEmpty() ? prev : v;
            }
            h.raw("</tr>");
        }
        h.raw("<tr><th scope=\"row\">Non-transferable</th>");
        for (JsonNode st : stages) {
            String nt = st.path("non_transferable").asString("");
            h.raw("<td class=\"n\">").text(nt.isEmpty() ? "" : votes(nt)).raw("</td>");
        }
        h.raw("</tr></tbody></table></div></section>");
        return h.toString();
    }

    private static String join(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asString()));
        return String.join(", ", out);
    }

    public static String national(Views.National n, Views.Projected projected, List<String> parties, Map<String, String> form,
                                  String error, String map) {
        Html h = new Html();
        h.raw("<h1>").text(n.name()).raw("</h1>").raw(HeadlineHtml.of(n.headline())).raw("<p class=\"meta\">Polling day ")
                .raw(EnGb.time(n.date())).raw(" · <code>").text(n.electionId()).raw("</code></p>");
        h.raw("<p class=\"progress\">").text(n.seatsDeclared() + " of " + n.seats() + " seats declared").raw("</p>");
        List<Charts.Seats> seats = new ArrayList<>();
        n.parties().stream().filter(p -> p.seats() > 0).forEach(p -> seats.add(new Charts.Seats(p.party(), p.seats())));
        h.raw("<section aria-labelledby=\"seats-h\"><h2 id=\"seats-h\">Seats and votes</h2>");
        h.raw(Charts.arc("arc", "Seats by party in " + n.name(), seats, n.seats()));
        if (n.control() != null && n.headline() == null && n.seatsDeclared() == n.seats()) {
            h.raw("<p class=\"control\"><strong>Majority:</strong> ").text(n.control().describe()).raw("</p>");
        }
        String since = n.previousElectionId() == null ? "" : ", change since " + n.previousElectionId();
        List<PartyCharts.Item> seatItems = new ArrayList<>();
        List<PartyCharts.Item> shareItems = new ArrayList<>();
        for (PartyResult p : n.parties()) {
            BigDecimal change = n.previousElectionId() == null ? null : BigDecimal.valueOf(p.seatChange());
            seatItems.add(new PartyCharts.Item(p.party(), p.seats(), Integer.toString(p.seats()), null, change,
                    p.seats() > 0));
            BigDecimal share = p.share().percent(1);
            shareItems.add(new PartyCharts.Item(p.party(), share.doubleValue(), share.toPlainString() + "%",
                    num(p.votes()) + " votes", n.previousElectionId() == null ? null : p.shareChange().percent(1), share.compareTo(BigDecimal.ONE) >= 0));
        }
        h.raw(Templates.render("chart/partybars.jte", PartyCharts.chart("seats-chart", "Seats by party" + since, "Seats",
                "Change", seatItems, "")));
        h.raw(Templates.render("chart/partybars.jte", PartyCharts.chart("share-chart", "Share of the vote" + since, "Share",
                "Change (points)", shareItems, "%")));
        h.raw("</section>");
        h.raw(map);
        h.raw("<section aria-labelledby=\"changes-h\"><h2 id=\"changes-h\">Seats changing hands</h2>");
        if (n.changingHands().isEmpty()) {
            h.raw("<p>None").text(n.previousElectionId() == null ? " (no previous election stored)." : ".").raw("</p>");
        } else {
            h.raw("<ul>");
            for (SeatChange sc : n.changingHands()) {
                h.raw("<li>").text(sc.divisionName() + ": " + sc.to() + " gain from " + sc.from()).raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw("</section><section aria-labelledby=\"marg-h\"><h2 id=\"marg-h\">Marginal seats</h2>")
                .raw("<div class=\"scroll\"><table id=\"marginals\"><caption>Seats by the swing the runner-up needs, smallest first")
                .raw("</caption><thead><tr><th scope=\"col\">Seat</th><th scope=\"col\">Held by</th><th scope=\"col\">Challenger</th>")
                .raw("<th scope=\"col\">Majority</th><th scope=\"col\">Swing needed</th></tr></thead><tbody>");
        for (MarginalSeat m : n.marginals().stream().limit(50).toList()) {
            h.raw("<tr><th scope=\"row\">").text(m.divisionName()).raw("</th><td>").text(m.holder()).raw("</td><td>")
                    .text(m.challenger()).raw("</td><td class=\"n\">").text(num(m.majorityVotes()) + " (" + pct(m.majorityShare().percent(2)) + ")")
                    .raw("</td><td class=\"n\">").text(m.swingNeeded().percent(2).toPlainString() + " pts").raw("</td></tr>");
        }
        h.raw("</tbody></table></div></section>");
        h.raw("<section aria-labelledby=\"calc-h\"><h2 id=\"calc-h\">Swing calculator</h2>")
                .raw("<p>Enter each party's national change in share, in percentage points (for example −3 or 2.5), ")
                .raw("and see the seats each party would win under that swing.</p>")
                .raw("<form method=\"get\" action=\"/elections/").raw(Html.esc(Html.seg(n.electionId()))).raw("\" id=\"swing-form\">");
        if (error != null) {
            h.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
        }
        int i = 0;
        for (String p : parties) {
            String fid = "chg-" + i++;
            h.raw("<div class=\"field\"><label for=\"").raw(fid).raw("\">").text(p).raw(" change (points)</label>")
                    .raw("<input id=\"").raw(fid).raw("\" name=\"chg.").text(p).raw("\" inputmode=\"decimal\" value=\"")
                    .text(form.getOrDefault("chg." + p, "")).raw("\" pattern=\"[+\\-−]?[0-9]+([.][0-9]+)?\" size=\"6\"></div>");
        }
        String model = form.getOrDefault("model", "uniform");
        h.raw("<div class=\"field\"><label for=\"model\">Swing model</label><select id=\"model\" name=\"model\">")
                .raw("<option value=\"uniform\"").raw(model.equals("proportional") ? "" : " selected").raw(">Uniform</option>")
                .raw("<option value=\"proportional\"").raw(model.equals("proportional") ? " selected" : "")
                .raw(">Proportional</option></select></div><button type=\"submit\">Project seats</button></form>");
        if (projected != null) {
            h.raw("<div class=\"scroll\"><table id=\"projection\"><caption>Projected seats (").text(projected.projection().model()
                    .description()).raw(")</caption><thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Seats</th>")
                    .raw("<th scope=\"col\">Projected</th><th scope=\"col\">Change</th></tr></thead><tbody>");
            for (ProjectedParty p : projected.projection().parties()) {
                h.raw("<tr><th scope=\"row\">").text(p.party()).raw("</th><td>").text(p.actual()).raw("</td><td data-projected=\"")
                        .text(p.party()).raw("\">").text(p.projected()).raw("</td><td>").text((p.change() > 0 ? "+" : "") + p.change())
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table></div><p>Projected control: ").text(projected.projection().control().describe()).raw("</p>");
            if (!projected.projection().changingHands().isEmpty()) {
                h.raw("<p>Seats changing hands under this swing:</p><ul>");
                for (SeatChange sc : projected.projection().changingHands()) {
                    h.raw("<li>").text(sc.divisionName() + ": " + sc.to() + " gain from " + sc.from()).raw("</li>");
                }
                h.raw("</ul>");
            }
        }
        h.raw("</section><section aria-labelledby=\"all-h\"><h2 id=\"all-h\">Every seat</h2>")
                .raw(seatTable("seat-list", "Constituency", n.seatsList())).raw("</section>");
        return h.toString();
    }

    public static String timeline(Views.Timeline t) {
        Html h = new Html();
        h.raw("<h1>").text(t.organisation()).raw(": by-elections and events</h1>");
        h.raw("<section aria-labelledby=\"by-h\"><h2 id=\"by-h\">By-elections</h2>");
        if (t.byElections().isEmpty()) {
            h.raw("<p>No by-elections are stored.</p>");
        } else {
            h.raw(seatTable("by-elections", "Ward", t.byElections()));
        }
        h.raw("</section><section aria-labelledby=\"ev-h\"><h2 id=\"ev-h\">Events between elections</h2>");
        if (t.events().isEmpty()) {
            h.raw("<p>No events are stored.</p>");
        } else {
            h.raw("<ol class=\"timeline\" id=\"events\">");
            for (Views.TimelineEvent e : t.events()) {
                h.raw("<li>").raw(EnGb.time(e.date())).raw(" <strong>").text(e.type())
                        .raw("</strong> ");
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
                h.text(String.join(" · ", bits));
                if (e.ballotId() != null) {
                    h.raw(" ").link("/ballots/" + Html.seg(e.ballotId()), "result");
                }
                h.raw("</li>");
            }
            h.raw("</ol>");
        }
        return h.raw("</section>").toString();
    }

    public static String message(String title, String text) {
        return new Html().raw("<h1>").text(title).raw("</h1><p>").text(text).raw("</p><p><a href=\"/\">All elections</a></p>")
                .toString();
    }
}
