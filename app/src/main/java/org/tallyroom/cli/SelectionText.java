package org.tallyroom.cli;

import java.util.List;
import java.util.Map;
import org.tallyroom.io.report.ReportText;
import org.tallyroom.io.selection.PaperRejection;
import org.tallyroom.io.selection.SelectionCount;
import org.tallyroom.io.selection.SelectionPapers;
import org.tallyroom.store.SelectionFacts;
import org.tallyroom.store.selection.SelectionTimeline;

/** A party selection as text: the members' account, the papers not counted by reason and one by one, the count. */
final class SelectionText {
    private SelectionText() {
    }

    /** A counted selection (before or without storing). */
    static String render(SelectionCount.Counted c) {
        SelectionPapers.Sorted s = c.sorted();
        StringBuilder sb = new StringBuilder();
        sb.append("Selection: ").append(c.inputs().title()).append(c.inputs().party().isEmpty() ? "" : " (" + c.inputs().party() + ")")
                .append(", ").append(c.report().seats()).append(c.report().seats() == 1 ? " place" : " places")
                .append(", ").append(c.method()).append('\n');
        sb.append("Shortlist: ").append(String.join(", ", c.shortlist().candidates())).append(" (drawn up by ")
                .append(c.shortlist().drawnUpBy()).append(" on ").append(c.shortlist().drawnUpOn()).append(")\n");
        account(sb, s.membersOnFile(), s.eligibleMembers(), c.inputs().freeze().toString(), s.papers(), s.counted());
        Map<PaperRejection, Long> by = s.byReason();
        rejections(sb, by, s.rejected().stream().map(r -> new SelectionFacts.Rejected(r.line(), r.number(), r.reason().id(),
                r.detail())).toList(), s.cutShort().stream().map(x -> new SelectionFacts.CutShort(x.line(), x.number(),
                x.preference(), x.name())).toList());
        sb.append('\n').append(ReportText.render(c.report()));
        return sb.toString();
    }

    /** What {@code show} adds for a stored selection: the account, the papers not counted, the timeline. */
    static String stored(SelectionFacts.Stored s, List<SelectionTimeline.Entry> timeline) {
        StringBuilder sb = new StringBuilder("\nSelection\n");
        var f = s.facts();
        sb.append("Shortlist drawn up by ").append(f.shortlistedBy()).append(" on ").append(f.shortlistedOn()).append('\n');
        account(sb, f.membersOnFile(), f.eligibleMembers(), f.freeze().toString(), f.papersReturned(), f.papersCounted());
        Map<PaperRejection, Long> by = new java.util.EnumMap<>(PaperRejection.class);
        for (PaperRejection r : PaperRejection.values()) {
            by.put(r, s.rejected().stream().filter(x -> x.reason().equals(r.id())).count());
        }
        rejections(sb, by, s.rejected(), s.cutShort());
        if (!timeline.isEmpty()) {
            sb.append("\nTimeline:\n");
            for (SelectionTimeline.Entry e : timeline) {
                sb.append("  ").append(e.date()).append("  ").append(e.what()).append('\n');
            }
            SelectionTimeline.Entry last = timeline.get(timeline.size() - 1);
            sb.append("Candidate now: ").append(last.holders().isEmpty() ? "none" : String.join(", ", last.holders()))
                    .append(last.vacant() == 0 ? "" : " (" + last.vacant() + (last.vacant() == 1 ? " place" : " places")
                            + " vacant)").append('\n');
        }
        return sb.toString();
    }

    private static void account(StringBuilder sb, int onFile, int eligible, String freeze, int papers, int counted) {
        sb.append("Members: ").append(onFile).append(" on the members file, ").append(eligible)
                .append(" eligible on the freeze date ").append(freeze).append('\n');
        sb.append("Papers: ").append(papers).append(" returned, ").append(counted).append(" counted, ")
                .append(papers - counted).append(" not counted\n");
    }

    private static void rejections(StringBuilder sb, Map<PaperRejection, Long> by, List<SelectionFacts.Rejected> rejected,
                                   List<SelectionFacts.CutShort> cut) {
        sb.append("Not counted, by reason:\n");
        for (var e : by.entrySet()) {
            sb.append(String.format("  %-21s %6d  %s%n", e.getKey().id(), e.getValue(), e.getKey().text()));
        }
        if (!rejected.isEmpty()) {
            sb.append("Papers not counted (line of the ballots file, membership number, reason):\n");
            for (SelectionFacts.Rejected r : rejected) {
                sb.append(String.format("  line %d  %s  %s%s%n", r.line(), r.number(), r.reason(),
                        r.detail() == null ? "" : ": " + r.detail()));
            }
        }
        if (!cut.isEmpty()) {
            sb.append("Counted, preferences stopped at a name not on the shortlist:\n");
            for (SelectionFacts.CutShort x : cut) {
                sb.append(String.format("  line %d  %s  preference %d '%s'%n", x.line(), x.number(), x.preference(), x.name()));
            }
        }
    }
}
