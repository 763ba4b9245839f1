package io.thermocarry.core.signal;

import io.thermocarry.core.regime.Regime;
import java.time.Instant;

/**
 * One decision at a funding settlement: the four signals of SPEC §4, the fit behind them, the adaptive
 * thresholds of SPEC §5 and the resulting regime and exposure. Everything in it was computable at
 * {@code time} from data available by then (in {@link io.thermocarry.core.Compat#CAUSAL} mode).
 *
 * @param time decision time = settlement time (UTC)
 * @param settlementIndex 0-based index of the settlement among those fed (the cycle index in batch runs)
 * @param relaxationRatio {@code r = (1/κ)/τ_funding}, dimensionless (2.0 with under 50 hourly points)
 * @param temperatureZscore z-score of β against the previous decisions' β (0 when undefined)
 * @param entropyRate mean clipped {@code β·σ} over recent completed cycles (NaN if none)
 * @param jeHealth {@code |⟨exp(−βσ)⟩ − 1|} over recent completed cycles (NaN if none)
 * @param beta β of the hourly window (1/(percent²·hour⁻¹))
 * @param kappaPerHour κ of the hourly window's temperature fit (1/hour)
 * @param tauFundingHours τ_funding used for r (the interval in force; 8 in reference mode)
 * @param basisPoints hourly observations in the window
 * @param entropyNessThreshold entropy NESS threshold (percentile of previous decisions or fallback)
 * @param entropyEquilibriumThreshold entropy EQUILIBRIUM threshold
 * @param jeDangerThreshold Jarzynski danger threshold
 * @param regime the classified regime
 * @param exposure exposure multiplier of the base position in that regime
 */
public record Decision(Instant time, long settlementIndex, double relaxationRatio, double temperatureZscore,
        double entropyRate, double jeHealth, double beta, double kappaPerHour, double tauFundingHours,
        int basisPoints, double entropyNessThreshold, double entropyEquilibriumThreshold, double jeDangerThreshold,
        Regime regime, double exposure) {
}
