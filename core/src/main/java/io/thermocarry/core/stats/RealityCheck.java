package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;
import java.util.SplittableRandom;

/**
 * Data-snooping tests for "the best of many models beats the benchmark": White's reality check (2000) and
 * Hansen's test for superior predictive ability, SPA (2005), on one stationary bootstrap.
 *
 * <p><b>Input.</b> {@code d[k][t]}, {@code k = 1..K} models, {@code t = 1..n} aligned periods: the
 * performance of model {@code k} minus the benchmark's in period {@code t} (positive = the model did better;
 * here a per-period return differential). Null hypothesis {@code H0: max_k E[d_k] ≤ 0} — no model beats the
 * benchmark; rejecting it says the best model's edge survives the search over all {@code K}.
 *
 * <p><b>Bootstrap.</b> The stationary bootstrap of Politis and Romano (1994), as both papers use: a resample
 * is a sequence of blocks, each starting at a uniform index and of geometric length with mean
 * {@code meanBlockLength} (wrapping from the last period to the first), cut at {@code n}; the same indices serve
 * every model, so their cross-correlation is kept. Block sums come from prefix sums, so a resample costs
 * {@code O(blocks · K)}. Seeded ({@link SplittableRandom}, {@link StrictMath} logarithms): bit-reproducible.
 *
 * <p><b>Statistics</b> with {@code d̄_k} the sample mean and {@code d̄*_{k,b}} its value in resample {@code b}:
 * <ul>
 * <li>White: {@code V = max_k √n·d̄_k}, replicates {@code V*_b = max_k √n·(d̄*_{k,b} − d̄_k)}.</li>
 * <li>Hansen SPA (studentized): {@code ω̂_k²} the variance of {@code √n·d̄*_k} under the stationary bootstrap,
 * in its closed form ({@link #longRunVariance}),
 * {@code T = max(0, max_k √n·d̄_k/ω̂_k)}, replicates
 * {@code T*_b = max(0, max_k √n·(d̄*_{k,b} − g(d̄_k))/ω̂_k)} with the recentring {@code g}: <em>consistent</em>
 * {@code g_c(x) = x·1{x ≥ −ω̂_k·√(2·ln ln n / n)}} (the headline), <em>lower</em> {@code g_l(x) = max(x, 0)} and
 * <em>upper</em> {@code g_u(x) = x} (the least favourable configuration, studentized White). Models with
 * {@code ω̂_k = 0} (a differential without variation, e.g. a model identical to the benchmark) are left out of
 * the studentized maxima.</li>
 * <li>p-values {@code (1 + #{replicate ≥ statistic}) / (1 + B)}; so {@code p = 1}-ish when every model is
 * worse than the benchmark ({@code T = 0}).</li>
 * </ul>
 * The studentized SPA is the one to read: White's unstudentized maximum is dominated by the models with the
 * most variable differentials (and, with zero-padded periods, by the longest histories); SPA compares them on
 * their t-statistics and discounts poor models, which makes it less conservative when many bad models are
 * searched.
 */
public final class RealityCheck {
    private RealityCheck() {
    }

    /**
     * How the test resamples.
     *
     * @param resamples bootstrap resamples {@code B} ({@code >= 1})
     * @param meanBlockLength mean block length of the stationary bootstrap, periods ({@code >= 1}; 1 = iid)
     * @param seed seed of the resamples
     */
    public record Spec(int resamples, double meanBlockLength, long seed) {
        /** Validates. */
        public Spec {
            Checks.positive(resamples, "resamples");
            Checks.check(meanBlockLength >= 1 && Double.isFinite(meanBlockLength),
                    "meanBlockLength must be finite and >= 1, was " + meanBlockLength);
        }

        /** 2,000 resamples, mean block length 12 periods, seed 42. */
        public static Spec defaults() {
            return new Spec(2_000, 12.0, 42L);
        }
    }

    /**
     * The outcome.
     *
     * @param models number of models {@code K}
     * @param periods number of aligned periods {@code n}
     * @param means per-model mean differential {@code d̄_k} (units of {@code d} per period)
     * @param tStatistics per-model {@code √n·d̄_k/ω̂_k} (NaN where {@code ω̂_k = 0})
     * @param bestByMean model with the largest {@code d̄_k}
     * @param bestByT model with the largest t-statistic (the one SPA's statistic points to), {@code -1} if none
     * @param whiteStatistic {@code V}
     * @param whitePValue White's reality-check p-value
     * @param spaStatistic {@code T}
     * @param spaPValueConsistent Hansen's SPA_c p-value (the headline)
     * @param spaPValueLower SPA_l (liberal bound)
     * @param spaPValueUpper SPA_u (conservative bound)
     * @param spec the bootstrap used
     */
    public record Result(int models, int periods, double[] means, double[] tStatistics, int bestByMean,
            int bestByT, double whiteStatistic, double whitePValue, double spaStatistic, double spaPValueConsistent,
            double spaPValueLower, double spaPValueUpper, Spec spec) {
        /** Copies the arrays. */
        public Result {
            means = means.clone();
            tStatistics = tStatistics.clone();
        }

        @Override
        public double[] means() {
            return means.clone();
        }

        @Override
        public double[] tStatistics() {
            return tStatistics.clone();
        }

        /** Whether SPA_c rejects "no model beats the benchmark" at {@code level}. */
        public boolean rejects(double level) {
            return spaPValueConsistent < level;
        }
    }

    /**
     * Runs both tests.
     *
     * @param d {@code d[k][t]}: {@code K >= 1} models × {@code n >= 2} periods, finite values
     */
    public static Result test(double[][] d, Spec spec) {
        Checks.notNull(d, "d");
        Checks.notNull(spec, "spec");
        int k = d.length;
        Checks.check(k >= 1, "at least one model");
        int n = d[0].length;
        Checks.check(n >= 2, "at least two periods");
        double[][] prefix = new double[k][n + 1];
        double[] mean = new double[k];
        for (int m = 0; m < k; m++) {
            Checks.check(d[m].length == n, "model " + m + " has " + d[m].length + " periods, expected " + n);
            double[] p = prefix[m];
            for (int t = 0; t < n; t++) {
                double v = d[m][t];
                Checks.check(Double.isFinite(v), "d[" + m + "][" + t + "] is not finite: " + v);
                p[t + 1] = p[t] + v;
            }
            mean[m] = p[n] / n;
        }
        int b = spec.resamples();
        double[][] boot = resampleMeans(prefix, n, spec);
        double sqrtN = Math.sqrt(n);
        double[] omega = new double[k];
        for (int m = 0; m < k; m++) {
            omega[m] = Math.sqrt(longRunVariance(d[m], mean[m], spec.meanBlockLength()));
        }
        double[] t = new double[k];
        int bestMean = 0;
        int bestT = -1;
        double white = Double.NEGATIVE_INFINITY;
        double spa = 0;
        for (int m = 0; m < k; m++) {
            white = Math.max(white, sqrtN * mean[m]);
            if (mean[m] > mean[bestMean]) {
                bestMean = m;
            }
            t[m] = omega[m] > 0 ? sqrtN * mean[m] / omega[m] : Double.NaN;
            if (omega[m] > 0) {
                spa = Math.max(spa, t[m]);
                if (bestT < 0 || t[m] > t[bestT]) {
                    bestT = m;
                }
            }
        }
        double threshold = Math.sqrt(2.0 * Math.log(Math.log(n)) / n);
        double[] gc = new double[k];
        double[] gl = new double[k];
        for (int m = 0; m < k; m++) {
            // g_c: full recentring unless the model is clearly poor (then left at its own, negative, mean)
            gc[m] = mean[m] < -omega[m] * threshold ? 0.0 : mean[m];
            gl[m] = Math.max(mean[m], 0.0);
        }
        int exWhite = 0;
        int exC = 0;
        int exL = 0;
        int exU = 0;
        for (int r = 0; r < b; r++) {
            double[] mb = boot[r];
            double v = Double.NEGATIVE_INFINITY;
            double tc = 0;
            double tl = 0;
            double tu = 0;
            for (int m = 0; m < k; m++) {
                double centred = mb[m] - mean[m];
                v = Math.max(v, sqrtN * centred);
                if (omega[m] > 0) {
                    double s = sqrtN / omega[m];
                    tc = Math.max(tc, s * (mb[m] - gc[m]));
                    tl = Math.max(tl, s * (mb[m] - gl[m]));
                    tu = Math.max(tu, s * centred);
                }
            }
            if (v >= white) {
                exWhite++;
            }
            if (tc >= spa) {
                exC++;
            }
            if (tl >= spa) {
                exL++;
            }
            if (tu >= spa) {
                exU++;
            }
        }
        double denom = 1.0 + b;
        return new Result(k, n, mean, t, bestMean, bestT, white, (1.0 + exWhite) / denom, spa, (1.0 + exC) / denom,
                (1.0 + exL) / denom, (1.0 + exU) / denom, spec);
    }

    /**
     * The variance of {@code √n·d̄*} under the stationary bootstrap, in closed form (Politis and Romano 1994;
     * Hansen 2005, eq. for {@code ω̂²}): {@code γ̂_0 + 2 Σ_{i=1}^{n−1} κ(n, i)·γ̂_i} with
     * {@code κ(n, i) = (1 − i/n)(1 − q)^i + (i/n)(1 − q)^{n−i}}, {@code q = 1/meanBlockLength} and {@code γ̂_i} the
     * sample autocovariances (divisor {@code n}). Exact rather than estimated from the resamples, so the
     * studentization carries no Monte Carlo noise; lags whose weight is below 1e-9 are skipped.
     */
    static double longRunVariance(double[] x, double mean, double meanBlockLength) {
        int n = x.length;
        double q = 1.0 / meanBlockLength;
        double keep = 1.0 - q;
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = x[t] - mean;
        }
        double v = autocovariance(c, 0);
        if (keep <= 0) {
            return v;
        }
        double logKeep = Math.log(keep);
        int reach = (int) Math.min(n - 1, Math.ceil(Math.log(1e-9) / logKeep));
        for (int i = 1; i < n; i++) {
            boolean near = i <= reach;
            boolean wrap = n - i <= reach;
            if (!near && !wrap) {
                i = n - reach - 1;
                continue;
            }
            double kappa = (1.0 - (double) i / n) * Math.exp(i * logKeep)
                    + ((double) i / n) * Math.exp((n - i) * logKeep);
            v += 2.0 * kappa * autocovariance(c, i);
        }
        return Math.max(v, 0.0);
    }

    private static double autocovariance(double[] c, int lag) {
        int n = c.length;
        double s = 0;
        for (int t = lag; t < n; t++) {
            s += c[t] * c[t - lag];
        }
        return s / n;
    }

    /**
     * Bootstrap means {@code [B][K]}: the stationary bootstrap's block starts and geometric lengths are drawn
     * once per resample and shared by every model.
     */
    static double[][] resampleMeans(double[][] prefix, int n, Spec spec) {
        int k = prefix.length;
        int b = spec.resamples();
        double[][] out = new double[b][k];
        SplittableRandom rng = new SplittableRandom(spec.seed());
        IndexSampler starts = new IndexSampler(rng.split());
        SplittableRandom lengths = rng.split();
        double q = 1.0 / spec.meanBlockLength();
        double logKeep = q >= 1.0 ? 0.0 : StrictMath.log(1.0 - q);
        double[] acc = new double[k];
        for (int r = 0; r < b; r++) {
            java.util.Arrays.fill(acc, 0.0);
            int filled = 0;
            while (filled < n) {
                int start = starts.nextIndex(n);
                int len;
                if (q >= 1.0) {
                    len = 1;
                } else {
                    double u = 1.0 - lengths.nextDouble();
                    double g = Math.floor(StrictMath.log(u) / logKeep);
                    len = g >= n ? n : 1 + (int) g;
                }
                len = Math.min(len, n - filled);
                int end = start + len;
                if (end <= n) {
                    for (int m = 0; m < k; m++) {
                        acc[m] += prefix[m][end] - prefix[m][start];
                    }
                } else {
                    int wrap = end - n;
                    for (int m = 0; m < k; m++) {
                        double[] p = prefix[m];
                        acc[m] += (p[n] - p[start]) + p[wrap];
                    }
                }
                filled += len;
            }
            for (int m = 0; m < k; m++) {
                out[r][m] = acc[m] / n;
            }
        }
        return out;
    }
}
