package io.thermocarry.core.portfolio;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.Symbol;

/**
 * One symbol's test of "physics (full) beats fair naive" out of sample, with its Benjamini–Hochberg decision
 * across the universe at the same fee tier.
 *
 * <p>The p-values are the evaluation's paired circular block bootstrap of the Sharpe difference
 * ({@link io.thermocarry.core.evaluation.BlockBootstrap}); the question is one-sided, so
 * {@code pOneSided = pTwoSided / 2} when the difference is positive and {@code 1 − pTwoSided / 2} otherwise (the
 * centred bootstrap distribution is symmetric about 0 under the null, so a two-sided tail splits in halves).
 * "Fair naive" is the causal naive baseline: fees only on the notional that changes hands.
 *
 * @param symbol symbol
 * @param tier fee tier (both books)
 * @param cycles out-of-sample cycles
 * @param sharpePhysics annualised out-of-sample Sharpe of physics (full)
 * @param sharpeNaive same for naive
 * @param sharpeDiff {@code sharpePhysics − sharpeNaive}
 * @param ciLow lower bound of the bootstrap interval of the difference
 * @param ciHigh upper bound
 * @param pTwoSided the evaluation's two-sided p-value of "no difference"
 * @param pOneSided p-value of "physics does not beat naive"
 * @param qValue BH-adjusted {@code pOneSided} across the symbols at this tier
 * @param discovery whether BH rejects at the family's level
 */
public record SymbolTest(Symbol symbol, FeeTier tier, int cycles, double sharpePhysics, double sharpeNaive,
        double sharpeDiff, double ciLow, double ciHigh, double pTwoSided, double pOneSided, double qValue,
        boolean discovery) {

    /** The one-sided p-value of "a does not beat b" from a two-sided one and the sign of the difference. */
    public static double oneSided(double pTwoSided, double difference) {
        if (Double.isNaN(pTwoSided) || Double.isNaN(difference)) {
            return Double.NaN;
        }
        return difference > 0 ? pTwoSided / 2 : 1 - pTwoSided / 2;
    }
}
