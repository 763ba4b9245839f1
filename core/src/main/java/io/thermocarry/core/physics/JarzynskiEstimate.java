package io.thermocarry.core.physics;

import io.thermocarry.core.stats.ConfidenceInterval;

/**
 * One estimate of the Jarzynski ratio {@code ⟨exp(−β σ)⟩} (1 when the equality holds) with its percentile
 * bootstrap interval.
 *
 * @param value the estimate (NaN when {@link EstimateState#INSUFFICIENT})
 * @param ci percentile bootstrap interval (undefined with 0 resamples)
 * @param n samples used
 * @param resamples bootstrap resamples drawn
 * @param state whether the value is usable
 */
public record JarzynskiEstimate(double value, ConfidenceInterval ci, int n, int resamples, EstimateState state) {

    /** An estimate that could not be made. */
    public static JarzynskiEstimate insufficient(int n, double level) {
        return new JarzynskiEstimate(Double.NaN, ConfidenceInterval.undefined(level), n, 0,
                EstimateState.INSUFFICIENT);
    }

    /** JE "holds": the state is OK and 1 lies in the interval. */
    public boolean holds() {
        return state == EstimateState.OK && ci.contains(1.0);
    }
}
