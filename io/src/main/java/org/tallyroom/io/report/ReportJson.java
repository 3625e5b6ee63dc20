package org.tallyroom.io.report;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.Tie;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a count report as REPORT-FORMAT.md version 1 ({@code tallyroom.count/1}). Streams with
 * Jackson's generator rather than binding records: the field names and number formats are a
 * published contract, so they are spelt out here, once.
 */
public final class ReportJson {
    public static final String FORMAT = "tallyroom.count/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    public static void write(CountReport r, Writer out) {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            write(r, g);
        }
    }

    public static String toJson(CountReport r) {
        java.io.StringWriter sw = new java.io.StringWriter();
        write(r, sw);
        return sw.toString();
    }

    static void write(CountReport r, JsonGenerator g) {
        int dp = r.decimals();
        List<Candidate> cands = r.candidates();
        g.writeStartObject();
        g.writeStringProperty("format", FORMAT);
        g.writeStringProperty("title", r.title());
        g.writeStringProperty("method", r.method());
        g.writeNumberProperty("seats", r.seats());
        g.writeArrayPropertyStart("candidates");
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            g.writeStartObject();
            g.writeNumberProperty("id", i + 1);
            g.writeStringProperty("name", c.name());
            g.writeStringProperty("party", c.party());
            g.writeBooleanProperty("withdrawn", c.withdrawn());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("ballots");
        g.writeNumberProperty("valid", r.ballots().valid());
        g.writeNumberProperty("rejected", r.ballots().rejected());
        g.writeNumberProperty("distinct", r.ballots().distinct());
        g.writeObjectPropertyStart("rejected_by_reason");
        for (Map.Entry<RejectionReason, Long> e : r.ballots().byReason().entrySet()) {
            g.writeNumberProperty(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        if (r.quota() == null) {
            g.writeNullProperty("quota");
        } else {
            g.writeStringProperty("quota", Fixed.format(r.quota(), dp));
        }
        names(g, "elected", r.elected(), cands);
        g.writeArrayPropertyStart("stages");
        for (Stage s : r.stages()) {
            g.writeStartObject();
            g.writeNumberProperty("number", s.number());
            g.writeStringProperty("kind", s.kind().id());
            names(g, "subject", s.subject(), cands);
            if (s.transferValue() == null) {
                g.writeNullProperty("transfer_value");
            } else {
                g.writeStringProperty("transfer_value", Fixed.format(s.transferValue(), dp));
            }
            g.writeObjectPropertyStart("votes");
            for (int i = 0; i < cands.size(); i++) {
                g.writeStringProperty(cands.get(i).name(), Fixed.format(s.votesOf(i), dp));
            }
            g.writeEndObject();
            g.writeStringProperty("non_transferable", Fixed.format(s.nonTransferable(), dp));
            g.writeStringProperty("truncation_loss", Fixed.format(s.truncationLoss(), dp));
            names(g, "elected", s.elected(), cands);
            names(g, "excluded", s.excluded(), cands);
            if (!s.note().isEmpty()) {
                g.writeStringProperty("note", s.note());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("ties");
        for (Tie t : r.ties()) {
            g.writeStartObject();
            g.writeNumberProperty("stage", t.stage());
            names(g, "between", t.between(), cands);
            g.writeStringProperty("resolved_by", t.resolvedBy().id());
            g.writeStringProperty("chosen", cands.get(t.chosen()).name());
            g.writeStringProperty("question", t.question());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberProperty("seed", r.seed());
        if (!r.lotSupplied().isEmpty()) {
            g.writeArrayPropertyStart("lot");
            for (String name : r.lotSupplied()) {
                g.writeString(name);
            }
            g.writeEndArray();
        }
        if (!r.allocations().isEmpty() || !r.seatsByParty().isEmpty()) {
            g.writeArrayPropertyStart("allocations");
            for (Allocation a : r.allocations()) {
                g.writeStartObject();
                g.writeNumberProperty("seat", a.seat());
                g.writeStringProperty("party", a.party());
                g.writeStringProperty("quotient", Fixed.format(a.quotient(), Allocation.QUOTIENT_DECIMALS));
                if (a.member() != null) {
                    g.writeStringProperty("member", a.member());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("seats_by_party");
            for (Map.Entry<String, Integer> e : r.seatsByParty().entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (!r.notes().isEmpty()) {
            g.writeArrayPropertyStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void names(JsonGenerator g, String field, List<Integer> ids, List<Candidate> cands) {
        g.writeArrayPropertyStart(field);
        for (int i : ids) {
            g.writeString(cands.get(i).name());
        }
        g.writeEndArray();
    }
}
