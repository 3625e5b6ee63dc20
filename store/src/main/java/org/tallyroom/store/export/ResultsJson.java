package org.tallyroom.store.export;

import java.util.List;
import java.util.Map;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored results as JSON, format {@code tallyroom.results/1}: each ballot with its candidates and current
 * result, with the count report stored with it ({@code count_report}) where there is one. Votes are
 * decimal strings at the result's decimals, as in the count report, so nothing is rounded on the way out.
 * {@code show --format json} writes one ballot of this.
 */
public final class ResultsJson {
    public static final String FORMAT = "tallyroom.results/1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsJson() {
    }

    public static String write(List<StoredResult> results) {
        ObjectNode root = F.objectNode();
        root.put("format", FORMAT);
        ArrayNode ballots = root.putArray("ballots");
        results.forEach(r -> ballots.add(ballot(r)));
        return MAPPER.writeValueAsString(root);
    }

    public static ObjectNode ballot(StoredResult r) {
        BallotView b = r.ballot();
        ObjectNode o = F.objectNode();
        o.put("ballot_id", b.ballotId());
        o.put("name", b.name());
        o.put("election_id", b.electionId());
        o.put("election", b.electionName());
        o.put("organisation", b.organisation());
        o.put("division", b.division());
        o.put("gss", b.gss());
        o.put("date", b.date().toString());
        o.put("seats", b.seats());
        o.put("voting_system", b.votingSystem());
        o.put("by_election", b.byElection());
        o.put("cancelled", b.cancelled());
        ResultVersion v = r.current();
        ArrayNode cands = o.putArray("candidates");
        for (BallotView.Candidate c : b.candidates()) {
            ObjectNode co = cands.addObject();
            co.put("name", c.name());
            co.put("party", c.party());
            co.put("party_ec_id", c.partyEcId());
            if (c.listPosition() != null) {
                co.put("list_position", c.listPosition());
            }
            ResultVersion.Figures f = v == null ? null
                    : v.candidates().stream().filter(x -> x.candidate().id() == c.id()).findFirst().orElse(null);
            if (f != null) {
                co.put("votes", f.votes() == null ? null : f.votes().toPlainString());
                co.put("elected", f.elected());
                if (f.rank() != null) {
                    co.put("rank", f.rank());
                }
                if (f.tieBreakNote() != null) {
                    co.put("tie_break", f.tieBreakNote());
                }
            }
        }
        if (v == null) {
            o.putNull("result");
            return o;
        }
        ObjectNode res = o.putObject("result");
        res.put("version", v.version());
        res.put("status", v.status().id());
        res.put("recorded_by", v.recordedBy());
        res.put("recorded_at", v.recordedAt() == null ? null : v.recordedAt().toString());
        if (v.note() != null) {
            res.put("note", v.note());
        }
        if (v.reason() != null) {
            res.put("reason", v.reason());
        }
        res.put("source", v.source());
        res.put("count_method", v.countMethod());
        Turnout t = v.turnout();
        ObjectNode to = res.putObject("turnout");
        to.put("electorate", t.electorate());
        to.put("ballot_papers_issued", t.ballotPapersIssued());
        to.put("valid", t.valid() == null ? null : t.valid().toPlainString());
        to.put("rejected", t.rejected());
        ObjectNode byReason = to.putObject("rejected_by_reason");
        for (Map.Entry<RejectionReason, Long> e : t.rejectedByReason().entrySet()) {
            byReason.put(e.getKey().id(), e.getValue());
        }
        to.put("percentage", t.percentage() == null ? null : t.percentage().toPlainString());
        if (v.countReport() != null) {
            // The count as stored (REPORT-FORMAT.md): every stage of an STV or AV count, an SV count's two rounds.
            res.set("count_report", MAPPER.readTree(v.countReport()));
        }
        return o;
    }
}
