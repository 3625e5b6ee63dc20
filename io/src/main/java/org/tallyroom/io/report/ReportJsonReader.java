package org.tallyroom.io.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;
import org.tallyroom.io.InputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a count report written by {@link ReportJson} ({@code tallyroom.count/1}, REPORT-FORMAT.md) back
 * into a {@link CountReport}, so a stored count can be analysed again (the irregularity check). The
 * number of decimal places is the one the figures are written with. Errors name the JSON pointer.
 */
public final class ReportJsonReader {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReportJsonReader() {
    }

    /** The report; {@code source} names it in error messages. */
    public static CountReport read(String json, String source) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InputException(source, 0, 0, "a JSON count report", e.getOriginalMessage());
        }
        if (!ReportJson.FORMAT.equals(root.path("format").asString(""))) {
            throw new InputException(source, 0, 0, "/format " + ReportJson.FORMAT, InputException.quote(root.path("format").asString("")));
        }
        List<Candidate> cands = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (JsonNode c : root.path("candidates")) {
            index.putIfAbsent(c.path("name").asString(), cands.size());
            cands.add(new Candidate(c.path("name").asString(), c.path("party").asString(""), c.path("withdrawn").asBoolean(false)));
        }
        JsonNode stagesNode = root.path("stages");
        if (cands.isEmpty() || stagesNode.isEmpty()) {
            throw new InputException(source, 0, 0, "/candidates and /stages", "none");
        }
        int dp = decimals(stagesNode.get(0).path("votes").properties().iterator().next().getValue().asString());
        List<Stage> stages = new ArrayList<>();
        int s = 0;
        for (JsonNode st : stagesNode) {
            String at = "/stages/" + s++;
            long[] votes = new long[cands.size()];
            for (var e : st.path("votes").properties()) {
                votes[idx(index, e.getKey(), source, at + "/votes")] = scaled(e.getValue().asString(), dp, source, at);
            }
            Long tv = st.path("transfer_value").isNull() || st.path("transfer_value").isMissingNode() ? null
                    : scaled(st.path("transfer_value").asString(), dp, source, at + "/transfer_value");
            stages.add(new Stage(st.path("number").asInt(), kind(st.path("kind").asString(), source, at), ids(st.path("subject"), index, source, at),
                    tv, votes, scaled(st.path("non_transferable").asString("0"), dp, source, at),
                    scaled(st.path("truncation_loss").asString("0"), dp, source, at),
                    ids(st.path("elected"), index, source, at), ids(st.path("excluded"), index, source, at),
                    st.path("note").asString("")));
        }
        JsonNode b = root.path("ballots");
        Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
        for (var e : b.path("rejected_by_reason").properties()) {
            for (RejectionReason r : RejectionReason.values()) {
                if (r.id().equals(e.getKey())) {
                    byReason.put(r, e.getValue().asLong());
                }
            }
        }
        List<Tie> ties = new ArrayList<>();
        for (JsonNode t : root.path("ties")) {
            Tie.Resolution how = null;
            for (Tie.Resolution r : Tie.Resolution.values()) {
                if (r.id().equals(t.path("resolved_by").asString())) {
                    how = r;
                }
            }
            if (how == null) {
                throw new InputException(source, 0, 0, "/ties resolved_by earlier-stage, most-votes or lot",
                        InputException.quote(t.path("resolved_by").asString()));
            }
            ties.add(new Tie(t.path("stage").asInt(), ids(t.path("between"), index, source, "/ties"), how,
                    idx(index, t.path("chosen").asString(), source, "/ties"), t.path("question").asString("")));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (JsonNode a : root.path("allocations")) {
            allocations.add(new Allocation(a.path("seat").asInt(), a.path("party").asString(),
                    scaled(a.path("quotient").asString(), Allocation.QUOTIENT_DECIMALS, source, "/allocations"),
                    a.path("member").isMissingNode() ? null : a.path("member").asString()));
        }
        Map<String, Integer> seatsByParty = new LinkedHashMap<>();
        for (var e : root.path("seats_by_party").properties()) {
            seatsByParty.put(e.getKey(), e.getValue().asInt());
        }
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asString()));
        List<String> lot = new ArrayList<>();
        root.path("lot").forEach(n -> lot.add(n.asString()));
        Long quota = root.path("quota").isNull() || root.path("quota").isMissingNode() ? null
                : scaled(root.path("quota").asString(), dp, source, "/quota");
        return new CountReport(root.path("title").asString(""), root.path("method").asString(), root.path("seats").asInt(),
                dp, cands, new BallotSummary(b.path("valid").asLong(), b.path("rejected").asLong(), b.path("distinct").asLong(),
                byReason), quota, ids(root.path("elected"), index, source, "/elected"), stages, ties,
                root.path("seed").asLong(), lot, allocations, seatsByParty, notes);
    }

    private static int decimals(String figure) {
        int dot = figure.indexOf('.');
        return dot < 0 ? 0 : figure.length() - dot - 1;
    }

    private static long scaled(String figure, int dp, String source, String at) throws InputException {
        try {
            return new BigDecimal(figure).movePointRight(dp).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InputException(source, 0, 0, at + " a figure to " + dp + " decimal places", InputException.quote(figure));
        }
    }

    private static int idx(Map<String, Integer> index, String name, String source, String at) throws InputException {
        Integer i = index.get(name);
        if (i == null) {
            throw new InputException(source, 0, 0, at + " a candidate of the report", InputException.quote(name));
        }
        return i;
    }

    private static List<Integer> ids(JsonNode names, Map<String, Integer> index, String source, String at) throws InputException {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : names) {
            out.add(idx(index, n.asString(), source, at));
        }
        return out;
    }

    private static StageKind kind(String id, String source, String at) throws InputException {
        for (StageKind k : StageKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new InputException(source, 0, 0, at + "/kind a stage kind", InputException.quote(id));
    }
}
