package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tallyroom.store.read.Views;
import tools.jackson.databind.JsonNode;

/** A contest's page (template ballot/contest.jte): the result, its chart and table, the facts, the count stage by stage. */
public final class ContestPage {
    private ContestPage() {
    }

    /**
     * The contest page's figures.
     *
     * @param status   the result's status, capitalised ("Declared"), or null (awaiting declaration)
     * @param meta     the line under the headline after the organisation: seats, method, by-election
     * @param staged   a count of more than one stage: first preferences and final totals
     * @param rows     the candidates, most votes first
     * @param previous the previous contest the change in share is measured against, in words
     * @param lastSeat for an STV count with its report, how close the last seat was, in words; else null
     * @param rejected the rejected papers with their reasons
     * @param stages   the count stage by stage, or null (one stage)
     * @param versions the published versions as another class renders them (empty: one version)
     */
    public record View(Views.Contest c, String meta, String status, boolean staged, Charts.Bars bars, List<Row> rows,
                       String previous, String majority, String lastSeat, String swing, String rejected, StageTable stages,
                       String versions, String jsonHref) {
        /** The result's correction history page. */
        public String historyHref() {
            return "/ballots/" + Html.seg(c.ballotId()) + "/history";
        }
    }

    /** A candidate's line: {@code shown} the votes the chart shows (first preferences where staged), {@code last} the final total. */
    public record Row(String name, String party, String shown, String last, String share, String change, boolean elected,
                      String tieBreakNote) {
    }

    /** The count stage by stage: the transfers chart and the table. */
    public record StageTable(Charts.Stages chart, String quota, List<StageHead> heads, List<StageRow> rows,
                             List<String> nonTransferable) {
    }

    /** A stage's column heading: its number, kind and subject (who was elected or excluded). */
    public record StageHead(int number, String kind, String subject) {
    }

    /** A candidate's totals stage by stage, each with its change from the stage before ("" for none). */
    public record StageRow(String name, List<Cell> cells) {
    }

    /** A total and its change. */
    public record Cell(String votes, String change) {
    }

    static String render(Views.Contest c, List<Views.ResultInfo> history) {
        String meta = (c.seats() == 1 ? "1 seat" : c.seats() + " seats") + " · " + Pages.methodName(c.votingSystem())
                + (c.byElection() ? " · by-election" : "");
        if (c.result() == null) {
            return Templates.render("ballot/contest.jte", new View(c, meta, null, false, null, List.of(), null, null, null,
                    null, null, null, "", null));
        }
        String status = cap(c.result().status());
        boolean staged = c.candidates().stream().anyMatch(r -> r.firstPreferences() != null);
        List<Views.CandidateRow> ordered = c.candidates().stream().sorted((a, b) -> cmpVotes(shown(b), shown(a))).toList();
        List<Charts.Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Views.CandidateRow r : ordered) {
            double v = shown(r) == null ? 0 : new BigDecimal(shown(r)).doubleValue();
            bars.add(new Charts.Bar(r.name(), r.partyKey(), v, Fmt.votes(shown(r)) + " (" + Fmt.pct(r.share()) + ")"));
            rows.add(new Row(r.name(), r.party() == null ? "Independent" : r.party(), Fmt.votes(shown(r)),
                    staged ? Fmt.votes(r.votes()) : null, Fmt.pct(r.share()), Fmt.signed(r.partyChange()), r.elected(),
                    r.tieBreakNote()));
        }
        String majority = c.majority() == null ? null : Fmt.num(c.majority().votes())
                + (c.majorityPercent() == null ? "" : " (" + Fmt.pct(c.majorityPercent()) + " of valid papers)")
                + " — " + c.majority().lastElected() + " over " + c.majority().firstNotElected();
        String lastSeat = c.lastSeat() == null ? null : Fmt.votes(c.lastSeat().votes().toPlainString()) + " at stage "
                + c.lastSeat().stage() + " — " + c.lastSeat().lastElected() + " over " + c.lastSeat().runnerUp()
                + ", the candidate not elected who stood longest";
        String swing = c.swing() == null ? null
                : c.swing().points().toPlainString() + " points from " + c.swing().from() + " to " + c.swing().to();
        StringBuilder rejected = new StringBuilder(Fmt.num(c.rejected()));
        if (!c.rejectedByReason().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (Map.Entry<String, Long> e : c.rejectedByReason().entrySet()) {
                reasons.add(e.getKey() + " " + e.getValue());
            }
            rejected.append(" (").append(String.join(", ", reasons)).append(")");
        }
        StageTable stages = c.count() != null && c.count().path("stages").size() > 1 ? stages(c) : null;
        return Templates.render("ballot/contest.jte", new View(c, meta, status, staged,
                Charts.barsView("bars", (staged ? "First preferences" : "Votes") + " for each candidate in " + c.name(), bars),
                rows, c.previousBallotId() == null ? "(no previous contest stored)" : c.previousBallotId(), majority, lastSeat,
                swing, rejected.toString(), stages, history.size() > 1 ? VersionsHtml.of(history) : "",
                "/api/ballots/" + Html.seg(c.ballotId())));
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

    private static StageTable stages(Views.Contest c) {
        JsonNode count = c.count();
        JsonNode stages = count.path("stages");
        List<String> names = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        for (JsonNode cand : count.path("candidates")) {
            names.add(cand.path("name").asString());
            parties.add(cand.path("party").asString());
        }
        List<String> labels = new ArrayList<>();
        List<StageHead> heads = new ArrayList<>();
        List<String> nonTransferable = new ArrayList<>();
        double[][] values = new double[names.size()][stages.size()];
        int s = 0;
        for (JsonNode st : stages) {
            labels.add(Integer.toString(st.path("number").asInt()));
            List<String> subject = new ArrayList<>();
            st.path("subject").forEach(n -> subject.add(n.asString()));
            heads.add(new StageHead(st.path("number").asInt(), st.path("kind").asString(), String.join(", ", subject)));
            String nt = st.path("non_transferable").asString("");
            nonTransferable.add(nt.isEmpty() ? "" : Fmt.votes(nt));
            for (int i = 0; i < names.size(); i++) {
                String v = st.path("votes").path(names.get(i)).asString("0");
                values[i][s] = Double.parseDouble(v.isEmpty() ? "0" : v);
            }
            s++;
        }
        List<Charts.Line> lines = new ArrayList<>();
        List<StageRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String partyKey = c.candidates().size() > i ? c.candidates().get(i).partyKey() : parties.get(i);
            lines.add(new Charts.Line(names.get(i), partyKey, values[i]));
            List<Cell> cells = new ArrayList<>();
            String prev = null;
            for (JsonNode st : stages) {
                String v = st.path("votes").path(names.get(i)).asString("");
                String change = "";
                if (prev != null && !v.isEmpty()) {
                    BigDecimal d = new BigDecimal(v).subtract(new BigDecimal(prev));
                    change = d.signum() == 0 ? "" : Fmt.signed(d);
                }
                cells.add(new Cell(v.isEmpty() ? "" : Fmt.votes(v), change));
                prev = v.isEmpty() ? prev : v;
            }
            rows.add(new StageRow(names.get(i), cells));
        }
        String quota = count.path("quota").isNull() || count.path("quota").isMissingNode() ? null : count.path("quota").asString();
        return new StageTable(Charts.stagesView("transfers", "Each candidate's votes at each stage of the count", labels, lines,
                quota == null ? 0 : Double.parseDouble(quota)), quota == null ? null : EnGb.exact(new BigDecimal(quota)),
                heads, rows, nonTransferable);
    }
}
