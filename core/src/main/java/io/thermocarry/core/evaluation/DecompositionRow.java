package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.market.Symbol;

/**
 * One cell of the edge decomposition: one strategy at one step and fee tier, over the reference's decision
 * window (its first decision to the end of the data). Money in units of starting capital.
 *
 * @param symbol symbol
 * @param step the step
 * @param strategy {@code physics} or {@code naive}
 * @param tier fee tier (the reference's 10 bps for the reference-fee steps; 0 bps is the gross diagnostic)
 * @param engineRules the engine's rules at this step (reference fee rule, or thermocarry's)
 * @param firstCycleTimeMs start of the first cycle of the window (epoch ms)
 * @param performance metrics over the window (Sharpe, return, PnL split funding / basis / fees, ...)
 */
public record DecompositionRow(Symbol symbol, EdgeStep step, String strategy, FeeTier tier, Compat engineRules,
        long firstCycleTimeMs, Performance performance) {
}
