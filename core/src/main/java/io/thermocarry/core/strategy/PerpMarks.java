package io.thermocarry.core.strategy;

/**
 * Mark prices a perp-only position is valued at: per cycle {@code k}, {@code from[k]} at its start and
 * {@code to[k]} at its end (price units, NaN where unknown). Arrays are shared, not copied (do not mutate).
 *
 * @param from mark at the start of each cycle
 * @param to mark at the end of each cycle
 */
public record PerpMarks(double[] from, double[] to) {
    /** Validates equal lengths. */
    public PerpMarks {
        if (from.length != to.length) {
            throw new IllegalArgumentException("mark columns differ in length");
        }
    }
}
