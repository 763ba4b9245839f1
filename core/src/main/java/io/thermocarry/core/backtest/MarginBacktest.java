package io.thermocarry.core.backtest;

import io.thermocarry.core.margin.MarginOutcome;

/**
 * A backtest run with the margin path of its perp leg (SPEC §13).
 *
 * @param result the backtest (liquidations change its path: trades closed with
 *     {@link io.thermocarry.core.strategy.ExitReason#LIQUIDATION}, capital reduced)
 * @param margin the margin path; null when the margin was off (leverage 0)
 */
public record MarginBacktest(BacktestResult result, MarginOutcome margin) {
}
