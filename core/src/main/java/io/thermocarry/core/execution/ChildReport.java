package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.PnlSplit;

/**
 * The desk's summary of one child at one fee tier (SPEC §15): churn, fee drag, the PnL split and Sharpe, and the
 * difference against the settlement-only child on the same data and rules. Money as fractions of the starting
 * capital.
 *
 * @param child child code ({@code 5m}, {@code 15m}, {@code settlement})
 * @param feeBps round-trip fee tier, bps
 * @param days window length, days
 * @param trades trades (spans of constant side)
 * @param tradesPerDay trades per day
 * @param turnover {@code Σ|traded notional| / C}
 * @param feeDrag {@code Σ fees / C}
 * @param pnl funding / basis / price / fees / total
 * @param sharpe annualised Sharpe of the per-cycle returns
 * @param totalReturn {@code E_end / C − 1}
 * @param maxDrawdown largest peak-to-trough fall of the per-cycle equity
 * @param versusSettlement this child minus the settlement-only child (zero for that child itself)
 */
public record ChildReport(String child, double feeBps, double days, int trades, double tradesPerDay,
        double turnover, double feeDrag, PnlSplit pnl, double sharpe, double totalReturn, double maxDrawdown,
        Difference versusSettlement) {

    /**
     * A child minus the settlement-only child.
     *
     * @param funding funding PnL difference
     * @param basis basis PnL difference
     * @param fees fee difference (positive: the child paid more)
     * @param total total PnL difference
     * @param sharpe Sharpe difference
     * @param turnover turnover difference
     * @param tradesPerDay trades-per-day difference
     */
    public record Difference(double funding, double basis, double fees, double total, double sharpe,
            double turnover, double tradesPerDay) {
    }

    /** The report of {@code child} against {@code settlement} (same window and tier). */
    public static ChildReport of(ExecutionResult child, ExecutionResult settlement) {
        Checks.notNull(child, "child");
        Checks.notNull(settlement, "settlement");
        Checks.check(child.request().spec().fee().equals(settlement.request().spec().fee()),
                "compare children at the same fee tier");
        Performance p = child.performance();
        Performance s = settlement.performance();
        Difference d = new Difference(p.pnl().funding() - s.pnl().funding(), p.pnl().basis() - s.pnl().basis(),
                p.pnl().fees() - s.pnl().fees(), p.pnl().total() - s.pnl().total(), p.sharpe() - s.sharpe(),
                p.turnover() - s.turnover(), child.tradesPerDay() - settlement.tradesPerDay());
        return new ChildReport(child.request().spec().child().code(), child.request().spec().fee().roundTripBps(),
                child.days(), p.tradeCount(), child.tradesPerDay(), p.turnover(), p.feeDrag(), p.pnl(), p.sharpe(),
                p.totalReturn(), p.maxDrawdown(), d);
    }
}
