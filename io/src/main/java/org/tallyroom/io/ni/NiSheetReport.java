package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of many sheets as text, per election: how many sheets add up and which do not (with each
 * finding, file and line), how many take the decisions the rules call for, how many record their
 * statuses consistently.
 */
public final class NiSheetReport {
    private NiSheetReport() {
    }

    /**
     * Sheets per election, and the tallies printed.
     *
     * @param election   the election's name and id
     * @param sheets     sheets checked
     * @param addUp      sheets whose figures all add up
     * @param decisions  sheets whose every decision is the rules'
     * @param statuses   sheets whose statuses agree with their figures
     * @param notAddingUp labels of the sheets that do not add up
     */
    public record Tally(String election, int sheets, int addUp, int decisions, int statuses, List<String> notAddingUp) {
    }

    /** The tallies, one per election, in the order the sheets come. */
    public static List<Tally> tally(List<NiSheetCheck.Result> results) {
        Map<String, List<NiSheetCheck.Result>> byElection = new LinkedHashMap<>();
        for (NiSheetCheck.Result r : results) {
            NiSheet.Election e = r.sheet().election();
            byElection.computeIfAbsent(e.name() + " (" + e.contestId() + ")", k -> new ArrayList<>()).add(r);
        }
        List<Tally> out = new ArrayList<>();
        byElection.forEach((name, rs) -> out.add(new Tally(name, rs.size(),
                (int) rs.stream().filter(NiSheetCheck.Result::addsUp).count(),
                (int) rs.stream().filter(r -> r.findings(NiSheetCheck.Concern.DECISIONS).isEmpty()).count(),
                (int) rs.stream().filter(r -> r.findings(NiSheetCheck.Concern.STATUSES).isEmpty()).count(),
                rs.stream().filter(r -> !r.addsUp()).map(r -> r.sheet().constituency().directory()).toList())));
        return out;
    }

    /**
     * The report: per election its tallies, then every finding about figures and decisions
     * ({@code statuses} true: about statuses too), then the notes on what the sheets lack.
     */
    public static String text(List<NiSheetCheck.Result> results, boolean statuses) {
        StringBuilder sb = new StringBuilder();
        for (Tally t : tally(results)) {
            sb.append(t.election()).append(": ").append(t.sheets()).append(" sheets; ").append(t.addUp())
                    .append(" add up, ").append(t.sheets() - t.addUp()).append(" do not")
                    .append(t.notAddingUp().isEmpty() ? "" : " (" + String.join(", ", t.notAddingUp()) + ")")
                    .append("; ").append(t.decisions()).append(" take every decision as stv-ni reads the rules; ")
                    .append(t.statuses()).append(" record every status at the count the figures give\n");
        }
        for (NiSheetCheck.Result r : results) {
            List<NiSheetCheck.Finding> shown = r.findings().stream()
                    .filter(x -> statuses || x.concern() != NiSheetCheck.Concern.STATUSES).toList();
            int hidden = r.findings().size() - shown.size();
            if (shown.isEmpty() && r.notes().isEmpty() && hidden == 0) {
                continue;
            }
            sb.append('\n').append(r.sheet().label()).append(" (").append(r.sheet().constituency().name()).append("): ")
                    .append(r.addsUp() ? "adds up" : "does not add up").append('\n');
            shown.forEach(x -> sb.append("  ").append(x).append('\n'));
            if (hidden > 0) {
                sb.append("  ").append(hidden).append(hidden == 1 ? " status finding" : " status findings")
                        .append(" (--statuses lists them)\n");
            }
            r.notes().forEach(x -> sb.append("  note: ").append(x).append('\n'));
        }
        return sb.toString();
    }
}
