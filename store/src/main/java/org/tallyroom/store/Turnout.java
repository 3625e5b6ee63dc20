package org.tallyroom.store;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.tallyroom.count.RejectionReason;

/**
 * The ballot paper account of a result. Any figure may be unknown (null). {@code rejected} is the total
 * of rejected papers; {@code rejectedByReason} breaks down as much of it as the source does, so the
 * reasons may sum to less than the total (never more).
 *
 * @param electorate         electors on the register
 * @param ballotPapersIssued ballot papers issued (turnout)
 * @param valid              valid votes (a decimal only for weighted inputs)
 * @param rejected           rejected papers, all reasons
 * @param rejectedByReason   rejected papers by statutory reason
 */
public record Turnout(Long electorate, Long ballotPapersIssued, BigDecimal valid, Long rejected,
                      Map<RejectionReason, Long> rejectedByReason) {
    public static final Turnout UNKNOWN = new Turnout(null, null, null, null, Map.of());

    public Turnout {
        EnumMap<RejectionReason, Long> copy = new EnumMap<>(RejectionReason.class);
        rejectedByReason.forEach((k, v) -> {
            if (v != null && v != 0) {
                copy.put(k, v);
            }
        });
        rejectedByReason = java.util.Collections.unmodifiableMap(copy);
        long sum = copy.values().stream().mapToLong(Long::longValue).sum();
        if (rejected == null && !copy.isEmpty()) {
            rejected = sum;
        }
        if (rejected != null && sum > rejected) {
            throw new IllegalArgumentException("rejected papers by reason (" + sum + ") exceed the total rejected (" + rejected + ")");
        }
    }

    /** Turnout as a share of the electorate, or null where either figure is unknown. */
    public BigDecimal percentage() {
        if (electorate == null || ballotPapersIssued == null || electorate == 0) {
            return null;
        }
        BigDecimal p = BigDecimal.valueOf(ballotPapersIssued).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(electorate), 2, java.math.RoundingMode.HALF_UP);
        return p.min(BigDecimal.valueOf(100).setScale(2));
    }
}
