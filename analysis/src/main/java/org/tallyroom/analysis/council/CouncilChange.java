package org.tallyroom.analysis.council;

import java.util.List;
import java.util.OptionalInt;

/**
 * A council election against the previous one.
 *
 * @param after          the council now
 * @param before         the council as elected at the previous election (actual, whatever the basis)
 * @param basis          what the gains and losses are measured against
 * @param parties        each party holding seats at either, by seats now, most first
 * @param wards          wards whose seats by party changed (for {@link ComparisonBasis#BY_WARD} and
 *                       {@link ComparisonBasis#NOTIONAL}); empty for a whole-council comparison
 * @param controlChanged whether control changed from the previous election
 * @param verdict        "Lab gain from Con", "Con hold", "No overall control, Con lose control"
 * @param directWards    in a {@link ComparisonBasis#NOTIONAL} comparison, the wards given no notional result
 *                       because they did not change (same id, same seats), compared with the previous
 *                       election's own result there; 0 otherwise
 */
public record CouncilChange(CouncilSummary after, CouncilSummary before, ComparisonBasis basis,
                            List<PartyChange> parties, List<WardSeatChange> wards, boolean controlChanged,
                            String verdict, int directWards) {
    public CouncilChange {
        parties = List.copyOf(parties);
        wards = List.copyOf(wards);
    }

    public PartyChange party(String party) {
        return parties.stream().filter(p -> p.party().equals(party)).findFirst()
                .orElseGet(() -> {
                    OptionalInt none = basis == ComparisonBasis.WHOLE_COUNCIL ? OptionalInt.empty() : OptionalInt.of(0);
                    return new PartyChange(party, 0, 0, 0, none, none);
                });
    }
}
