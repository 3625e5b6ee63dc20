package org.tallyroom.store;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The main parties' Electoral Commission register ids (seeded by V2__main_parties.sql) and the
 * spellings sources print them under, so a party a file names without an id ("Labour", "Lab",
 * "Labour Party", "Conservative") still lands on its registered row. Only names that mean exactly
 * that registered party are listed: "Scottish Labour Party" or "Scottish Greens" are descriptions of
 * their own, and joint descriptions ("Labour and Co-operative Party") are not one registered party, so
 * they stay as named.
 */
public final class MainParties {
    private static final Map<String, String> EC_ID_BY_SPELLING = Map.ofEntries(
            Map.entry("con", "PP52"), Map.entry("conservative", "PP52"), Map.entry("conservatives", "PP52"),
            Map.entry("conservative party", "PP52"), Map.entry("conservative and unionist party", "PP52"),
            Map.entry("lab", "PP53"), Map.entry("labour", "PP53"), Map.entry("labour party", "PP53"),
            Map.entry("ld", "PP90"), Map.entry("lib dem", "PP90"), Map.entry("liberal democrat", "PP90"),
            Map.entry("liberal democrats", "PP90"),
            Map.entry("green", "PP63"), Map.entry("green party", "PP63"), Map.entry("grn", "PP63"),
            Map.entry("snp", "PP102"), Map.entry("scottish national party", "PP102"),
            Map.entry("scottish national party (snp)", "PP102"),
            Map.entry("pc", "PP77"), Map.entry("plaid cymru", "PP77"), Map.entry("plaid cymru - the party of wales", "PP77"),
            Map.entry("ukip", "PP85"), Map.entry("uk independence party", "PP85"),
            Map.entry("uk independence party (ukip)", "PP85"),
            Map.entry("reform", "PP7931"), Map.entry("reform uk", "PP7931"));

    private MainParties() {
    }

    /** The register id of the main party printed as {@code spelling} (a name or abbreviation), if it is one. */
    public static Optional<String> ecId(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(EC_ID_BY_SPELLING.get(spelling.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
    }
}
