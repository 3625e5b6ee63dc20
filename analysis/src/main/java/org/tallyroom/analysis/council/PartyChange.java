package org.tallyroom.analysis.council;

import java.util.OptionalInt;

/**
 * A party's seats against the previous election.
 *
 * @param before  seats before: at the previous election, or notionally (see the basis)
 * @param after   seats now
 * @param net     after minus before
 * @param gains   seats gained, ward by ward; empty for a whole-council comparison
 * @param losses  seats lost, ward by ward; empty for a whole-council comparison
 */
public record PartyChange(String party, int before, int after, int net, OptionalInt gains, OptionalInt losses) {
}
