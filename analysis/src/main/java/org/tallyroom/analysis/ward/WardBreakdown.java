package org.tallyroom.analysis.ward;

import java.util.List;

/**
 * A wide-area contest (mayor, Assembly constituency or list) ward by ward.
 *
 * @param contest  its title
 * @param wards    each row, in input order
 * @param total    every row summed (the shares are of the whole contest)
 * @param leads    each candidate's wards led, most first
 */
public record WardBreakdown(String contest, List<WardLine> wards, WardLine total, List<WardLead> leads) {
    public WardBreakdown {
        wards = List.copyOf(wards);
        leads = List.copyOf(leads);
    }

    public WardLine ward(String wardId) {
        return wards.stream().filter(w -> w.wardId().equals(wardId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ward " + wardId + " in " + contest));
    }
}
