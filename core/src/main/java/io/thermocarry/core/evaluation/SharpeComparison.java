package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.Symbol;

/**
 * The significance of an out-of-sample Sharpe difference {@code strategy − versus} on the same cycles, by the
 * paired circular block bootstrap ({@link BlockBootstrap}).
 *
 * @param symbol symbol
 * @param compat rules
 * @param tier fee tier (both books at the same tier)
 * @param strategy the strategy under test (physics)
 * @param config its regime configuration
 * @param versus the baseline or ablation it is compared with
 * @param versusConfig the baseline's configuration
 * @param sharpe annualised out-of-sample Sharpe of {@code strategy}
 * @param sharpeVersus annualised out-of-sample Sharpe of {@code versus}
 * @param sharpeDiff {@code sharpe − sharpeVersus}
 * @param ciLow lower bound of the percentile interval of the difference
 * @param ciHigh upper bound
 * @param level coverage of the interval
 * @param pValue two-sided p-value of "no difference"
 * @param resamples bootstrap resamples
 * @param blockLength cycles per block
 * @param cycles out-of-sample cycles
 */
public record SharpeComparison(Symbol symbol, Compat compat, FeeTier tier, String strategy, String config,
        String versus, String versusConfig, double sharpe, double sharpeVersus, double sharpeDiff, double ciLow,
        double ciHigh, double level, double pValue, int resamples, int blockLength, int cycles) {

    /** Whether the interval lies wholly above or below 0. */
    public boolean excludesZero() {
        return ciLow > 0 || ciHigh < 0;
    }
}
