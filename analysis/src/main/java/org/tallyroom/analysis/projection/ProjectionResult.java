package org.tallyroom.analysis.projection;

import java.util.List;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.national.SeatChange;

/**
 * New seat totals under a swing model.
 *
 * @param election      the base election
 * @param model         the swing model
 * @param changes       the national changes applied, party keys as the election spells them
 * @param parties       seats by party, actual and projected, most projected first
 * @param changingHands seats whose projected winner's party differs from the actual one
 * @param tied          seats where two parties' projected shares are exactly level (allocated to none)
 * @param control       control under the projection
 */
public record ProjectionResult(String election, SwingModel model, List<ShareChanges.Change> changes,
                               List<ProjectedParty> parties, List<SeatChange> changingHands, List<String> tied,
                               Control control) {
    public ProjectionResult {
        changes = List.copyOf(changes);
        parties = List.copyOf(parties);
        changingHands = List.copyOf(changingHands);
        tied = List.copyOf(tied);
    }

    public int projected(String party) {
        return parties.stream().filter(p -> p.party().equals(party)).mapToInt(ProjectedParty::projected).sum();
    }
}
