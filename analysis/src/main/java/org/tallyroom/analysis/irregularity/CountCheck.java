package org.tallyroom.analysis.irregularity;

import java.util.List;

/**
 * Whether the ballot papers of a number of electors affected (turned away, lost postal votes) could
 * have changed the result of a count by any method, with the reasoning a reader can check.
 *
 * @param title      the contest
 * @param method     the count's method id
 * @param affected   electors affected: each could have cast one more paper, marked any way
 * @param outcome    {@link Outcome#CANNOT_CHANGE} only where proven; otherwise how it could change
 * @param stage      the stage the electors affected could decide (1 for first preferences; for list
 *                   counts, the seat whose allocation could change), or 0 where none could
 * @param margin     the papers needed to change (or tie) the result where the check finds it exactly;
 *                   -1 where it gives only a bound
 * @param reasoning  the steps, in order, each a sentence
 */
public record CountCheck(String title, String method, long affected, Outcome outcome, int stage, long margin,
                         List<String> reasoning) {
    public CountCheck {
        reasoning = List.copyOf(reasoning);
    }

    /** The check as text: the verdict, then the reasoning. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(title.isEmpty() ? "Count" : title).append(" (").append(method).append("): ")
                .append(affected).append(affected == 1 ? " elector" : " electors").append(" affected\n");
        out.append("Verdict: ").append(outcome.description());
        if (stage > 0) {
            out.append(" (stage ").append(stage).append(')');
        }
        out.append('\n');
        for (String step : reasoning) {
            out.append("  - ").append(step).append('\n');
        }
        return out.toString();
    }
}
