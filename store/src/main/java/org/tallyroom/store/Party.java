package org.tallyroom.store;

import java.util.Locale;
import org.tallyroom.count.Candidate;

/**
 * A party as an importer knows it. Parties are matched on the Electoral Commission id (PP53) where it
 * is known, given or recognised from a main party's usual name ({@link MainParties}), else on the name
 * as printed (case and spacing folded), so every importer that names a party the same way lands on
 * one row.
 *
 * @param ecId         Electoral Commission register id ({@code PP53}), or null
 * @param name         the party's name
 * @param abbreviation a short form (Lab, Con), or null
 */
public record Party(String ecId, String name, String abbreviation) {
    public Party {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a party needs a name");
        }
        name = Candidate.fold(name);
        ecId = ecId == null || ecId.isBlank() ? null : ecId.strip().toUpperCase(Locale.ROOT);
        abbreviation = abbreviation == null || abbreviation.isBlank() ? null : abbreviation.strip();
        if (ecId == null) {
            String shortForm = abbreviation;
            ecId = MainParties.ecId(name).or(() -> MainParties.ecId(shortForm)).orElse(null);
        }
    }

    public static Party named(String name) {
        return new Party(null, name, null);
    }

    /** The matching key: the EC id, or {@code name:} and the folded lower-case name. */
    public String key() {
        return ecId != null ? ecId : "name:" + name.toLowerCase(Locale.ROOT);
    }
}
