package org.tallyroom.analysis.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tallyroom.analysis.council.ComparisonBasis;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.analysis.council.PartySeats;

/**
 * Headlines for a whole body: a council ("Labour GAIN Barnet from Conservative", "Labour 29 of 32
 * needed, 6 seats to declare") and a parliament ("Conservative win a majority of 80"), from its
 * {@link ControlLine}, so every word of control is as certain as the arithmetic there.
 *
 * <p>Parties are named through {@code names}: the analysis's party keys ("Lab") to the names a
 * reader knows ("Labour").
 *
 * <p>The comparison of control is of the whole body at each election, so it stands across boundary
 * changes; the seat changes under it are ward by ward only where the wards are the same (or against
 * notional results), else whole-council totals, and the details say which.
 */
public final class ControlHeadlines {
    private ControlHeadlines() {
    }

    /**
     * Control of the body at the previous election.
     *
     * @param label   how to name that election in a sentence: its year ("2018")
     * @param control its control, over its own full size
     */
    public record Previous(String label, Control control) {
    }

    /**
     * A council's headline.
     *
     * @param body              the council as a reader names it ("Barnet")
     * @param line              control so far
     * @param held              seats won so far by party, most first
     * @param previous          control at the previous election, or null where none is stored
     * @param change            seat changes against the previous election (by ward, notional or whole-council), or
     *                          null where none can be given yet
     * @param boundariesChanged whether the wards differ from the previous election's
     */
    public static Headline council(String body, ControlLine line, List<PartySeats> held, Previous previous,
                                   CouncilChange change, boolean boundariesChanged, UnaryOperator<String> names) {
        String text = switch (line.state()) {
            case MAJORITY -> councilMajority(body, names.apply(line.party()), previous, names);
            case NO_OVERALL_CONTROL -> {
                if (previous == null) {
                    yield "No overall control in " + body;
                }
                yield previous.control().overall() ? names.apply(previous.control().party()) + " lose control of " + body
                        + ": no overall control" : "No overall control in " + body + ": no change";
            }
            case COUNTING -> counting(body, line, names);
        };
        List<String> details = new ArrayList<>();
        if (!held.isEmpty()) {
            details.add(seatsLine(held, change, names));
        }
        details.add(standing(line, names));
        if (previous != null) {
            details.add(previous.label() + ": " + was(previous.control(), names));
        }
        if (boundariesChanged && previous != null) {
            details.add(boundaries(previous.label(), change));
        }
        return new Headline(text, details);
    }

    private static String councilMajority(String body, String party, Previous previous, UnaryOperator<String> names) {
        if (previous == null || !previous.control().overall()) {
            return party + " take control of " + body;
        }
        String was = names.apply(previous.control().party());
        return was.equals(party) ? party + " HOLD " + body : party + " GAIN " + body + " from " + was;
    }

    /** "Labour 29 of 32 needed, 6 seats to declare"; before any seat, how many are needed. */
    static String counting(String body, ControlLine line, UnaryOperator<String> names) {
        if (line.leaders().isEmpty()) {
            return body + ": no seats declared yet, " + Wording.number(line.threshold()) + " of "
                    + Wording.number(line.seats()) + " needed for a majority";
        }
        List<String> leaders = line.leaders().stream().map(names).toList();
        return Wording.and(leaders) + " " + Wording.number(line.held()) + (leaders.size() > 1 ? " each" : "") + " of "
                + Wording.number(line.threshold()) + " needed, " + Wording.seats(line.toDeclare()) + " to declare";
    }

    /** "Labour 41 (+16), Conservative 22 (−16), Liberal Democrat 0 (−1)" */
    static String seatsLine(List<PartySeats> held, CouncilChange change, UnaryOperator<String> names) {
        List<String> parts = new ArrayList<>();
        for (PartySeats p : held) {
            parts.add(names.apply(p.party()) + " " + Wording.number(p.seats())
                    + (change == null ? "" : " (" + Wording.signed(change.party(p.party()).net()) + ")"));
        }
        if (change != null) {
            for (PartyChange p : change.parties()) {
                if (p.after() == 0 && p.net() != 0) {
                    parts.add(names.apply(p.party()) + " 0 (" + Wording.signed(p.net()) + ")");
                }
            }
        }
        return "Seats: " + String.join(", ", parts);
    }

    /** Where the count stands against the threshold. */
    static String standing(ControlLine line, UnaryOperator<String> names) {
        String declared = line.toDeclare() == 0 ? "All " + Wording.number(line.seats()) + " seats declared"
                : Wording.number(line.seats() - line.toDeclare()) + " of " + Wording.number(line.seats()) + " seats declared";
        return switch (line.state()) {
            case MAJORITY -> declared + "; " + names.apply(line.party()) + " " + Wording.number(line.held()) + ", "
                    + Wording.number(line.threshold()) + " needed for a majority";
            case NO_OVERALL_CONTROL -> declared + "; " + Wording.and(line.leaders().stream().map(names).toList())
                    + " largest with " + Wording.number(line.held()) + ", " + Wording.number(line.needed()) + " short of the "
                    + Wording.number(line.threshold()) + " needed, and no party can reach it";
            case COUNTING -> declared + "; " + Wording.number(line.threshold()) + " needed for a majority";
        };
    }

    /** "Conservative majority, 38 of 63 seats" or "no overall control, Conservative largest with 30 of 63". */
    static String was(Control c, UnaryOperator<String> names) {
        if (c.overall()) {
            return names.apply(c.party()) + " majority, " + Wording.number(c.largestSeats()) + " of " + Wording.seats(c.seats());
        }
        if (c.largestParties().isEmpty()) {
            return "no overall control";
        }
        return "no overall control, " + Wording.and(c.largestParties().stream().map(names).toList()) + " largest with "
                + Wording.number(c.largestSeats()) + " of " + Wording.number(c.seats());
    }

    private static String boundaries(String since, CouncilChange change) {
        String lead = "New ward boundaries since " + since + ": ";
        if (change == null) {
            return lead + "changes in seats are shown once every ward has declared; control compares the whole council, "
                    + "so it stands";
        }
        if (change.basis() == ComparisonBasis.NOTIONAL) {
            return lead + "gains and losses are against notional " + since + " results on the new wards";
        }
        return lead + "changes are in each party's total seats across the whole council, not ward by ward; "
                + "control compares the whole council, so it stands";
    }

    /**
     * A general election's headline.
     *
     * @param line      control of the House so far (over every seat, declared or not)
     * @param held      seats won so far by party, most first
     * @param changes   each party's change in seats against the previous election, by party key (null: none)
     * @param previous  control after the previous election, or null
     * @param newSeats  seats fought on boundaries the previous election did not have (their changes are not counted)
     */
    public static Headline parliament(ControlLine line, List<PartySeats> held, java.util.Map<String, Integer> changes,
                                      Previous previous, int newSeats, UnaryOperator<String> names) {
        String text = switch (line.state()) {
            case MAJORITY -> {
                String party = names.apply(line.party());
                int majority = 2 * line.held() - line.seats();
                if (previous != null && previous.control().overall() && previous.control().party().equals(line.party())) {
                    Control p = previous.control();
                    yield party + " HOLD: majority of " + Wording.number(majority) + " (" + previous.label() + ": "
                            + Wording.number(2L * p.largestSeats() - p.seats()) + ")";
                }
                yield party + " win a majority of " + Wording.number(majority);
            }
            case NO_OVERALL_CONTROL -> "Hung parliament: " + Wording.and(line.leaders().stream().map(names).toList())
                    + " largest, " + Wording.number(line.needed()) + " short of a majority";
            case COUNTING -> counting("The House", line, names);
        };
        List<String> details = new ArrayList<>();
        if (!held.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (PartySeats p : held) {
                Integer c = changes == null ? null : changes.get(p.party());
                parts.add(names.apply(p.party()) + " " + Wording.number(p.seats()) + (c == null ? "" : " (" + Wording.signed(c) + ")"));
            }
            details.add("Seats: " + String.join(", ", parts));
        }
        details.add(standing(line, names));
        if (previous != null) {
            Control p = previous.control();
            details.add(previous.label() + ": " + (p.overall() ? names.apply(p.party()) + " majority of "
                    + Wording.number(2L * p.largestSeats() - p.seats()) : "hung parliament, " + Wording.and(
                    p.largestParties().stream().map(names).toList()) + " largest with " + Wording.number(p.largestSeats())));
        }
        if (newSeats > 0 && previous != null) {
            details.add(Wording.seats(newSeats) + " on boundaries new since " + previous.label()
                    + ": seat changes count only seats fought on the same boundaries");
        }
        return new Headline(text, details);
    }
}
