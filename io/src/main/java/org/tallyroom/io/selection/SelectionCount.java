package org.tallyroom.io.selection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Rules;

/**
 * A party selection read and counted: the members file, the freeze date, the shortlist and the members'
 * papers, sorted by {@link SelectionPapers}' rules, and the papers that count counted by the engine's
 * own AV (one place) or STV (several) rules.
 */
public final class SelectionCount {
    /** The method for {@code places} when none is asked for: AV for one place, ERS97 STV for several. */
    public static String defaultMethod(int places) {
        return places > 1 ? "stv-ers97" : "av";
    }

    /**
     * What to count.
     *
     * @param title     the contest's title in the report (the selection's id where there is one)
     * @param party     the party's name, the candidates' party in the report
     * @param members   the members file
     * @param freeze    the freeze date
     * @param shortlist the shortlist file
     * @param ballots   the members' papers
     * @param places    places to fill (1 or more)
     * @param method    a preferential or STV method id, or null for {@link #defaultMethod}
     * @param seed      seed for any lot, or null for one derived from the contest
     */
    public record Inputs(String title, String party, Path members, LocalDate freeze, Path shortlist, Path ballots, int places,
                         String method, Long seed) {
    }

    /** The counted selection. */
    public record Counted(Inputs inputs, String method, Shortlist shortlist, SelectionPapers.Sorted sorted,
                          CountReport report) {
    }

    private SelectionCount() {
    }

    /**
     * The rules for a method id a selection may be counted by, or an error in words: AV for one place,
     * an STV method for one or more.
     */
    public static Rules rules(String method, int places) {
        if (places < 1 || places > 1000) {
            throw new IllegalArgumentException("expected 1 to 1000 places, found " + places);
        }
        Method m = Methods.method(method).orElseThrow(() -> new IllegalArgumentException("unknown method '" + method
                + "'; a selection is counted by av (one place) or an STV method: "
                + String.join(", ", Methods.all().stream().filter(x -> x.kind() == Method.Kind.STV).map(Method::id).toList())));
        boolean single = m.kind() == Method.Kind.PREFERENTIAL;
        if (!single && m.kind() != Method.Kind.STV) {
            throw new IllegalArgumentException("a selection is counted by av (one place) or an STV method, not " + m.id());
        }
        if (single && places > 1) {
            throw new IllegalArgumentException(m.id() + " fills one place; for " + places + " places use an STV method "
                    + "(default " + defaultMethod(places) + ")");
        }
        return Methods.byId(m.id()).orElseThrow();
    }

    /** Reads, sorts and counts. */
    public static Counted count(Inputs in) throws org.tallyroom.io.InputException {
        String method = in.method() == null ? defaultMethod(in.places()) : in.method();
        Rules rules = rules(method, in.places());
        Map<String, Member> members = MembersCsv.read(in.members());
        Shortlist shortlist = ShortlistCsv.read(in.shortlist());
        if (shortlist.candidates().size() < in.places()) {
            throw new org.tallyroom.io.InputException(in.shortlist().toString(), 0, 0, "at least " + in.places()
                    + " shortlisted candidates for " + in.places() + " places", shortlist.candidates().size() + "");
        }
        List<MemberPaper> papers = SelectionBallotsCsv.read(in.ballots());
        SelectionPapers.Sorted sorted = SelectionPapers.sort(in.title(), in.party(), members, in.freeze(), shortlist, papers);
        long seed = in.seed() != null ? in.seed() : defaultSeed(sorted);
        CountReport report = rules.count(sorted.contest(), new CountOptions(in.places(), null, seed, List.of(), Map.of(), false));
        return new Counted(in, rules.method(), shortlist, sorted, report);
    }

    /** The same seed for the same contest, as {@code tallyroom count} derives it. */
    private static long defaultSeed(SelectionPapers.Sorted sorted) {
        StringBuilder sb = new StringBuilder(sorted.contest().title());
        sorted.contest().candidates().forEach(c -> sb.append('\n').append(c.name()));
        return Integer.toUnsignedLong(sb.toString().hashCode());
    }
}
