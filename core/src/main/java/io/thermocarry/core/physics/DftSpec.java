package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.stats.BandwidthRule;

/**
 * Parameters of the detailed-fluctuation-theorem test (SPEC §3), defaults as the reference.
 *
 * @param bandwidth KDE bandwidth rule (default {@link BandwidthRule#SCIPY_SILVERMAN}, the reference's)
 * @param gridPoints grid size (200)
 * @param gridStartFraction first grid point as a fraction of the extent (0.01)
 * @param extentPercentile percentile of |σ| giving the extent e of the grid {@code [0.01e, e]} (98)
 * @param minRelativeDensity a grid point is used only when both {@code P(x)} and {@code P(−x)} exceed
 *     {@code max(minRelativeDensity · max_j P(x_j), minDensity)} (reference: 1e−4); 0 with minDensity 0 keeps
 *     every point whose densities are both positive
 * @param minDensity absolute density floor of the same rule (reference: 1e−15, in 1/σ units)
 * @param minGridPoints fewest usable grid points for a fit (10)
 * @param minSamples fewest σ values for a test (50)
 */
public record DftSpec(BandwidthRule bandwidth, int gridPoints, double gridStartFraction, double extentPercentile,
        double minRelativeDensity, double minDensity, int minGridPoints, int minSamples) {

    /** Validates the parameters. */
    public DftSpec {
        Checks.notNull(bandwidth, "bandwidth");
        Checks.check(gridPoints >= 2, "gridPoints must be >= 2");
        Checks.inRange(gridStartFraction, 0, 1, "gridStartFraction");
        Checks.check(gridStartFraction < 1, "gridStartFraction must be < 1");
        Checks.inRange(extentPercentile, 0, 100, "extentPercentile");
        Checks.nonNegative(minRelativeDensity, "minRelativeDensity");
        Checks.nonNegative(minDensity, "minDensity");
        Checks.check(minGridPoints >= 2, "minGridPoints must be >= 2");
        Checks.check(minSamples >= 2, "minSamples must be >= 2");
    }

    /** The reference's test: scipy Silverman, 200 points on [0.01e, e], e = P98(|σ|), threshold 1e−4. */
    public static DftSpec defaults() {
        return new DftSpec(BandwidthRule.SCIPY_SILVERMAN, 200, 0.01, 98, 1e-4, 1e-15, 10, 50);
    }

    /** Same spec with another bandwidth rule. */
    public DftSpec withBandwidth(BandwidthRule rule) {
        return new DftSpec(rule, gridPoints, gridStartFraction, extentPercentile, minRelativeDensity, minDensity,
                minGridPoints, minSamples);
    }

    /** Same spec with another density threshold. */
    public DftSpec withDensityThreshold(double relative, double absolute) {
        return new DftSpec(bandwidth, gridPoints, gridStartFraction, extentPercentile, relative, absolute,
                minGridPoints, minSamples);
    }
}
