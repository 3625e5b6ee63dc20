package org.tallyroom.analysis.ward;

import java.util.List;
import org.tallyroom.analysis.contest.PartyShareConvention;
import org.tallyroom.analysis.contest.Swing;

/**
 * Swing between two parties ward by ward.
 *
 * @param partyA      party A (a positive swing is towards it)
 * @param partyB      party B
 * @param convention  how the ward shares were counted
 * @param overall     the swing over all matched wards summed
 * @param wards       each ward present in both elections, in the later election's order
 * @param unmatched   wards present in only one election ("id name (new)" / "(gone)")
 */
public record WardSwings(String partyA, String partyB, PartyShareConvention convention, Swing overall,
                         List<WardSwingLine> wards, List<String> unmatched) {
    public WardSwings {
        wards = List.copyOf(wards);
        unmatched = List.copyOf(unmatched);
    }
}
