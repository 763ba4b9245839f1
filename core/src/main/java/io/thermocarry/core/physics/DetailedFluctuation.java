package io.thermocarry.core.physics;

import io.thermocarry.core.stats.BandwidthRule;
import io.thermocarry.core.stats.Bootstrap;
import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.ConfidenceInterval;
import io.thermocarry.core.stats.GaussianKde;
import io.thermocarry.core.stats.LinearFit;
import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;

/**
 * Detailed fluctuation theorem {@code ln[P(σ)/P(−σ)] = β σ} on the full dissipation sample (SPEC §3):
 * Gaussian KDE of σ ({@link DftSpec#bandwidth()}), grid {@code x_j} = {@code gridPoints} equally spaced points
 * on {@code [0.01 e, e]} ({@code e} = 98th percentile of |σ|, numpy interpolation), densities
 * {@code P(x_j)} and {@code P(−x_j)}, points where either density is under the threshold of
 * {@link DftSpec#minRelativeDensity()} skipped, then OLS of {@code ln P(x) − ln P(−x)} on x: slope (≈ β),
 * intercept, R². The slope interval is a percentile bootstrap that resamples σ and redoes everything
 * (bandwidth, extent, grid, densities, fit); resamples are weighted by multiplicity so no sort is repeated.
 *
 * <p>The point estimate evaluates the KDE exactly ({@link GaussianKde#densityOnGrid}, equal to scipy's
 * {@code gaussian_kde} up to rounding); the bootstrap replicates use the binned evaluation
 * ({@link GaussianKde#densityOnGridBinned}, lattice {@code dx/}{@value #REPLICATE_REFINE}), whose relative
 * density error (~1e−4) is far below the sampling spread of the replicate slopes, at a tenth of the cost.
 */
public final class DetailedFluctuation {
    /** Lattice points per grid step of the binned KDE used by bootstrap replicates. */
    public static final int REPLICATE_REFINE = 2;

    private DetailedFluctuation() {
    }

    /** Test with the reference's parameters ({@link DftSpec#defaults()}). */
    public static DftResult test(double[] sigma, BootstrapSpec boot) {
        return test(sigma, DftSpec.defaults(), boot);
    }

    /**
     * Test of σ (finite values) with its slope interval.
     *
     * @param boot resamples (the DFT is costly: the SPEC's analyzer uses 200 by default), seed, level
     */
    public static DftResult test(double[] sigma, DftSpec spec, BootstrapSpec boot) {
        int n = sigma.length;
        if (n < spec.minSamples()) {
            return insufficient(n, boot);
        }
        Prepared p = new Prepared(sigma);
        double[] point = new double[6];
        evaluate(p, spec, null, n, point);
        if (Double.isNaN(point[0])) {
            return new DftResult(Double.NaN, Double.NaN, Double.NaN, ConfidenceInterval.undefined(boot.level()),
                    (int) point[3], point[4], point[5], n, 0, 0, EstimateState.INSUFFICIENT);
        }
        double[][] reps = Bootstrap.replicate(n, boot.resamples(), 1, boot.seed(), boot.execution(), (idx, vals) -> {
            double[] w = new double[n];
            for (int i : idx) {
                w[i] += 1.0;
            }
            double[] r = new double[6];
            evaluate(p, spec, w, n, r);
            vals[0] = r[0];
        });
        ConfidenceInterval ci = boot.resamples() > 0 ? Bootstrap.percentileInterval(reps[0], boot.level())
                : ConfidenceInterval.undefined(boot.level());
        return new DftResult(point[0], point[1], point[2], ci, (int) point[3], point[4], point[5], n,
                boot.resamples(), Bootstrap.countFinite(reps[0]), EstimateState.OK);
    }

    private static DftResult insufficient(int n, BootstrapSpec boot) {
        return new DftResult(Double.NaN, Double.NaN, Double.NaN, ConfidenceInterval.undefined(boot.level()), 0,
                Double.NaN, Double.NaN, n, 0, 0, EstimateState.INSUFFICIENT);
    }

    /** σ with its sort orders, shared by the point estimate and every resample. */
    private static final class Prepared {
        final double[] sigma;
        final double[] negSigma;
        final double[] absSorted;
        final int[] absOrder;
        final double[] sorted;
        final int[] order;

        Prepared(double[] sigma) {
            int n = sigma.length;
            this.sigma = sigma;
            this.negSigma = new double[n];
            for (int i = 0; i < n; i++) {
                negSigma[i] = -sigma[i];
            }
            this.absOrder = sortOrder(sigma, true);
            this.absSorted = new double[n];
            for (int i = 0; i < n; i++) {
                absSorted[i] = Math.abs(sigma[absOrder[i]]);
            }
            this.order = sortOrder(sigma, false);
            this.sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = sigma[order[i]];
            }
        }

        private static int[] sortOrder(double[] v, boolean abs) {
            int n = v.length;
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = abs ? Math.abs(v[i]) : v[i];
            }
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Double.compare(key[a], key[b]));
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = boxed[i];
            }
            return out;
        }
    }

    /**
     * The test on σ weighted by {@code w} (null = 1 each), total weight {@code total}. Writes slope,
     * intercept, R², usable grid points, bandwidth, extent to {@code out} (slope NaN when insufficient).
     */
    private static void evaluate(Prepared p, DftSpec spec, double[] w, double total, double[] out) {
        Arrays.fill(out, Double.NaN);
        out[3] = 0;
        double h = bandwidth(p, spec.bandwidth(), w, total);
        out[4] = h;
        if (!(h > 0) || !Double.isFinite(h)) {
            return;
        }
        double e = weightedPercentile(p.absSorted, p.absOrder, w, total, spec.extentPercentile());
        out[5] = e;
        if (!(e > 1e-15) || !Double.isFinite(e)) {
            return;
        }
        int m = spec.gridPoints();
        double x0 = spec.gridStartFraction() * e;
        double dx = (e - x0) / (m - 1);
        double[] pos = new double[m];
        double[] neg = new double[m];
        if (w == null) {
            GaussianKde.densityOnGrid(p.sigma, null, total, h, x0, dx, pos);
            GaussianKde.densityOnGrid(p.negSigma, null, total, h, x0, dx, neg);
        } else {
            GaussianKde.densityOnGridBinned(p.sigma, w, total, h, x0, dx, REPLICATE_REFINE, pos);
            GaussianKde.densityOnGridBinned(p.negSigma, w, total, h, x0, dx, REPLICATE_REFINE, neg);
        }
        double max = 0;
        for (double v : pos) {
            max = Math.max(max, v);
        }
        double thr = Math.max(max * spec.minRelativeDensity(), spec.minDensity());
        double[] xs = new double[m];
        double[] ys = new double[m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (pos[j] > thr && neg[j] > thr) {
                xs[k] = x0 + j * dx;
                ys[k] = Math.log(pos[j]) - Math.log(neg[j]);
                k++;
            }
        }
        out[3] = k;
        if (k < spec.minGridPoints()) {
            return;
        }
        LinearFit fit = LinearFit.of(xs, ys, k);
        out[0] = fit.slope();
        out[1] = fit.intercept();
        out[2] = fit.r2();
    }

    private static double bandwidth(Prepared p, BandwidthRule rule, double[] w, double total) {
        double[] s = p.sigma;
        int n = s.length;
        double sw = 0;
        for (int i = 0; i < n; i++) {
            sw += (w == null ? 1.0 : w[i]) * s[i];
        }
        double mean = sw / total;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = s[i] - mean;
            ss += (w == null ? 1.0 : w[i]) * d * d;
        }
        double sd = Math.sqrt(ss / (total - 1));
        return switch (rule) {
            case SCIPY_SILVERMAN -> sd * Math.pow(total * 3.0 / 4.0, -0.2);
            case SILVERMAN_ROBUST -> {
                double iqr = weightedPercentile(p.sorted, p.order, w, total, 75)
                        - weightedPercentile(p.sorted, p.order, w, total, 25);
                double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
                yield 0.9 * spread * Math.pow(total, -0.2);
            }
        };
    }

    /**
     * numpy-linear percentile of the multiset in which sorted value {@code sorted[r]} (original index
     * {@code order[r]}) occurs {@code w[order[r]]} times (once each when w is null).
     */
    static double weightedPercentile(double[] sorted, int[] order, double[] w, double total, double pct) {
        if (w == null) {
            return Percentiles.ofSorted(sorted, sorted.length, pct);
        }
        int count = (int) total;
        double pos = (count - 1) * (pct / 100.0);
        long lo = (long) Math.floor(pos);
        double t = pos - lo;
        double a = Double.NaN;
        double b = Double.NaN;
        long cum = 0;
        for (int r = 0; r < sorted.length; r++) {
            long c = (long) w[order[r]];
            if (c == 0) {
                continue;
            }
            long next = cum + c;
            if (Double.isNaN(a) && lo < next) {
                a = sorted[r];
            }
            if (lo + 1 < next) {
                b = sorted[r];
                break;
            }
            cum = next;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }
}
