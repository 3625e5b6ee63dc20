package org.tallyroom.io.council;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The party groups Open Council Data UK counts seats under, by the codes Tallyroom gives them: the
 * files' column names ({@code con}, {@code lab}, {@code ld}, {@code green}, {@code ukip}, {@code ref},
 * {@code pc}, {@code snp}, {@code nat}, {@code other}) and the spellings of their control columns
 * ({@code Con}, {@code CON}, {@code Plaid}, {@code GRN}, {@code IND}, {@code Other}). {@code nat}
 * (1973-2015) is the SNP and Plaid Cymru together; {@code other} everyone else, independents included,
 * except where a control column names independents ({@code Ind}).
 */
public final class CouncilParty {
    private static final Map<String, String> CODE = Map.ofEntries(
            Map.entry("con", "Con"), Map.entry("lab", "Lab"), Map.entry("ld", "LD"), Map.entry("green", "Green"),
            Map.entry("grn", "Green"), Map.entry("ukip", "UKIP"), Map.entry("ref", "Reform"), Map.entry("pc", "PC"),
            Map.entry("plaid", "PC"), Map.entry("snp", "SNP"), Map.entry("nat", "Nat"), Map.entry("other", "Other"),
            Map.entry("ind", "Ind"));
    private static final Map<String, String> NAME = Map.ofEntries(
            Map.entry("Con", "Conservative"), Map.entry("Lab", "Labour"), Map.entry("LD", "Liberal Democrat"),
            Map.entry("Green", "Green"), Map.entry("UKIP", "UKIP"), Map.entry("Reform", "Reform UK"),
            Map.entry("PC", "Plaid Cymru"), Map.entry("SNP", "SNP"), Map.entry("Nat", "Nationalist (SNP or Plaid Cymru)"),
            Map.entry("Other", "Other"), Map.entry("Ind", "Independent"));

    private CouncilParty() {
    }

    /** The code of a column name or control spelling, if it is one. */
    public static Optional<String> code(String spelling) {
        return Optional.ofNullable(CODE.get(spelling.strip().toLowerCase(Locale.ROOT)));
    }

    /** The name used in sentences ("Conservative control"); the code itself if unknown. */
    public static String name(String code) {
        return NAME.getOrDefault(code, code);
    }

    /** The seat columns of the two layouts, in file order. */
    static boolean isSeatColumn(String folded) {
        return CODE.containsKey(folded) && !folded.equals("ind") && !folded.equals("grn") && !folded.equals("plaid");
    }
}
