package io.thermocarry.core.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low lower bound (NaN when undefined)
 * @param high upper bound (NaN when undefined)
 * @param level coverage, e.g. 0.95
 */
public record ConfidenceInterval(double low, double high, double level) {

    /** An undefined interval (both bounds NaN). */
    public static ConfidenceInterval undefined(double level) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level);
    }

    /** Whether {@code value} lies in {@code [low, high]} (false when undefined). */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** Whether both bounds are finite numbers. */
    public boolean isDefined() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
