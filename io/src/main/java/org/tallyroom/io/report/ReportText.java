package org.tallyroom.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.Allocation;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Stage;
import org.tallyroom.count.Tie;

/**
 * The report as a person reads it at a count: the ballot paper account, the quota, then either a
 * declaration table (one stage) or the stage table familiar from council websites (one row per
 * candidate, one column per stage, what moved at the head of each column), then ties and allocations.
 */
public final class ReportText {
    private ReportText() {
    }

    public static String render(CountReport r) {
        StringBuilder out = new StringBuilder();
        int dp = r.decimals();
        List<Candidate> cands = r.candidates();
        String heading = (r.title().isEmpty() ? "Count" : r.title()) + " (" + r.method() + ", "
                + r.seats() + (r.seats() == 1 ? " seat" : " seats") + ")";
        out.append(heading).append('\n').append("=".repeat(heading.length())).append("\n\n");
        out.append(String.format("Valid %s: %,d%n", r.ballots().distinct() == 0
                ? "votes" : "ballot papers", r.ballots().valid()));
        out.append(String.format("Rejected ballot papers: %,d%n", r.ballots().rejected()));
        for (Map.Entry<RejectionReason, Long> e : r.ballots().byReason().entrySet()) {
            out.append(String.format("  %-62s %,d%n", e.getKey().statutoryText(), e.getValue()));
        }
        if (r.quota() != null) {
            out.append("Quota: ").append(Fixed.format(r.quota(), dp)).append('\n');
        }
        out.append('\n');
        if (!r.allocations().isEmpty() || !r.seatsByParty().isEmpty()) {
            listTables(r, out);
        } else if (r.stages().size() == 1) {
            declaration(r, out);
        } else {
            stageTable(r, out);
        }
        out.append('\n').append("Elected: ");
        out.append(r.elected().isEmpty() ? "none" : String.join(", ", r.electedNames())).append('\n');
        for (Tie t : r.ties()) {
            out.append(String.format("Tie at stage %d between %s: %s, settled by %s: %s%n", t.stage(),
                    String.join(", ", t.between().stream().map(i -> cands.get(i).name()).toList()), t.question(),
                    t.resolvedBy().id(), cands.get(t.chosen()).name()));
        }
        if (r.ties().stream().anyMatch(t -> t.resolvedBy() == Tie.Resolution.LOT)) {
            out.append(r.lotSupplied().isEmpty() ? "Lot drawn with seed " + r.seed()
                    : "Lot as drawn by the returning officer: " + String.join(", ", r.lotSupplied())).append('\n');
        }
        for (String note : r.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void declaration(CountReport r, StringBuilder out) {
        Stage s = r.stages().get(0);
        List<Candidate> cands = r.candidates();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(s.votesOf(b), s.votesOf(a)));
        long valid = s.candidateTotal();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Candidate", "Party", "Votes", "Share", ""});
        for (int c : order) {
            rows.add(new String[] {cands.get(c).name(), cands.get(c).party(), Fixed.format(s.votesOf(c), r.decimals()),
                    percent(s.votesOf(c), valid), r.elected().contains(c) ? "elected" : ""});
        }
        table(rows, out, 1);
    }

    private static void stageTable(CountReport r, StringBuilder out) {
        List<Candidate> cands = r.candidates();
        int dp = r.decimals();
        List<String[]> rows = new ArrayList<>();
        int cols = r.stages().size() + 1;
        String[] head1 = new String[cols];
        String[] head2 = new String[cols];
        String[] head3 = new String[cols];
        head1[0] = "Stage";
        head2[0] = "";
        head3[0] = "";
        for (int k = 0; k < r.stages().size(); k++) {
            Stage s = r.stages().get(k);
            head1[k + 1] = Integer.toString(s.number());
            head2[k + 1] = s.kind().id() + (s.subject().isEmpty() ? ""
                    : s.subject().size() > 2 ? " of " + s.subject().size() + " candidates"
                    : " " + String.join("+", s.subject().stream().map(i -> surname(cands.get(i).name())).toList()));
            head3[k + 1] = s.transferValue() == null ? "" : "value " + Fixed.format(s.transferValue(), dp);
        }
        rows.add(head1);
        rows.add(head2);
        boolean anyValue = java.util.Arrays.stream(head3).anyMatch(h -> !h.isEmpty());
        if (anyValue) {
            rows.add(head3);
        }
        for (int c = 0; c < cands.size(); c++) {
            String[] row = new String[cols];
            row[0] = cands.get(c).name() + (cands.get(c).withdrawn() ? " (withdrawn)" : "");
            for (int k = 0; k < r.stages().size(); k++) {
                Stage s = r.stages().get(k);
                String mark = s.elected().contains(c) ? " E" : s.excluded().contains(c) ? " X" : "";
                row[k + 1] = Fixed.format(s.votesOf(c), dp) + mark;
            }
            rows.add(row);
        }
        String[] nt = new String[cols];
        String[] loss = new String[cols];
        String[] total = new String[cols];
        nt[0] = "Non-transferable";
        loss[0] = "  of which truncation loss";
        total[0] = "Total";
        boolean anyLoss = false;
        for (int k = 0; k < r.stages().size(); k++) {
            Stage s = r.stages().get(k);
            nt[k + 1] = Fixed.format(s.nonTransferable(), dp);
            loss[k + 1] = Fixed.format(s.truncationLoss(), dp);
            anyLoss |= s.truncationLoss() != 0;
            total[k + 1] = Fixed.format(s.candidateTotal() + s.nonTransferable(), dp);
        }
        rows.add(nt);
        if (anyLoss) {
            rows.add(loss);
        }
        rows.add(total);
        table(rows, out, anyValue ? 3 : 2);
        out.append("(E elected, X excluded at that stage)\n");
        for (Stage s : r.stages()) {
            if (!s.note().isEmpty()) {
                out.append("Stage ").append(s.number()).append(": ").append(s.note()).append('\n');
            }
        }
    }

    private static void listTables(CountReport r, StringBuilder out) {
        List<Candidate> cands = r.candidates();
        Stage first = r.stages().get(0);
        long valid = first.candidateTotal();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"List", "Votes", "Share", "Seats"});
        for (int c = 0; c < cands.size(); c++) {
            Integer seats = r.seatsByParty().get(cands.get(c).name());
            rows.add(new String[] {cands.get(c).name(), Fixed.format(first.votesOf(c), r.decimals()),
                    percent(first.votesOf(c), valid), seats == null ? "0" : seats.toString()});
        }
        table(rows, out, 1);
        out.append('\n');
        List<String[]> alloc = new ArrayList<>();
        boolean named = r.allocations().stream().anyMatch(a -> a.member() != null);
        alloc.add(named ? new String[] {"Seat", "Allocated to", "Quotient", "Member"}
                : new String[] {"Seat", "Allocated to", "Quotient"});
        for (Allocation a : r.allocations()) {
            String quotient = Fixed.format(a.quotient(), Allocation.QUOTIENT_DECIMALS);
            alloc.add(named ? new String[] {Integer.toString(a.seat()), a.party(), quotient,
                    a.member() == null ? "(no list given)" : a.member()}
                    : new String[] {Integer.toString(a.seat()), a.party(), quotient});
        }
        table(alloc, out, 1);
        if (!r.seatsByParty().isEmpty()) {
            out.append("\nSeats by party: ");
            List<String> parts = new ArrayList<>();
            r.seatsByParty().forEach((p, n) -> parts.add(p + " " + n));
            out.append(String.join(", ", parts)).append('\n');
        }
    }

    /** Percentage to two places, rounded half up, by integer arithmetic. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        long basis = Math.floorDiv(Math.multiplyExact(part, 20000L) / whole + 1, 2);
        return Fixed.format(basis, 2) + "%";
    }

    private static String surname(String name) {
        String[] words = name.split(" ");
        for (String w : words) {
            if (w.length() > 1 && w.equals(w.toUpperCase(java.util.Locale.ROOT)) && Character.isLetter(w.charAt(0))) {
                return w;
            }
        }
        return name;
    }

    private static void table(List<String[]> rows, StringBuilder out, int headerRows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row[i] == null ? 0 : row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = rows.get(r)[i] == null ? "" : rows.get(r)[i];
                boolean left = i == 0 || (i == 1 && width.length > 2 && !isNumeric(rows, 1));
                line.append(i == 0 ? "" : "  ");
                line.append(left ? pad(cell, width[i], false) : pad(cell, width[i], true));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == headerRows - 1) {
                int len = 0;
                for (int w : width) {
                    len += w + 2;
                }
                out.append("-".repeat(Math.max(0, len - 2))).append('\n');
            }
        }
    }

    private static boolean isNumeric(List<String[]> rows, int col) {
        for (int r = rows.size() - 1; r > 0; r--) {
            String cell = rows.get(r)[col];
            if (cell != null && !cell.isEmpty()) {
                return cell.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ' ' || ch == 'E' || ch == 'X' || ch == '-');
            }
        }
        return false;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
