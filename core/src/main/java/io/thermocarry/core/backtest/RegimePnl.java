package io.thermocarry.core.backtest;

import io.thermocarry.core.regime.Regime;

/**
 * PnL attributed to the regime of the decision that started each cycle.
 *
 * @param regime the regime, {@code null} for cycles with no regime (before the signal warm-up)
 * @param cycles window cycles decided in this regime (time in regime)
 * @param pnl PnL of those cycles, as fractions of starting capital
 */
public record RegimePnl(Regime regime, int cycles, PnlSplit pnl) {
}
