package org.tallyroom.count;

import java.util.List;
import java.util.Random;

/**
 * Drawing lots, reproducibly. Statutes settle the last ties by lot; a count must still be
 * reproducible, so the lot is either the returning officer's actual draw, supplied as names, or a
 * draw from {@link Random} seeded with the report's seed. {@code java.util.Random}'s sequence is fixed
 * by its specification, so the same seed gives the same draw on every JVM.
 *
 * <p>A count makes one Lot and draws from it in stage order; the seed is recorded in its report.
 */
public final class Lot {
    private final Random random;
    private final List<String> supplied;

    public Lot(long seed, List<String> supplied) {
        this.random = new Random(mix(seed));
        this.supplied = List.copyOf(supplied);
    }

    /**
     * Spreads the seed's bits (the SplitMix64 finaliser) before seeding: {@code Random}'s first draw
     * from small neighbouring seeds is nearly the same, so seeds 1, 2, 3 would otherwise all draw alike.
     */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static Lot of(CountOptions options) {
        return new Lot(options.seed(), options.lot());
    }

    /**
     * Draws one of the tied candidates. With names supplied, the first supplied name among the tied
     * is drawn; otherwise a seeded draw. {@code tied} must not be empty and is taken in the order
     * given (callers pass candidates in ballot-paper order so the draw does not depend on sorting).
     */
    public int draw(List<Integer> tied, List<Candidate> candidates) {
        if (tied.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw from");
        }
        for (String name : supplied) {
            for (int c : tied) {
                if (candidates.get(c).name().equals(name)) {
                    return c;
                }
            }
        }
        return tied.get(random.nextInt(tied.size()));
    }
}
