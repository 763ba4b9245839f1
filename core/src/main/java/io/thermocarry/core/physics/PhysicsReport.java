package io.thermocarry.core.physics;

import io.thermocarry.core.market.Symbol;

/**
 * The whole-range physics table of one symbol (SPEC §3, §11; CLI {@code physics}).
 *
 * @param symbol symbol
 * @param cycles cycles used (finite b_start)
 * @param cyclesSkipped cycles skipped because b_start was NaN (no basis observation at or before t_k)
 * @param basisPoints basis points (WINDOW_AR1) or transitions (DRIVEN_EXACT) behind the fit
 * @param fit κ (1/h), variance (%²), T (%²/h), β (h/%²) of the range
 * @param fundingIntervalHours τ_funding of the relaxation ratio (h)
 * @param tauRelaxHours {@code τ_relax = 1/κ} (h)
 * @param relaxationRatio {@code r = τ_relax/τ_funding}
 * @param meanDissipation {@code ⟨σ⟩} over the cycles used (%²/h)
 * @param winsorLow lower winsorizing bound of σ (its winsorizeLowPct percentile)
 * @param winsorHigh upper winsorizing bound of σ
 * @param je JE estimators on raw σ
 * @param jeWinsorized JE estimators on winsorized σ
 * @param dft detailed fluctuation theorem test on raw σ
 * @param secondLaw t-test of β σ_k
 * @param spec the spec it was computed with
 */
public record PhysicsReport(Symbol symbol, int cycles, int cyclesSkipped, int basisPoints, OuFit fit,
        double fundingIntervalHours, double tauRelaxHours, double relaxationRatio, double meanDissipation,
        double winsorLow, double winsorHigh, Jarzynski.Result je, Jarzynski.Result jeWinsorized, DftResult dft,
        SecondLaw.Result secondLaw, PhysicsSpec spec) {

    /** κ in 1/hour. */
    public double kappaPerHour() {
        return fit.kappaPerHour();
    }

    /** T = κ·Var in %²/h. */
    public double temperature() {
        return fit.temperature();
    }

    /** β = 1/T in h/%². */
    public double beta() {
        return fit.beta();
    }
}
