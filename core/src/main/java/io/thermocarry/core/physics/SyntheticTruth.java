package io.thermocarry.core.physics;

import java.util.List;

/**
 * Analytic truth of a synthetic OU market.
 *
 * @param kappa base spring constant κ (1/h)
 * @param temperature {@code T = σ_noise²/2} (%²/h), the same in every κ segment
 * @param beta {@code β = 1/T} (h/%²)
 * @param varianceEq equilibrium variance {@code Var_eq = T/κ} at the base κ (%²)
 * @param kappaSegments stretches of cycles with another κ (their Var_eq is T/κ_segment)
 */
public record SyntheticTruth(double kappa, double temperature, double beta, double varianceEq,
        List<KappaSegment> kappaSegments) {
    /** Copies the segment list. */
    public SyntheticTruth {
        kappaSegments = List.copyOf(kappaSegments);
    }

    /** Truth of a spec. */
    public static SyntheticTruth of(SyntheticSpec spec) {
        double t = spec.temperature();
        return new SyntheticTruth(spec.kappa(), t, 1.0 / t, t / spec.kappa(), spec.kappaSegments());
    }

    /** Relaxation time {@code 1/κ} in hours at the base κ. */
    public double tauRelaxHours() {
        return 1.0 / kappa;
    }
}
