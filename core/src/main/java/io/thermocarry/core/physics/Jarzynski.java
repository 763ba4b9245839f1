package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.stats.Bootstrap;
import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.ConfidenceInterval;
import io.thermocarry.core.stats.Moments;
import java.util.SplittableRandom;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * Estimators of the Jarzynski equality {@code ⟨exp(−β σ)⟩ = 1} on per-cycle dissipation
 * {@code σ_k = W_k − ΔF_k} (SPEC §3; units of {@link CycleThermo}), all exponent arguments clipped to
 * ±{@value #CLIP}:
 *
 * <ul>
 *   <li><b>naive</b>: {@code (1/n) Σ exp(clip(−β σ_k))}</li>
 *   <li><b>second-order cumulant</b>: {@code exp(clip(−β⟨σ⟩ + β² Var(σ)/2))}, Var the population variance
 *       (exact for Gaussian σ)</li>
 *   <li><b>BAR</b> (Bennett acceptance ratio, in the form of Shirts et al., PRL 91, 140601, 2003): forward
 *       works {@code x_i = β σ_i} of the cycles with {@code F > 0}, reverse works {@code y_j = β σ_j} of the
 *       others, {@code M = ln(n_F/n_R)}; {@code C} solves
 *       {@code Σ_F f(M + x_i − C) = Σ_R f(−M + y_j + C)} with the Fermi function {@code f(u) = 1/(1 + e^u)};
 *       the left side increases and the right side decreases in C, so the root is unique and found by a
 *       bracketing Brent solver. {@code C = β Δ} is the residual free energy left in σ (0 when JE holds) and
 *       the reported ratio is {@code exp(clip(−C))}. Needs ≥ {@value #MIN_BAR_SAMPLES} cycles on each side.</li>
 * </ul>
 *
 * <p>BAR here differs from the reference code on purpose: the reference puts the reverse set in with the
 * opposite sign ({@code f(C − βσ_R − M)}) and averages instead of summing, so its root is not 0 even when
 * every cycle satisfies JE exactly; with the textbook equation above, two sets whose σ laws both satisfy the
 * detailed fluctuation theorem with the same β give {@code C ≈ 0}. Splitting by the sign of F is the SPEC's
 * convention; F ≤ 0 cycles are not the time-reversed protocol of the F > 0 ones, so BAR is a consistency check
 * that is exact only when both sets' σ laws agree.
 *
 * <p>Overflow: when some {@code −β σ_k} exceeds +{@value #CLIP} (or the result is not finite) the state is
 * {@link EstimateState#OVERFLOW}, never an exception or a silent infinity.
 */
public final class Jarzynski {
    /** Clip bound of every exponent argument. */
    public static final double CLIP = 500.0;
    /** Minimum number of forward and of reverse cycles for BAR. */
    public static final int MIN_BAR_SAMPLES = 20;
    private static final double BAR_ABS_ACCURACY = 1e-12;
    private static final int BAR_MAX_EVAL = 500;

    private Jarzynski() {
    }

    /**
     * Estimates of one σ sample.
     *
     * @param naive naive exponential average with bootstrap interval
     * @param cumulant second-order cumulant with bootstrap interval
     * @param bar BAR ratio {@code exp(−C)} with a stratified bootstrap interval
     * @param barFreeEnergy BAR root {@code C = βΔ} (dimensionless; NaN when insufficient)
     * @param forward cycles with F > 0
     * @param reverse cycles with F ≤ 0
     */
    public record Result(JarzynskiEstimate naive, JarzynskiEstimate cumulant, JarzynskiEstimate bar,
            double barFreeEnergy, int forward, int reverse) {
    }

    /** {@code exp(clip(u, ±CLIP))}. */
    public static double clippedExp(double u) {
        return Math.exp(Math.max(-CLIP, Math.min(CLIP, u)));
    }

    /** Fermi function {@code 1/(1 + e^x)} without overflow: {@code e^{−x}/(1 + e^{−x})} for x ≥ 0. */
    public static double fermi(double x) {
        if (x >= 0) {
            double e = Math.exp(-x);
            return e / (1.0 + e);
        }
        return 1.0 / (1.0 + Math.exp(x));
    }

    /** Naive estimate {@code (1/n) Σ exp(clip(−β σ_k))}; NaN when empty. */
    public static double naive(double[] sigma, double beta) {
        if (sigma.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : sigma) {
            s += clippedExp(-beta * v);
        }
        return s / sigma.length;
    }

    /** Whether the naive average hits the clip bound: some {@code −β σ_k > CLIP}. */
    public static boolean naiveOverflows(double[] sigma, double beta) {
        for (double v : sigma) {
            if (-beta * v > CLIP || Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Cumulant argument {@code −β⟨σ⟩ + β² Var(σ)/2} (unclipped). */
    public static double cumulantExponent(double[] sigma, double beta) {
        return -beta * Moments.mean(sigma) + beta * beta * Moments.populationVariance(sigma) / 2.0;
    }

    /** Second-order cumulant estimate {@code exp(clip(−β⟨σ⟩ + β² Var(σ)/2))}; NaN when empty. */
    public static double cumulant(double[] sigma, double beta) {
        return sigma.length == 0 ? Double.NaN : clippedExp(cumulantExponent(sigma, beta));
    }

    /**
     * BAR objective {@code g(C) = Σ_F f(M + x_i − C) − Σ_R f(−M + y_j + C)} over
     * {@code x[xIdx[·]]} and {@code y[yIdx[·]]} (index arrays may be null for "all"); strictly increasing in C.
     */
    static double barObjective(double c, double[] x, int[] xIdx, int nx, double[] y, int[] yIdx, int ny, double m) {
        double s = 0;
        for (int i = 0; i < nx; i++) {
            s += fermi(m + x[xIdx == null ? i : xIdx[i]] - c);
        }
        for (int j = 0; j < ny; j++) {
            s -= fermi(-m + y[yIdx == null ? j : yIdx[j]] + c);
        }
        return s;
    }

    /**
     * BAR root {@code C = βΔ} for forward works {@code x = βσ_F} and reverse works {@code y = βσ_R}
     * (dimensionless); NaN when either side has fewer than {@value #MIN_BAR_SAMPLES} samples.
     */
    public static double barFreeEnergy(double[] x, double[] y) {
        if (x.length < MIN_BAR_SAMPLES || y.length < MIN_BAR_SAMPLES) {
            return Double.NaN;
        }
        double start = 0.5 * (Moments.mean(x) - Moments.mean(y));
        return solveBar(x, null, x.length, y, null, y.length, Double.isFinite(start) ? start : 0.0);
    }

    /** BAR ratio {@code exp(clip(−C))} of forward and reverse dissipation at inverse temperature β. */
    public static double bar(double[] sigmaForward, double[] sigmaReverse, double beta) {
        double c = barFreeEnergy(scale(sigmaForward, beta), scale(sigmaReverse, beta));
        return Double.isNaN(c) ? Double.NaN : clippedExp(-c);
    }

    private static double solveBar(double[] x, int[] xi, int nx, double[] y, int[] yi, int ny, double guess) {
        double m = Math.log((double) nx / ny);
        double lo = guess - 1.0;
        double hi = guess + 1.0;
        double glo = barObjective(lo, x, xi, nx, y, yi, ny, m);
        double ghi = barObjective(hi, x, xi, nx, y, yi, ny, m);
        double width = 2.0;
        // g(−∞) = −n_R < 0 < n_F = g(+∞): expand until the sign changes
        while (glo > 0 && width < 1e7) {
            hi = lo;
            ghi = glo;
            lo -= width;
            width *= 2;
            glo = barObjective(lo, x, xi, nx, y, yi, ny, m);
        }
        while (ghi < 0 && width < 1e7) {
            lo = hi;
            glo = ghi;
            hi += width;
            width *= 2;
            ghi = barObjective(hi, x, xi, nx, y, yi, ny, m);
        }
        if (glo > 0 || ghi < 0) {
            return Double.NaN;
        }
        if (glo == 0) {
            return lo;
        }
        if (ghi == 0) {
            return hi;
        }
        BrentSolver solver = new BrentSolver(1e-15, BAR_ABS_ACCURACY);
        try {
            return solver.solve(BAR_MAX_EVAL, c -> barObjective(c, x, xi, nx, y, yi, ny, m), lo, hi);
        } catch (MathIllegalStateException e) {
            return Double.NaN;
        }
    }

    /**
     * Naive, cumulant and BAR estimates of σ with percentile bootstrap intervals.
     *
     * @param sigma per-cycle dissipation σ_k (finite)
     * @param rate funding rate F_k of the same cycles (F > 0 = forward set of BAR)
     * @param beta inverse temperature
     * @param spec resamples, seed and level of the naive and cumulant intervals (one shared index stream)
     * @param barResamples resamples of the stratified BAR bootstrap (a root solve each; fewer by default)
     */
    public static Result analyze(double[] sigma, double[] rate, double beta, BootstrapSpec spec, int barResamples) {
        return analyzeAll(new double[][] {sigma}, rate, beta, spec, barResamples)[0];
    }

    /**
     * Like {@link #analyze} for several σ columns of the same cycles (e.g. raw and winsorized), all resampled
     * with the same indices (paired replicates) for speed.
     */
    public static Result[] analyzeAll(double[][] sigmas, double[] rate, double beta, BootstrapSpec spec,
            int barResamples) {
        Checks.nonNegative(barResamples, "barResamples");
        int n = rate.length;
        for (double[] s : sigmas) {
            Checks.check(s.length == n, "sigma and rate lengths differ");
        }
        int k = sigmas.length;
        Result[] out = new Result[k];
        if (n == 0) {
            for (int a = 0; a < k; a++) {
                out[a] = new Result(JarzynskiEstimate.insufficient(0, spec.level()),
                        JarzynskiEstimate.insufficient(0, spec.level()),
                        JarzynskiEstimate.insufficient(0, spec.level()), Double.NaN, 0, 0);
            }
            return out;
        }
        // interleaved per-sample data for cache-friendly gathers: e = exp(clip(−βσ)), d = σ − σ̄
        double[] data = new double[2 * k * n];
        double[] mean = new double[k];
        double[] naive = new double[k];
        double[] cumulant = new double[k];
        boolean[] naiveOverflow = new boolean[k];
        boolean[] cumulantOverflow = new boolean[k];
        for (int a = 0; a < k; a++) {
            double[] s = sigmas[a];
            mean[a] = Moments.mean(s);
            naive[a] = naive(s, beta);
            naiveOverflow[a] = naiveOverflows(s, beta) || !Double.isFinite(naive[a]);
            double ce = cumulantExponent(s, beta);
            cumulant[a] = clippedExp(ce);
            cumulantOverflow[a] = !(ce <= CLIP);
            for (int i = 0; i < n; i++) {
                data[(i * k + a) * 2] = clippedExp(-beta * s[i]);
                data[(i * k + a) * 2 + 1] = s[i] - mean[a];
            }
        }
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        long jeSeed = seeds.nextLong();
        long barSeed = seeds.nextLong();
        double[][] reps = Bootstrap.replicate(n, spec.resamples(), 2 * k, jeSeed, spec.execution(), (idx, vals) -> {
            double[] se = new double[k];
            double[] sd = new double[k];
            double[] sd2 = new double[k];
            for (int i : idx) {
                int base = i * k * 2;
                for (int a = 0; a < k; a++) {
                    double e = data[base + 2 * a];
                    double d = data[base + 2 * a + 1];
                    se[a] += e;
                    sd[a] += d;
                    sd2[a] += d * d;
                }
            }
            for (int a = 0; a < k; a++) {
                double md = sd[a] / n;
                double var = Math.max(sd2[a] / n - md * md, 0.0);
                vals[2 * a] = se[a] / n;
                vals[2 * a + 1] = clippedExp(-beta * (mean[a] + md) + beta * beta * var / 2.0);
            }
        });
        int nf = 0;
        for (double f : rate) {
            if (f > 0) {
                nf++;
            }
        }
        int nr = n - nf;
        for (int a = 0; a < k; a++) {
            ConfidenceInterval ciNaive = Bootstrap.percentileInterval(reps[2 * a], spec.level());
            ConfidenceInterval ciCum = Bootstrap.percentileInterval(reps[2 * a + 1], spec.level());
            JarzynskiEstimate je = new JarzynskiEstimate(naive[a], ciNaive, n, spec.resamples(),
                    naiveOverflow[a] ? EstimateState.OVERFLOW : EstimateState.OK);
            JarzynskiEstimate cu = new JarzynskiEstimate(cumulant[a], ciCum, n, spec.resamples(),
                    cumulantOverflow[a] ? EstimateState.OVERFLOW : EstimateState.OK);
            double[] x = new double[nf];
            double[] y = new double[nr];
            int p = 0;
            int q = 0;
            for (int i = 0; i < n; i++) {
                double v = beta * sigmas[a][i];
                if (rate[i] > 0) {
                    x[p++] = v;
                } else {
                    y[q++] = v;
                }
            }
            double c = barFreeEnergy(x, y);
            JarzynskiEstimate bar;
            if (Double.isNaN(c) && (nf < MIN_BAR_SAMPLES || nr < MIN_BAR_SAMPLES)) {
                bar = JarzynskiEstimate.insufficient(n, spec.level());
            } else {
                ConfidenceInterval ciBar = barInterval(x, y, c, barResamples, barSeed, spec);
                boolean overflow = !(-c <= CLIP) || Double.isNaN(c);
                bar = new JarzynskiEstimate(clippedExp(-c), ciBar, n, barResamples,
                        overflow ? EstimateState.OVERFLOW : EstimateState.OK);
            }
            out[a] = new Result(je, cu, bar, c, nf, nr);
        }
        return out;
    }

    private static ConfidenceInterval barInterval(double[] x, double[] y, double c, int resamples, long seed,
            BootstrapSpec spec) {
        if (resamples == 0 || Double.isNaN(c)) {
            return ConfidenceInterval.undefined(spec.level());
        }
        int nf = x.length;
        int nr = y.length;
        double[] xy = new double[nf + nr];
        System.arraycopy(x, 0, xy, 0, nf);
        System.arraycopy(y, 0, xy, nf, nr);
        double[][] reps = Bootstrap.replicate(new int[] {nf, nr}, resamples, 1, seed, spec.execution(),
                (idx, vals) -> {
                    int[] yi = new int[nr];
                    System.arraycopy(idx, nf, yi, 0, nr);
                    double root = solveBar(xy, idx, nf, xy, yi, nr, c);
                    vals[0] = Double.isNaN(root) ? Double.NaN : clippedExp(-root);
                });
        return Bootstrap.percentileInterval(reps[0], spec.level());
    }

    private static double[] scale(double[] v, double beta) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = beta * v[i];
        }
        return out;
    }
}
