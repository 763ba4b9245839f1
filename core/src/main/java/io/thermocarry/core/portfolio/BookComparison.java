package io.thermocarry.core.portfolio;

import io.thermocarry.core.backtest.FeeTier;

/**
 * The portfolio of the sleeve strategy against the same portfolio of naive carries (same universe, weights,
 * caps and rows), out of sample at one tier: the paired circular block bootstrap of the Sharpe difference
 * ({@link io.thermocarry.core.evaluation.BlockBootstrap}, the evaluation's), per portfolio row.
 *
 * @param tier fee tier
 * @param sharpe annualised Sharpe of the sleeve portfolio
 * @param sharpeBaseline annualised Sharpe of the naive portfolio
 * @param sharpeDiff the difference
 * @param ciLow lower bound of its percentile interval
 * @param ciHigh upper bound
 * @param pValue two-sided p-value of "no difference"
 * @param rows portfolio rows (periods) resampled
 */
public record BookComparison(FeeTier tier, double sharpe, double sharpeBaseline, double sharpeDiff, double ciLow,
        double ciHigh, double pValue, int rows) {
}
