package io.thermocarry.report;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.Performance;

/**
 * The evaluation's tables as the report shows them (SPEC §9): relaxation buckets, Sharpe-difference
 * significance and the edge decomposition. Plain values, filled by the application from what {@code evaluate}
 * stored.
 */
public final class EvaluationStats {
    private EvaluationStats() {
    }

    /**
     * One bucket of the relaxation-bucket test: the next cycle's carry of a unit short-basis position (notional
     * 1) for the decisions in the bucket. Carry figures are fractions of notional per cycle (1e-4 = 1 bp).
     *
     * @param scheme grouping: {@code fixed} edges, {@code quintile}s, or {@code 2d} (r bucket × entropy tercile)
     * @param bucket relaxation bucket index (0 = lowest r)
     * @param entropyBucket entropy tercile (0 = lowest) for {@code 2d}, −1 otherwise
     * @param label r range of the bucket, e.g. "0.8–1.05"
     * @param entropyLabel entropy range for {@code 2d} ("" otherwise)
     * @param count decisions
     * @param meanTotal mean total carry
     * @param meanFunding mean funding carry
     * @param meanBasis mean basis carry
     * @param medianTotal median total carry
     * @param medianFunding median funding carry
     * @param medianBasis median basis carry
     * @param hitRate share with total carry {@code > 0}
     * @param convergenceShare share with {@code |b_end| < |b_start|}
     * @param worstDecile 10th percentile of the total carry
     */
    public record Bucket(String scheme, int bucket, int entropyBucket, String label, String entropyLabel, int count,
            double meanTotal, double meanFunding, double meanBasis, double medianTotal, double medianFunding,
            double medianBasis, double hitRate, double convergenceShare, double worstDecile) {
        /** Validates. */
        public Bucket {
            Checks.notNull(scheme, "scheme");
            Checks.notNull(label, "label");
            Checks.notNull(entropyLabel, "entropyLabel");
            Checks.nonNegative(count, "count");
        }
    }

    /**
     * A block-bootstrap test of the out-of-sample Sharpe difference {@code strategy − versus}.
     *
     * @param symbol symbol
     * @param compat rules ({@code causal}, {@code reference})
     * @param feeBps fee tier of both books
     * @param strategy strategy under test
     * @param config its configuration
     * @param versus baseline or ablation
     * @param versusConfig its configuration
     * @param sharpe annualised Sharpe of the strategy
     * @param sharpeVersus annualised Sharpe of the baseline
     * @param sharpeDiff the difference
     * @param ciLow lower bound of the interval
     * @param ciHigh upper bound
     * @param level coverage of the interval (0.95)
     * @param pValue two-sided p-value of no difference
     * @param resamples bootstrap resamples
     * @param blockLength cycles per block
     * @param cycles out-of-sample cycles
     */
    public record Significance(String symbol, String compat, double feeBps, String strategy, String config,
            String versus, String versusConfig, double sharpe, double sharpeVersus, double sharpeDiff, double ciLow,
            double ciHigh, double level, double pValue, int resamples, int blockLength, int cycles) {
        /** Validates. */
        public Significance {
            Checks.notNull(symbol, "symbol");
            Checks.notNull(compat, "compat");
            Checks.notNull(strategy, "strategy");
            Checks.notNull(config, "config");
            Checks.notNull(versus, "versus");
            Checks.notNull(versusConfig, "versusConfig");
        }

        /** +1 when the interval lies above 0, −1 below, 0 when it contains 0 (or is undefined). */
        public int verdict() {
            return ciLow > 0 ? 1 : ciHigh < 0 ? -1 : 0;
        }
    }

    /**
     * One cell of the edge decomposition: a strategy at one step (from the reference's setup to thermocarry's
     * honest one) and fee tier.
     *
     * @param symbol symbol
     * @param stepIndex order of the step (0 = reference as published)
     * @param step what changed at this step
     * @param strategy {@code physics} or {@code naive}
     * @param feeBps fee tier (0 = gross diagnostic)
     * @param performance metrics over the step's window
     */
    public record EdgeCell(String symbol, int stepIndex, String step, String strategy, double feeBps,
            Performance performance) {
        /** Validates. */
        public EdgeCell {
            Checks.notNull(symbol, "symbol");
            Checks.notNull(step, "step");
            Checks.notNull(strategy, "strategy");
            Checks.notNull(performance, "performance");
        }
    }
}
