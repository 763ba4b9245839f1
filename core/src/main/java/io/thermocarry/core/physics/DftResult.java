package io.thermocarry.core.physics;

import io.thermocarry.core.stats.ConfidenceInterval;

/**
 * Detailed fluctuation theorem test: least-squares line of {@code ln P(x) − ln P(−x)} against x on the grid
 * (the slope should equal β, the intercept 0).
 *
 * @param slope fitted slope, in 1/σ units (h/%² for σ of {@link CycleThermo}); NaN when insufficient
 * @param intercept fitted intercept
 * @param r2 R² of the fit
 * @param slopeCi percentile bootstrap interval of the slope (σ resampled, the whole test redone)
 * @param gridPointsUsed grid points that passed the density threshold
 * @param bandwidth KDE bandwidth used (σ units)
 * @param extent grid extent e (σ units)
 * @param n σ values
 * @param resamples bootstrap resamples drawn
 * @param resamplesUsed resamples whose test was not insufficient (the interval uses these)
 * @param state OK or INSUFFICIENT
 */
public record DftResult(double slope, double intercept, double r2, ConfidenceInterval slopeCi, int gridPointsUsed,
        double bandwidth, double extent, int n, int resamples, int resamplesUsed, EstimateState state) {
}
