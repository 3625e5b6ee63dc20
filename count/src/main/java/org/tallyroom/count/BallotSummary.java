package org.tallyroom.count;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ballot paper account as the count saw it.
 *
 * @param valid     valid papers (votes, for tallies)
 * @param rejected  rejected papers, all reasons
 * @param distinct  distinct markings among the valid papers (0 for tallies)
 * @param byReason  rejected papers by statutory reason; reasons with none are absent
 */
public record BallotSummary(long valid, long rejected, long distinct, Map<RejectionReason, Long> byReason) {
    public BallotSummary {
        EnumMap<RejectionReason, Long> copy = new EnumMap<>(RejectionReason.class);
        byReason.forEach((k, v) -> {
            if (v != 0) {
                copy.put(k, v);
            }
        });
        byReason = java.util.Collections.unmodifiableMap(copy);
        long sum = copy.values().stream().mapToLong(Long::longValue).sum();
        if (sum != rejected) {
            throw new IllegalArgumentException("rejected papers " + rejected + " do not equal the reasons' sum " + sum);
        }
    }

    /** Sums two rejection accounts. */
    public static Map<RejectionReason, Long> merge(Map<RejectionReason, Long> a, Map<RejectionReason, Long> b) {
        EnumMap<RejectionReason, Long> out = new EnumMap<>(RejectionReason.class);
        out.putAll(a);
        b.forEach((k, v) -> out.merge(k, v, Math::addExact));
        return out;
    }
}
