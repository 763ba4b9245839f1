package io.thermocarry.report;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.Performance;
import java.util.List;

/**
 * One strategy's result on one symbol at one fee tier, as the report shows it: its equity curve (in units of
 * starting capital), its metrics and, for a walk-forward run, the test folds that were stitched into it.
 *
 * @param symbol symbol
 * @param strategy strategy CLI name ({@code physics}, {@code naive}, ...)
 * @param config regime configuration CLI name ({@code full}, ...)
 * @param compat rules of the run ({@code causal} or {@code reference})
 * @param feeBps round-trip fee tier in bps of notional
 * @param timeMs equity point times, epoch ms, ascending
 * @param equity equity at each point, units of starting capital (1.0 = start)
 * @param performance metrics of the curve (SPEC §9)
 * @param testFolds out-of-sample test folds {@code [startMs, endMs)} of a walk-forward run; empty for a
 *     single in-sample backtest
 */
public record StrategyResult(String symbol, String strategy, String config, String compat, double feeBps, long[] timeMs,
        double[] equity, Performance performance, List<Fold> testFolds) {
    /** Validates. */
    public StrategyResult {
        Checks.notNull(symbol, "symbol");
        Checks.notNull(strategy, "strategy");
        Checks.notNull(config, "config");
        Checks.notNull(compat, "compat");
        Checks.nonNegative(feeBps, "feeBps");
        Checks.check(timeMs.length == equity.length, "equity curve columns differ in length");
        Checks.notNull(performance, "performance");
        testFolds = List.copyOf(testFolds);
    }

    /** Whether the curve is stitched from walk-forward test folds (out of sample). */
    public boolean outOfSample() {
        return !testFolds.isEmpty();
    }

    /**
     * A walk-forward test fold.
     *
     * @param startMs first test cycle start, epoch ms
     * @param endMs last test cycle end, epoch ms
     */
    public record Fold(long startMs, long endMs) {
    }
}
