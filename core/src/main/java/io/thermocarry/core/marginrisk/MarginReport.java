package io.thermocarry.core.marginrisk;

import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.MarginBacktest;
import io.thermocarry.core.margin.MarginOutcome;

/**
 * The liquidation risk of one backtest (SPEC §13). Money in units of starting capital.
 *
 * @param run the backtest with its margin path (its ledger and trades include the liquidations)
 * @param marginFree the same backtest without margin
 * @param pnlLostToLiquidations final equity without margin minus final equity with it, over the starting
 *     capital: what the liquidations cost the book, re-entries included (0 without liquidations: transfers
 *     between one's own wallets change nothing)
 * @param buffer the futures share needed for zero liquidations
 */
public record MarginReport(MarginBacktest run, BacktestResult marginFree, double pnlLostToLiquidations,
        BufferNeeded buffer) {
    /** The margin path. */
    public MarginOutcome margin() {
        return run.margin();
    }
}
