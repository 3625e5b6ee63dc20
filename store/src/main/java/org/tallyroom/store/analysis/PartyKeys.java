package org.tallyroom.store.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.store.MainParties;

/**
 * The one spelling of each party that the analysis groups by, from a stored party row (Electoral
 * Commission id, abbreviation, name), so one party is one key across elections and importers.
 *
 * <p>The analysis matches party keys exactly, and the store holds the same party under different rows:
 * the House of Commons Library's 2017 file gives Electoral Commission ids (Conservatives are PP52,
 * abbreviated "Con"), its 2019 file none (the Conservatives are "name:conservative", abbreviated "Con");
 * Democracy Club gives ids and full names ("Conservative and Unionist Party"). So the key is, in order:
 * <ol>
 *   <li>no party (an independent without a description): {@value #INDEPENDENT};</li>
 *   <li>one of the main parties by its Electoral Commission id, abbreviation or a name it is printed
 *       under: the abbreviation of V2__main_parties.sql (Con, Lab, LD, Green, SNP, PC, UKIP, Reform);</li>
 *   <li>else the abbreviation, else the name, with the spellings the Commons Library changed between
 *       2017 and 2019 made one (the 2019 spelling: "APNI" is "Alliance", "ED" is "Eng Dem", "Yrks" is
 *       "The Yorkshire Party"...).</li>
 * </ol>
 */
public final class PartyKeys {
    /** The key of every candidate standing without a party. */
    public static final String INDEPENDENT = "Ind";

    /** Main parties by Electoral Commission id (V2__main_parties.sql). */
    private static final Map<String, String> BY_EC_ID = Map.of("PP53", "Lab", "PP52", "Con", "PP90", "LD",
            "PP63", "Green", "PP102", "SNP", "PP77", "PC", "PP85", "UKIP", "PP7931", "Reform");

    /** Spellings, folded to lower case, of no party, of joint descriptions and of the Commons Library's renamings. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("labour and co-operative party", "Lab"), Map.entry("labour and co-operative", "Lab"),
            Map.entry("lab co-op", "Lab"),
            Map.entry("ind", INDEPENDENT), Map.entry("independent", INDEPENDENT),
            // The Commons Library's 2017 abbreviations that its 2019 file spells otherwise.
            Map.entry("apni", "Alliance"), Map.entry("ed", "Eng Dem"), Map.entry("yrks", "The Yorkshire Party"),
            Map.entry("spgb", "The Socialist Party of Great Britain"), Map.entry("ypp", "Young People's Party"),
            Map.entry("comm l", "Comm Leagu"));

    private PartyKeys() {
    }

    /**
     * The key for a stored party; any argument may be null, all null for no party.
     *
     * @param ecId         Electoral Commission id
     * @param abbreviation the stored abbreviation
     * @param name         the stored name
     */
    public static String of(String ecId, String abbreviation, String name) {
        if (ecId != null && BY_EC_ID.containsKey(ecId)) {
            return BY_EC_ID.get(ecId);
        }
        for (String s : new String[] {abbreviation, name}) {
            Optional<String> main = MainParties.ecId(s).filter(BY_EC_ID::containsKey);
            if (main.isPresent()) {
                return BY_EC_ID.get(main.get());
            }
            if (s != null && !s.isBlank()) {
                String alias = ALIASES.get(fold(s));
                if (alias != null) {
                    return alias;
                }
            }
        }
        if (abbreviation != null && !abbreviation.isBlank()) {
            return abbreviation.strip();
        }
        if (name != null && !name.isBlank()) {
            return name.strip().replaceAll("\\s+", " ");
        }
        return INDEPENDENT;
    }

    /** The key for a stored candidate's party. */
    public static String of(org.tallyroom.store.BallotView.Candidate c) {
        return of(c.partyEcId(), c.partyAbbreviation(), c.party());
    }

    /** A key as typed by a user ("lab", "Labour"): the canonical key where it is a known spelling, else as typed. */
    public static String typed(String text) {
        Optional<String> main = MainParties.ecId(text).filter(BY_EC_ID::containsKey);
        if (main.isPresent()) {
            return BY_EC_ID.get(main.get());
        }
        String alias = ALIASES.get(fold(text));
        return alias != null ? alias : text.strip();
    }

    private static String fold(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
