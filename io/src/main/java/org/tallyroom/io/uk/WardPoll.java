package org.tallyroom.io.uk;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.tallyroom.count.RejectionReason;

/**
 * A ward's ballot paper account from the 2022 London wards file, as published.
 *
 * <p>The file's own figures do not always agree with each other, and are kept as given rather than
 * "corrected": {@code rejectedAsPublished} is 0 in many boroughs that do report reasons, and in some
 * includes the papers rejected in part; {@code ballotsPolling + ballotsPostal} equals the valid
 * ballots in most wards, so they are papers counted by source, not papers issued. The reasons are
 * the statutory ones (Local Elections (Principal Areas) (England and Wales) Rules 2006 Sch 2 r.46):
 * {@code rb_official_mark} want of an official mark, {@code rb_more_candidates} voting for more
 * candidates than entitled, {@code rb_voter_defined} writing by which the voter could be identified,
 * {@code rb_unmarked_void} unmarked or void for uncertainty.
 *
 * @param electorate          electors entitled to vote
 * @param validBallots        valid ballot papers
 * @param rejectedAsPublished the file's rejected-ballots total
 * @param rejectedByReason    rejected papers by statutory reason (all four reasons present, zeros kept)
 * @param rejectedInPart      papers rejected in part (counted for the votes that stood; not rejected)
 * @param ballotsPolling      papers from polling stations, as published
 * @param ballotsPostal       postal papers, as published
 * @param turnout             the file's turnout fraction ({@code 0.2662}), exact as published
 */
public record WardPoll(long electorate, long validBallots, long rejectedAsPublished,
                       Map<RejectionReason, Long> rejectedByReason, long rejectedInPart, long ballotsPolling,
                       long ballotsPostal, BigDecimal turnout) {
    public WardPoll {
        EnumMap<RejectionReason, Long> copy = new EnumMap<>(RejectionReason.class);
        copy.putAll(rejectedByReason);
        rejectedByReason = java.util.Collections.unmodifiableMap(copy);
    }

    /** Rejected papers, the sum of the reasons. */
    public long rejectedByReasonTotal() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
