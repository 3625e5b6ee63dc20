package org.tallyroom.analysis.text;

import java.util.List;
import java.util.function.Function;
import org.tallyroom.analysis.ward.Rollup;
import org.tallyroom.analysis.ward.RollupArea;
import org.tallyroom.analysis.ward.RollupCheck;
import org.tallyroom.analysis.ward.WardLead;
import org.tallyroom.analysis.ward.WardLine;
import org.tallyroom.analysis.ward.WardShare;

/**
 * A roll-up of ward results as plain text: shares and votes by area (each area's postal votes on a line
 * of their own), areas led, and the check against the declared totals, every mismatch printed.
 */
public final class RollupText {
    private RollupText() {
    }

    public static String render(Rollup r) {
        String area = Character.toUpperCase(r.by().charAt(0)) + r.by().substring(1);
        StringBuilder out = new StringBuilder(r.contest()).append(" by ").append(r.by())
                .append(": the ward results added up (wards, postal votes, areas counted whole)\n\n");
        out.append("Share of the ").append(r.by()).append("'s votes, %\n");
        table(out, r, area, s -> PlainText.pct(s.share()), true);
        out.append("\nVotes\n");
        table(out, r, area, s -> PlainText.votes(s.votes()), false);
        out.append('\n').append(r.by().equals("borough") ? "Boroughs" : "Constituencies").append(" led\n");
        TextTable l = new TextTable("Candidate", "Party", ">Led", ">Level");
        for (WardLead lead : r.leads()) {
            if (lead.wardsLed() + lead.wardsLevel() > 0) {
                l.row(lead.name(), lead.party(), lead.wardsLed(), lead.wardsLevel());
            }
        }
        l.appendTo(out);
        out.append('\n').append(check(r));
        return out.toString();
    }

    private static void table(StringBuilder out, Rollup r, String area, Function<WardShare, String> cell, boolean leader) {
        List<WardShare> head = r.total().shares();
        String[] columns = new String[head.size() + 3 + (leader ? 1 : 0)];
        columns[0] = area;
        columns[1] = ">Wards";
        columns[2] = ">Votes";
        for (int i = 0; i < head.size(); i++) {
            columns[i + 3] = ">" + heading(head.get(i));
        }
        if (leader) {
            columns[columns.length - 1] = "Leader";
        }
        TextTable t = new TextTable(columns);
        for (RollupArea a : r.areas()) {
            t.row(row(a.line(), a.line().wardName(), Integer.toString(a.wards()), cell, leader, columns.length));
            if (a.postal() != null) {
                t.row(row(a.postal(), "  of which postal votes", "", cell, leader, columns.length));
            }
        }
        int wards = r.areas().stream().mapToInt(RollupArea::wards).sum();
        t.row(row(r.total(), "Total", Integer.toString(wards), cell, leader, columns.length));
        t.appendTo(out);
    }

    private static Object[] row(WardLine w, String name, String wards, Function<WardShare, String> cell, boolean leader,
                                int size) {
        Object[] cells = new Object[size];
        cells[0] = name;
        cells[1] = wards;
        cells[2] = PlainText.votes(w.total());
        for (int i = 0; i < w.shares().size(); i++) {
            cells[i + 3] = cell.apply(w.shares().get(i));
        }
        if (leader) {
            cells[size - 1] = w.leaders().isEmpty() ? "-" : String.join(" and ", w.leaders())
                    + (w.leaders().size() > 1 ? " (level)" : "");
        }
        return cells;
    }

    /** The check against the declaration: agreement in a line, or every mismatch and unplaced row. */
    public static String check(Rollup r) {
        RollupCheck c = r.check();
        StringBuilder out = new StringBuilder("Check against the declared totals for the whole ballot: ");
        out.append(c.agrees() ? "the " + r.by() + " totals add up to the declared total of every candidate.\n"
                : "THE " + r.by().toUpperCase(java.util.Locale.ROOT) + " TOTALS DO NOT ADD UP TO THE DECLARATION.\n");
        TextTable t = new TextTable("Candidate", "Party", ">Added up", ">Declared", ">Difference", "");
        for (RollupCheck.Line l : c.lines()) {
            t.row(l.name(), l.party(), PlainText.votes(l.summed()), l.declared() == null ? "-" : PlainText.votes(l.declared()),
                    l.declared() == null ? "-" : PlainText.signedVotes(l.summed() - l.declared()),
                    switch (l.status()) {
                        case EQUAL -> "equal";
                        case DIFFERS -> "MISMATCH";
                        case NOT_DECLARED -> "no declared total stored";
                    });
        }
        t.appendTo(out);
        if (!c.unplaced().isEmpty()) {
            out.append("Rows in no ").append(r.by()).append(" (left out of the areas above): ")
                    .append(String.join("; ", c.unplaced())).append('\n');
        }
        return out.toString();
    }

    /**
     * A column heading: a candidate's surname where the name ends in one written in capitals, as on a
     * ballot paper ("Zac GOLDSMITH"); else (a party list, "Labour Party") the party key.
     */
    private static String heading(WardShare s) {
        String name = s.name().strip();
        String last = name.substring(name.lastIndexOf(' ') + 1);
        boolean surname = last.chars().anyMatch(Character::isLetter)
                && last.chars().noneMatch(Character::isLowerCase);
        return surname ? last : s.party();
    }
}
