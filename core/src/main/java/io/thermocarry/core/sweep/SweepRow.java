package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.Symbol;

/**
 * The out-of-sample result of one grid point on one symbol: one full-history backtest of the physics carry,
 * evaluated over the stitched test folds of the walk-forward layout. Money figures are fractions of the capital
 * at the start of the first test fold; undefined values are NaN.
 *
 * @param point grid point index ({@link SweepGrid#point})
 * @param symbol the symbol
 * @param parameters the point's parameters
 * @param folds walk-forward test folds
 * @param cycles out-of-sample cycles (the test folds' total)
 * @param oosStartMs start of the first test cycle, epoch ms
 * @param oosEndMs end of the last test cycle, epoch ms
 * @param sharpe out-of-sample Sharpe, annualised by elapsed time
 * @param sortino out-of-sample Sortino, annualised by elapsed time
 * @param totalReturn out-of-sample total return
 * @param annualReturn out-of-sample annualised return
 * @param maxDrawdown largest out-of-sample drawdown (fraction of the peak)
 * @param cvar5 mean of the worst 5 % per-cycle returns
 * @param pnlFunding funding PnL
 * @param pnlBasis basis PnL
 * @param pnlFees fees paid (positive number)
 * @param pnlTotal funding + basis − fees
 * @param trades trades (spans of constant side)
 * @param turnover traded notional / capital
 * @param foldSharpeMin lowest Sharpe of a single test fold (folds with a defined Sharpe)
 * @param foldSharpeMedian median single-fold Sharpe
 * @param foldsPositive fraction of test folds whose equity ended above where it started
 * @param equilibriumShare fraction of out-of-sample decisions classified EQUILIBRIUM
 * @param nessShare fraction classified NESS
 */
public record SweepRow(int point, Symbol symbol, SweepPoint parameters, int folds, int cycles, long oosStartMs,
        long oosEndMs, double sharpe, double sortino, double totalReturn, double annualReturn, double maxDrawdown,
        double cvar5, double pnlFunding, double pnlBasis, double pnlFees, double pnlTotal, int trades,
        double turnover, double foldSharpeMin, double foldSharpeMedian, double foldsPositive, double equilibriumShare,
        double nessShare) {
    /** Validates the identifying fields. */
    public SweepRow {
        Checks.nonNegative(point, "point");
        Checks.notNull(symbol, "symbol");
        Checks.notNull(parameters, "parameters");
        Checks.nonNegative(folds, "folds");
        Checks.nonNegative(cycles, "cycles");
        Checks.nonNegative(trades, "trades");
    }
}
