package io.thermocarry.core.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * One-sample Student t-test of {@code H0: mean = μ0} with the t distribution of Hipparchus.
 * {@code t = (x̄ − μ0) / (s/√n)}, {@code s} the sample standard deviation (n − 1), {@code df = n − 1}.
 */
public final class TTest {
    private TTest() {
    }

    /**
     * Result of a one-sample t-test.
     *
     * @param n sample size
     * @param mean sample mean x̄
     * @param sd sample standard deviation (n − 1 denominator)
     * @param standardError {@code sd/√n}
     * @param t t statistic {@code (x̄ − μ0)/se} (±∞ when se = 0 and x̄ ≠ μ0; NaN when undefined)
     * @param df degrees of freedom {@code n − 1}
     * @param pGreater one-sided p-value for {@code H1: mean > μ0}, {@code P(T_df ≥ t)}
     * @param pTwoSided two-sided p-value {@code 2·P(T_df ≥ |t|)}
     * @param ci two-sided confidence interval {@code x̄ ± t_{(1+level)/2, df}·se} for the mean
     */
    public record Result(int n, double mean, double sd, double standardError, double t, int df, double pGreater,
            double pTwoSided, ConfidenceInterval ci) {
    }

    /**
     * One-sample test of {@code x} against {@code mu0}, with a {@code level} confidence interval for the mean.
     * Fewer than 2 values: every field NaN except n and mean. A zero standard deviation gives t = ±∞ and
     * p ∈ {0, 1} by the sign of {@code x̄ − μ0} (NaN when x̄ = μ0).
     */
    public static Result oneSample(double[] x, double mu0, double level) {
        int n = x.length;
        double mean = Moments.mean(x);
        if (n < 2) {
            return new Result(n, mean, Double.NaN, Double.NaN, Double.NaN, Math.max(n - 1, 0), Double.NaN,
                    Double.NaN, ConfidenceInterval.undefined(level));
        }
        double sd = Math.sqrt(Moments.sampleVariance(x));
        double se = sd / Math.sqrt(n);
        double d = mean - mu0;
        int df = n - 1;
        TDistribution dist = new TDistribution(df);
        double t;
        double pGreater;
        double pTwo;
        if (se > 0) {
            t = d / se;
            // upper tail as cdf(−t): no cancellation of 1 − cdf(t) for large t
            pGreater = dist.cumulativeProbability(-t);
            pTwo = Math.min(1.0, 2.0 * dist.cumulativeProbability(-Math.abs(t)));
        } else if (d != 0) {
            t = d > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            pGreater = d > 0 ? 0.0 : 1.0;
            pTwo = 0.0;
        } else {
            t = Double.NaN;
            pGreater = Double.NaN;
            pTwo = Double.NaN;
        }
        double tc = dist.inverseCumulativeProbability(0.5 + level / 2.0);
        ConfidenceInterval ci = new ConfidenceInterval(mean - tc * se, mean + tc * se, level);
        return new Result(n, mean, sd, se, t, df, pGreater, pTwo, ci);
    }
}
