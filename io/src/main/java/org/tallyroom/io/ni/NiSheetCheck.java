package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.Fixed;

/**
 * Checks an NI count sheet against the Northern Ireland STV rules as Tallyroom's {@code stv-ni} count
 * applies them (Local Elections (NI) Order 1985 Sch Part IV rules 48-52, which the NI Assembly
 * (Elections) Order 2001 applies): with no ballots published, what can be checked is every figure
 * the sheet gives and every decision it records.
 *
 * <ul>
 * <li>The poll: valid poll = total poll less spoiled papers; the first preferences add up to the valid
 *     poll; quota = valid papers / (seats + 1), fraction disregarded, plus one (r.48(1)-(2)), from the
 *     first preferences counted.</li>
 * <li>Each stage: every candidate's total = the previous total plus the transfer; first preferences
 *     repeated unchanged; the transfers and the stage's non-transferable figure cancel (r.50(2)(c),
 *     51(10)(c)); the totals with all non-transferable papers so far equal the valid first preferences
 *     (r.50(2)(d), 51(10)(d)).</li>
 * <li>The decisions, replayed on the sheet's own totals: a candidate reaching the quota is elected at
 *     that stage (r.48(3)); the largest surplus is transferred first, all of it, unless r.49(10) defers
 *     it; otherwise the lowest candidate is excluded, with all their votes, or two or more together
 *     under r.51(12), ties by the earliest stage at which they differed (r.51(13)); the last vacancies
 *     are filled under r.52, after which nothing more is transferred; nobody already elected or
 *     excluded receives votes; the statuses and the counts they say they arose at agree with all this.</li>
 * </ul>
 *
 * <p>The sheets record an exclusion at the stage where it is decided (the stage after which the
 * candidate is lowest) and transfer the votes at the next stage, all sub-parcels together as one
 * stage (r.51(4)); Tallyroom's own count reports each sub-parcel as a stage, so its stage numbers
 * differ, not its decisions. Where the sheet departs from the rules the check says so and then
 * follows the sheet, so that one slip is reported once, not at every later stage. Transfer values
 * cannot be checked: the sheets give no numbers of papers.
 */
public final class NiSheetCheck {
    private NiSheetCheck() {
    }

    /** What a finding is about. */
    public enum Concern {
        /** A figure that does not add up: the poll, the quota, a total, a transfer, non-transferable. */
        FIGURES,
        /** A decision other than the rules' (as {@code stv-ni} reads them): whose surplus or exclusion, who wins. */
        DECISIONS,
        /** A status or the count it is said to have arisen at, disagreeing with the figures. */
        STATUSES
    }

    /**
     * A figure or decision that does not agree with the rules or the rest of the sheet.
     *
     * @param concern what it is about
     * @param file    the file holding the figure
     * @param line    its line (0: the file as a whole)
     * @param stage   the count (stage) it concerns, or 0 for the poll
     * @param message what was found, and what the rules or the other figures call for
     */
    public record Finding(Concern concern, String file, long line, int stage, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + concern.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + (stage > 0 ? "count " + stage + ": " : "") + message;
        }
    }

    /** What a stage did, as the sheet records it. */
    public enum Action { FIRST_PREFERENCES, SURPLUS, EXCLUSION }

    /**
     * One stage as the sheet records it: whose votes moved and who was elected or excluded.
     *
     * @param number   the count number
     * @param action   first preferences, a surplus or an exclusion
     * @param subjects candidate indexes whose votes moved (negative transfers)
     * @param elected  candidates the sheet says were elected at this count, highest total first
     * @param excluded candidates the sheet says were excluded at this count
     * @param nonTransferable the non-transferable votes so far (the stated figures, or where a stage
     *                 has none, what its transfers leave)
     */
    public record Step(int number, Action action, List<Integer> subjects, List<Integer> elected, List<Integer> excluded,
                       long nonTransferable) {
        public Step {
            subjects = List.copyOf(subjects);
            elected = List.copyOf(elected);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * The outcome for one sheet.
     *
     * @param sheet    the sheet
     * @param quota    the quota the count used (the sheet's, or computed where it gives none), hundredths
     * @param steps    every stage as the sheet records it
     * @param findings every disagreement; none when the sheet adds up
     * @param notes    what the check had to supply (figures the sheet lacks)
     * @param rulesElected the candidates the rules elect, replayed on the sheet's totals, in candidate order
     */
    public record Result(NiSheet sheet, long quota, List<Step> steps, List<Finding> findings, List<String> notes,
                         List<Integer> rulesElected) {
        public Result {
            rulesElected = List.copyOf(rulesElected);
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }

        /** True when every figure adds up (decisions and statuses aside). */
        public boolean addsUp() {
            return findings.stream().noneMatch(x -> x.concern() == Concern.FIGURES);
        }

        /** The findings of one concern. */
        public List<Finding> findings(Concern concern) {
            return findings.stream().filter(x -> x.concern() == concern).toList();
        }

        /** Candidate indexes in the order the sheet elects them. */
        public List<Integer> elected() {
            return steps.stream().flatMap(s -> s.elected().stream()).toList();
        }
    }

    public static Result check(NiSheet sheet) {
        List<Finding> findings = new ArrayList<>();
        SheetFigures figures = new SheetFigures(sheet, findings);
        figures.run();
        SheetDecisions decisions = new SheetDecisions(sheet, findings, figures.quota, figures.electedAt, figures.excludedAt);
        decisions.replay();
        List<String> notes = new ArrayList<>(sheet.notes());
        notes.addAll(figures.notes);
        return new Result(sheet, figures.quota, figures.steps(), findings, notes, decisions.rulesElected);
    }

    static String fmt(long hundredths) {
        return Fixed.format(hundredths, 2);
    }
}
