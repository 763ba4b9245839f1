package io.thermocarry.core.evaluation;

import io.thermocarry.core.backtest.Performance;

/**
 * What one test fold contributed to a continuous out-of-sample book: {@link Performance} of the fold's rows,
 * relative to the equity at the fold's start (see {@link Slices#performance}).
 *
 * @param fold the fold
 * @param performance metrics of its test cycles
 */
public record FoldPerformance(Fold fold, Performance performance) {
}
