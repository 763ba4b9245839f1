package io.thermocarry.core.backtest;

import io.thermocarry.core.strategy.Unevaluated;
import java.time.Instant;
import java.util.Map;

/**
 * What the backtest could not evaluate, clipped, or lost to ruin: never silent.
 *
 * @param firstCycle first cycle of the evaluation window
 * @param basisNotEvaluated held cycles whose {@code b_start} or {@code b_end} was NaN (basis PnL booked as 0)
 * @param fundingNotEvaluated held cycles whose funding rate was not finite (funding booked as 0)
 * @param unevaluated counts of gates/inputs not evaluated at decisions (e.g. the desk's spread and depth
 *     gates, which pass as "not evaluated" without book data), and perp cycles without an end mark
 * @param clippedFundingCycles reference mode: cycles whose funding PnL was clipped to ±1 % of notional
 * @param clippedBasisCycles reference mode: cycles whose basis PnL was clipped to ±5 % of notional
 * @param ruinCycle row at whose end equity first reached 0, {@code -1} if never
 * @param ruinTime that row's end time, {@code null} if never
 * @param ruinShortfall losses beyond zero equity absorbed by the floor (currency units)
 * @param finalCloseFee fee charged to close what was open at the end (causal mode; 0 in reference mode)
 */
public record Diagnostics(int firstCycle, int basisNotEvaluated, int fundingNotEvaluated,
        Map<Unevaluated, Integer> unevaluated, int clippedFundingCycles, int clippedBasisCycles, int ruinCycle,
        Instant ruinTime, double ruinShortfall, double finalCloseFee) {
    /** Copies the map. */
    public Diagnostics {
        unevaluated = Map.copyOf(unevaluated);
    }

    /** True if capital reached zero. */
    public boolean ruined() {
        return ruinCycle >= 0;
    }

    /** Count for one unevaluated gate/input (0 when absent). */
    public int unevaluated(Unevaluated what) {
        return unevaluated.getOrDefault(what, 0);
    }
}
