package io.thermocarry.core.physics;

import io.thermocarry.core.stats.ConfidenceInterval;
import io.thermocarry.core.stats.TTest;

/**
 * Second law {@code ⟨β σ⟩ ≥ 0} (SPEC §3): one-sample t-test of the per-cycle entropy production
 * {@code β σ_k} (dimensionless) against 0, one-sided {@code H1: mean > 0}, with the Student t distribution of
 * Hipparchus. Holds when the mean is positive with one-sided p below 0.05.
 */
public final class SecondLaw {
    /** Significance level of "holds". */
    public static final double ALPHA = 0.05;

    private SecondLaw() {
    }

    /**
     * Second-law test result.
     *
     * @param meanEntropyProduction mean of β σ_k
     * @param sd sample standard deviation of β σ_k
     * @param ci 95 % t interval of the mean
     * @param tStatistic t statistic
     * @param pValue one-sided p-value for mean > 0
     * @param fractionNegative share of cycles with {@code β σ_k < 0}
     * @param n cycles
     */
    public record Result(double meanEntropyProduction, double sd, ConfidenceInterval ci, double tStatistic,
            double pValue, double fractionNegative, int n) {

        /** {@code mean > 0} and one-sided {@code p < 0.05}. */
        public boolean holds() {
            return meanEntropyProduction > 0 && pValue < ALPHA;
        }
    }

    /** Test of the entropy-production column {@code β σ_k} (finite values). */
    public static Result test(double[] entropyProduction) {
        TTest.Result t = TTest.oneSample(entropyProduction, 0.0, 0.95);
        int neg = 0;
        for (double v : entropyProduction) {
            if (v < 0) {
                neg++;
            }
        }
        int n = entropyProduction.length;
        return new Result(t.mean(), t.sd(), t.ci(), t.t(), t.pGreater(), n == 0 ? Double.NaN : (double) neg / n, n);
    }
}
