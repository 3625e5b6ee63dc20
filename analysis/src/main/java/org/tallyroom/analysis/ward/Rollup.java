package org.tallyroom.analysis.ward;

import java.util.List;

/**
 * A wide-area contest's ward results added up to boroughs or constituencies.
 *
 * @param contest its title
 * @param by      the level, "borough" or "constituency"
 * @param areas   each area, by name
 * @param total   every area summed (the shares are of the whole)
 * @param leads   each candidate's areas led (outright, and level with another), most first
 * @param check   the total against the declaration for the whole ballot
 */
public record Rollup(String contest, String by, List<RollupArea> areas, WardLine total, List<WardLead> leads,
                     RollupCheck check) {
    public Rollup {
        areas = List.copyOf(areas);
        leads = List.copyOf(leads);
    }

    /** An area by id or name (case-blind). */
    public RollupArea area(String idOrName) {
        return areas.stream().filter(a -> a.line().wardId().equals(idOrName)
                        || a.line().wardName().equalsIgnoreCase(idOrName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + by + " " + idOrName + " in " + contest));
    }
}
