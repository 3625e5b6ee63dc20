package org.tallyroom.io.council;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One council's composition after one year's May elections, as an Open Council Data UK file gives it.
 *
 * @param file      the file it was read from, as given
 * @param line      the row's line in the file
 * @param authority the council's name as printed ("Barnet", "Bath & North East Somerset")
 * @param year      the year (the composition after that year's May elections)
 * @param seats     the council's size
 * @param byParty   seats by party, in the file's column order, parties with none included; keys are
 *                  {@link CouncilParty} codes
 * @param control   who controls the council, read from the file's control columns (and, for a
 *                  directly elected mayor's council, from the seats)
 * @param label     the control as the file prints it ("Con", "NOC", "Lab plurality", "LD/IND", "LAB Mayor")
 */
public record CouncilYear(String file, long line, String authority, int year, int seats, Map<String, Integer> byParty,
                          Control control, String label) {
    public CouncilYear {
        byParty = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byParty));
    }

    /**
     * Control: a party with a majority of the seats, or no overall control.
     *
     * @param party          the controlling party's {@link CouncilParty} code, or null for no overall control
     * @param largest        the largest party's code where the file names one (its "plurality"), or null
     * @param administration who runs the council where the file says and no party has a majority ("LAB min":
     *                       a Labour minority; "LD/IND": a coalition; "LAB Mayor": a Labour mayor), or null
     */
    public record Control(String party, String largest, String administration) {
        public boolean overall() {
            return party != null;
        }

        /** "Conservative control" or "No overall control". */
        public String describe() {
            return party == null ? "No overall control" : CouncilParty.name(party) + " control";
        }
    }

    /** Parties with seats, most first. */
    public List<Map.Entry<String, Integer>> seated() {
        return byParty.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
    }
}
