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
    private static final double BAR_REPLICATE_ACCURACY = 1e-10;
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
     * Forward works x and reverse works y of BAR with their precomputed Boltzmann factors, so that the
     * objective needs no {@code exp} per term: {@code f(M + x − C) = 1/(1 + e^{M+x}·e^{−C})}. That product form
     * is used only when every exponent is within ±600 and |C| ≤ 100 (no overflow or underflow possible);
     * otherwise the stable {@link #fermi} is evaluated term by term.
     */
    private static final class BarData {
        final double[] x;
        final double[] y;
        final double m;
        final double[] ex;
        final double[] ey;
        final boolean productForm;

        BarData(double[] x, double[] y) {
            this.x = x;
            this.y = y;
            this.m = Math.log((double) x.length / y.length);
            this.ex = new double[x.length];
            this.ey = new double[y.length];
            boolean ok = true;
            for (int i = 0; i < x.length; i++) {
                double u = m + x[i];
                ok &= Math.abs(u) <= 600;
                ex[i] = Math.exp(u);
            }
            for (int j = 0; j < y.length; j++) {
                double u = -m + y[j];
                ok &= Math.abs(u) <= 600;
                ey[j] = Math.exp(u);
            }
            this.productForm = ok;
        }

        /**
         * {@code g(C) = Σ_F f(M + x_i − C) − Σ_R f(−M + y_j + C)} over the samples {@code xi[0, nx)} and
         * {@code yi[0, ny)} (null = all, in order); strictly increasing in C.
         */
        double objective(double c, int[] xi, int xFrom, int nx, int[] yi, int yFrom, int ny) {
            double s = 0;
            if (productForm && Math.abs(c) <= 100) {
                double emc = Math.exp(-c);
                double epc = Math.exp(c);
                for (int i = 0; i < nx; i++) {
                    s += 1.0 / (1.0 + ex[xi == null ? i : xi[xFrom + i]] * emc);
                }
                for (int j = 0; j < ny; j++) {
                    s -= 1.0 / (1.0 + ey[yi == null ? j : yi[yFrom + j] - x.length] * epc);
                }
                return s;
            }
            for (int i = 0; i < nx; i++) {
                s += fermi(m + x[xi == null ? i : xi[xFrom + i]] - c);
            }
            for (int j = 0; j < ny; j++) {
                s -= fermi(-m + y[yi == null ? j : yi[yFrom + j] - x.length] + c);
            }
            return s;
        }
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
        return solveBar(new BarData(x, y), null, x.length, y.length, Double.isFinite(start) ? start : 0.0, 1.0,
                BAR_ABS_ACCURACY);
    }

    /**
     * Root of the BAR objective by Hipparchus' bracketing {@link BrentSolver} on {@code [guess − w, guess + w]},
     * the bracket doubled outward until g changes sign ({@code g(−∞) = −n_R < 0 < n_F = g(+∞)}).
     * {@code idx} (null = all) holds forward indices in {@code [0, nx)} and reverse indices (offset by the
     * forward count) in {@code [nx, nx + ny)}.
     */
    private static double solveBar(BarData d, int[] idx, int nx, int ny, double guess, double halfWidth,
            double absAccuracy) {
        org.hipparchus.analysis.UnivariateFunction g = c -> d.objective(c, idx, 0, nx, idx, nx, ny);
        double lo = guess - halfWidth;
        double hi = guess + halfWidth;
        BrentSolver solver = new BrentSolver(1e-15, absAccuracy);
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                return solver.solve(BAR_MAX_EVAL, g, lo, hi);
            } catch (org.hipparchus.exception.MathIllegalArgumentException notBracketed) {
                double w = hi - lo;
                if (g.value(lo) > 0) {
                    lo -= 2 * w;
                } else {
                    hi += 2 * w;
                }
            } catch (MathIllegalStateException tooManyEvaluations) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** BAR ratio {@code exp(clip(−C))} of forward and reverse dissipation at inverse temperature β. */
    public static double bar(double[] sigmaForward, double[] sigmaReverse, double beta) {
        double c = barFreeEnergy(scale(sigmaForward, beta), scale(sigmaReverse, beta));
        return Double.isNaN(c) ? Double.NaN : clippedExp(-c);
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
        double[][] reps = Bootstrap.replicate(n, spec.resamples(), 2 * k, jeSeed, spec.execution(),
                k == 2 ? (idx, vals) -> pairedStatistic(data, idx, n, mean, beta, vals)
                        : (idx, vals) -> generalStatistic(data, k, idx, n, mean, beta, vals));
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

    /** Naive and cumulant replicate of two paired columns (the hot loop of the whole table). */
    private static void pairedStatistic(double[] data, int[] idx, int n, double[] mean, double beta, double[] vals) {
        // two interleaved sets of accumulators: the adds of one set no longer wait on each other
        double e0 = 0;
        double d0 = 0;
        double q0 = 0;
        double e1 = 0;
        double d1 = 0;
        double q1 = 0;
        double f0 = 0;
        double g0 = 0;
        double r0 = 0;
        double f1 = 0;
        double g1 = 0;
        double r1 = 0;
        int len = idx.length;
        int k = 0;
        for (; k + 1 < len; k += 2) {
            int base = idx[k] << 2;
            int bas2 = idx[k + 1] << 2;
            double a = data[base + 1];
            double b = data[base + 3];
            double c = data[bas2 + 1];
            double d = data[bas2 + 3];
            e0 += data[base];
            d0 += a;
            q0 += a * a;
            e1 += data[base + 2];
            d1 += b;
            q1 += b * b;
            f0 += data[bas2];
            g0 += c;
            r0 += c * c;
            f1 += data[bas2 + 2];
            g1 += d;
            r1 += d * d;
        }
        if (k < len) {
            int base = idx[k] << 2;
            double a = data[base + 1];
            double b = data[base + 3];
            e0 += data[base];
            d0 += a;
            q0 += a * a;
            e1 += data[base + 2];
            d1 += b;
            q1 += b * b;
        }
        e0 += f0;
        d0 += g0;
        q0 += r0;
        e1 += f1;
        d1 += g1;
        q1 += r1;
        cumulantPair(e0, d0, q0, n, mean[0], beta, vals, 0);
        cumulantPair(e1, d1, q1, n, mean[1], beta, vals, 2);
    }

    private static void generalStatistic(double[] data, int k, int[] idx, int n, double[] mean, double beta,
            double[] vals) {
        double[] acc = new double[3 * k];
        for (int i : idx) {
            int base = i * k * 2;
            for (int a = 0; a < k; a++) {
                double d = data[base + 2 * a + 1];
                acc[3 * a] += data[base + 2 * a];
                acc[3 * a + 1] += d;
                acc[3 * a + 2] += d * d;
            }
        }
        for (int a = 0; a < k; a++) {
            cumulantPair(acc[3 * a], acc[3 * a + 1], acc[3 * a + 2], n, mean[a], beta, vals, 2 * a);
        }
    }

    /** From Σe, Σd, Σd² of a resample (d = σ − σ̄): naive = Σe/n, cumulant = exp(clip(−β⟨σ⟩ + β²Var/2)). */
    private static void cumulantPair(double se, double sd, double sq, int n, double mean, double beta, double[] vals,
            int at) {
        double md = sd / n;
        double var = Math.max(sq / n - md * md, 0.0);
        vals[at] = se / n;
        vals[at + 1] = clippedExp(-beta * (mean + md) + beta * beta * var / 2.0);
    }

    private static ConfidenceInterval barInterval(double[] x, double[] y, double c, int resamples, long seed,
            BootstrapSpec spec) {
        if (resamples == 0 || Double.isNaN(c)) {
            return ConfidenceInterval.undefined(spec.level());
        }
        int nf = x.length;
        int nr = y.length;
        BarData d = new BarData(x, y);
        double[][] reps = Bootstrap.replicate(new int[] {nf, nr}, resamples, 1, seed, spec.execution(),
                (idx, vals) -> {
                    double root = solveBar(d, idx, nf, nr, c, 0.05, BAR_REPLICATE_ACCURACY);
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
