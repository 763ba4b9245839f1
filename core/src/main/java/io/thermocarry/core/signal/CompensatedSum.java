package io.thermocarry.core.signal;

/**
 * A running sum with error compensation (Knuth's TwoSum, branch-free): after any sequence of additions
 * and subtractions the value is within about one rounding of the exact sum, however much the terms
 * cancel. Used by the sliding-window estimators, where the same term is added when it enters a window
 * and subtracted, bit for bit the same, when it leaves.
 */
final class CompensatedSum {
    private double sum;
    private double comp;

    /** Adds {@code x} (pass {@code -x} to remove a term). */
    void add(double x) {
        double t = sum + x;
        double z = t - sum;
        comp += (sum - (t - z)) + (x - z);
        sum = t;
    }

    /** The compensated sum. */
    double value() {
        return sum + comp;
    }

    /** Back to zero. */
    void reset() {
        sum = 0;
        comp = 0;
    }
}
