package io.thermocarry.core.portfolio;

import io.thermocarry.core.market.Symbol;

/**
 * One member's allocation at a rebalance, with the training figures it was fitted on.
 *
 * @param symbol symbol
 * @param trainingCycles tradable cycles of the training window the figures use
 * @param basisVolatility annualised basis-change volatility {@code σ} (fraction of notional per √year; NaN with
 *     fewer than 2 training cycles)
 * @param carry annualised funding carry {@code μ} of a unit short basis (fraction of notional per year; NaN
 *     without a settlement)
 * @param score raw score of the method (before normalising and capping; 0 when undefined)
 * @param weight final weight (fraction of equity)
 * @param capped whether the symbol cap bound
 */
public record AllocationFit(Symbol symbol, int trainingCycles, double basisVolatility, double carry, double score,
        double weight, boolean capped) {
    /** Carry-to-risk {@code μ/σ} (annualised, dimensionless), NaN when either is undefined or σ is 0. */
    public double carryToRisk() {
        return basisVolatility > 0 ? carry / basisVolatility : Double.NaN;
    }
}
