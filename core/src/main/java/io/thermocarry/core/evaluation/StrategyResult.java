package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.stats.ConfidenceInterval;
import java.util.List;

/**
 * One out-of-sample book: a strategy under one regime configuration, fee tier and compat mode, run as one
 * continuous backtest over the stitched test folds (it starts flat at the first test cycle; the position and
 * capital carry across fold boundaries, which are not trades; what is open at the end is closed and charged in
 * causal mode).
 *
 * @param symbol symbol
 * @param compat rules
 * @param strategy strategy name ({@code physics}, {@code desk}, {@code naive}, {@code threshold}, {@code buy-hold})
 * @param config regime configuration's CLI name, {@value EvaluationSpec#NO_CONFIG} for strategies that read no
 *     regime, {@value EvaluationSpec#TUNED_CONFIG} for the tuned physics run
 * @param tier fee tier
 * @param result the backtest (ledger, trades, diagnostics); its window is the out-of-sample span
 * @param folds per-fold contributions
 * @param sharpeInterval block-bootstrap percentile interval of the out-of-sample Sharpe
 */
public record StrategyResult(Symbol symbol, Compat compat, String strategy, String config, FeeTier tier,
        BacktestResult result, List<FoldPerformance> folds, ConfidenceInterval sharpeInterval) {
    /** Copies the fold list. */
    public StrategyResult {
        folds = List.copyOf(folds);
    }

    /** Out-of-sample metrics over the stitched test folds. */
    public Performance oos() {
        return result.performance();
    }

    /** Same result with a Sharpe interval. */
    StrategyResult withSharpeInterval(ConfidenceInterval ci) {
        return new StrategyResult(symbol, compat, strategy, config, tier, result, folds, ci);
    }
}
