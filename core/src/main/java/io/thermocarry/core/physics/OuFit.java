package io.thermocarry.core.physics;

/**
 * Result of fitting the Ornstein–Uhlenbeck analogue {@code db/dt = −κ b − F + ξ} to one basis window.
 *
 * @param kappaPerHour spring constant κ in 1/hour ({@code max(−ln φ / Δt, 1e−6)}; 0.01 when under 10 points)
 * @param variance population variance of the basis in the window, in percent²
 * @param temperature {@code T = κ · Var(b)} (percent² per hour)
 * @param beta {@code β = 1/T} ({@code 1e6} when T ≤ 0; 1 when under 10 points)
 * @param points number of non-NaN basis points used
 */
public record OuFit(double kappaPerHour, double variance, double temperature, double beta, int points) {

    /** Relaxation time {@code τ_relax = 1/κ} in hours. */
    public double tauRelaxHours() {
        return 1.0 / Math.max(kappaPerHour, OuEstimator.MIN_KAPPA);
    }

    /** Relaxation ratio {@code r = τ_relax / τ_funding}. */
    public double relaxationRatio(double fundingIntervalHours) {
        return tauRelaxHours() / fundingIntervalHours;
    }
}
