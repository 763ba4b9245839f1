package io.thermocarry.core.backtest;

import io.thermocarry.core.Compat;
import io.thermocarry.core.strategy.BuyHoldStrategy;
import io.thermocarry.core.strategy.DeskStrategy;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.ThresholdStrategy;
import java.util.List;

/**
 * Manual probe (not a test): the closing-note table on the reference's own inputs (golden files; the signal
 * path is the reference's, look-ahead included): per symbol, strategy, rule set and tier, total return,
 * Sharpe (elapsed-time and the reference's), max drawdown and the funding / basis / fees split, window from
 * the first signal cycle. Run with {@code -Dthermocarry.sharedDir=...}.
 */
public final class RealDataTableProbe {
    private RealDataTableProbe() {
    }

    /** Prints the table as Markdown. */
    public static void main(String[] args) {
        List<StrategySpec> specs = List.of(PhysicsStrategy.defaults(), NaiveStrategy.defaults(),
                ThresholdStrategy.defaults(), DeskStrategy.defaults(), BuyHoldStrategy.defaults());
        System.out.println("| symbol | strategy | rules | accrual | tier bps | total % | Sharpe | ref Sharpe | maxDD % "
                + "| funding % | basis % | price % | fees % | trades | turnover |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")) {
            ReferenceGolden g = ReferenceGolden.load(symbol);
            int first = g.firstDefined("v2_equity");
            for (StrategySpec spec : specs) {
                for (Compat compat : Compat.values()) {
                    for (FundingAccrual accrual : FundingAccrual.values()) {
                        if (compat == Compat.REFERENCE && accrual != FundingAccrual.RATE_AT_CYCLE_START) {
                            continue;
                        }
                        List<FeeTier> tiers = compat == Compat.REFERENCE ? List.of(FeeTier.REFERENCE)
                                : FeeTier.STANDARD;
                        BacktestRequest req = new BacktestRequest(g.cycles(), g.signals(), spec, FeeTier.BPS_16,
                                compat, 1.0, first, accrual);
                        for (BacktestResult r : BacktestEngine.runTiers(req, tiers)) {
                            Performance p = r.performance();
                            System.out.printf("| %s | %s | %s | %s | %.0f | %.2f | %.3f | %.3f | %.2f | %.2f | %.2f "
                                    + "| %.2f | %.2f | %d | %.1f |%n", symbol, spec.name(),
                                    compat.name().toLowerCase(), accrual == FundingAccrual.RATE_AT_CYCLE_START
                                            ? "start" : "end", r.request().fee().roundTripBps(),
                                    100 * p.totalReturn(), p.sharpe(), p.referenceSharpe(), 100 * p.maxDrawdown(),
                                    100 * p.pnl().funding(), 100 * p.pnl().basis(), 100 * p.pnl().price(),
                                    100 * p.pnl().fees(), p.tradeCount(), p.turnover());
                        }
                    }
                }
            }
        }
    }
}
