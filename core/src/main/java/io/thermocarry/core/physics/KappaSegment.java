package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;

/**
 * A stretch of cycles {@code [fromCycle, toCycle)} of a synthetic market in which the spring constant is
 * {@code kappa} instead of the base κ (a regime switch: e.g. a slow κ gives r = 1/(κ·8 h) > 1, a persistent
 * dislocation).
 *
 * @param fromCycle first cycle (inclusive, ≥ 0)
 * @param toCycle end cycle (exclusive, > fromCycle)
 * @param kappa κ in 1/hour (> 0)
 */
public record KappaSegment(int fromCycle, int toCycle, double kappa) {
    /** Validates the segment. */
    public KappaSegment {
        Checks.nonNegative(fromCycle, "fromCycle");
        Checks.check(toCycle > fromCycle, "toCycle must be > fromCycle");
        Checks.positive(kappa, "kappa");
    }

    /** Whether cycle k lies in the segment. */
    public boolean contains(int k) {
        return k >= fromCycle && k < toCycle;
    }
}
