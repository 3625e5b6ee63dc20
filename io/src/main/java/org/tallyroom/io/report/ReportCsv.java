package org.tallyroom.io.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Stage;

/**
 * The report as CSV for spreadsheets: one row per candidate with their total at each stage, the
 * stage they were elected or excluded at, then rows for non-transferable papers and the quota.
 * List methods add one row per seat allocated.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String render(CountReport r) {
        StringWriter sw = new StringWriter();
        int dp = r.decimals();
        List<Candidate> cands = r.candidates();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(sw)) {
            List<String> header = new ArrayList<>(List.of("candidate", "party"));
            for (Stage s : r.stages()) {
                header.add("stage_" + s.number() + "_" + s.kind().id());
            }
            header.addAll(List.of("elected", "seats", "outcome_stage"));
            csv.writeRecord(header);
            for (int c = 0; c < cands.size(); c++) {
                List<String> row = new ArrayList<>(List.of(cands.get(c).name(), cands.get(c).party()));
                String outcome = "";
                for (Stage s : r.stages()) {
                    row.add(Fixed.format(s.votesOf(c), dp));
                    if (outcome.isEmpty() && (s.elected().contains(c) || s.excluded().contains(c))) {
                        outcome = Integer.toString(s.number());
                    }
                }
                final int candidate = c;
                long seats = r.elected().stream().filter(e -> e == candidate).count();
                row.add(seats > 0 ? "true" : "false");
                row.add(Long.toString(seats));
                row.add(outcome);
                csv.writeRecord(row);
            }
            List<String> nt = new ArrayList<>(List.of("(non-transferable)", ""));
            for (Stage s : r.stages()) {
                nt.add(Fixed.format(s.nonTransferable(), dp));
            }
            nt.addAll(List.of("", "", ""));
            csv.writeRecord(nt);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }
}
