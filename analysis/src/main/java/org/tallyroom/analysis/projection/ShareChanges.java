package org.tallyroom.analysis.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallyroom.analysis.Fraction;

/**
 * National changes in share by party, as given on the command line: {@code con:-4,lab:+3}
 * (percentage points, any number of decimals).
 *
 * @param changes each party's change as a proportion (-4 points is -1/25), in the order given
 */
public record ShareChanges(List<Change> changes) {
    /** One party's change. */
    public record Change(String party, Fraction points) {
    }

    public ShareChanges {
        changes = List.copyOf(changes);
    }

    public static ShareChanges none() {
        return new ShareChanges(List.of());
    }

    /** Parses {@code party:points[,party:points...]}; party keys as the election spells them (any case). */
    public static ShareChanges parse(String text) {
        List<Change> out = new ArrayList<>();
        if (text.isBlank()) {
            return new ShareChanges(out);
        }
        for (String part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("expected party:points such as con:-4 or lab:+3, found '"
                        + part.strip() + "'");
            }
            String party = part.substring(0, colon).strip();
            String points = part.substring(colon + 1).strip();
            if (!points.matches("[+-]?\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("expected points such as -4, +3 or 1.5 for " + party + ", found '"
                        + points + "'");
            }
            String key = party.toLowerCase(Locale.ROOT);
            if (out.stream().anyMatch(c -> c.party().toLowerCase(Locale.ROOT).equals(key))) {
                throw new IllegalArgumentException("party " + party + " given twice");
            }
            out.add(new Change(party, Fraction.points(points)));
        }
        return new ShareChanges(out);
    }
}
