package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;

/**
 * One-dimensional Gaussian kernel density estimate
 * {@code p(x) = 1/(W·h·√(2π)) · Σ_i w_i · exp(−(x − s_i)²/(2h²))}, {@code W = Σ w_i} (unit weights by default).
 *
 * <p>{@link #densityOnGrid} evaluates it on a uniform grid {@code x_j = x0 + j·dx} in O(samples × reach)
 * without an {@code exp} per term: from the grid point nearest each sample the kernel is advanced outward by
 * the exact ratio recurrence {@code K_{j+1} = K_j·r_j}, {@code r_{j+1} = r_j·q}, {@code q = exp(−dx²/h²)}
 * (since {@code (x + dx − s)² − (x − s)² = 2(x − s)dx + dx²}); it is re-anchored with a fresh {@code exp}
 * every {@value #REANCHOR} steps, so the relative error per term stays below ~1e−13, and it stops when the
 * kernel falls under {@code exp(−}{@value #CUTOFF_HALF_SQUARED}{@code )} of its peak (|x − s| > 12·h), a
 * term smaller than 1e−31 of a kernel peak. {@link #density(double[], double, double)} is the direct sum.
 *
 * <p>{@link #densityOnGridBinned} is the fast approximation for bootstrap replicates: linear binning of the
 * (weighted) samples onto a lattice of spacing {@code δ = dx/refine} aligned with the grid, then a direct
 * discrete convolution with the kernel sampled at {@code tδ}, |t| ≤ 12h/δ. Linear binning keeps each sample's
 * mass and mean and adds at most δ²/4 to its variance, so the relative error of a density is of order
 * {@code (δ/h)²/8·|u² − 1|} (u the standardised distance): below 1e−3 when h ≥ 16δ.
 */
public final class GaussianKde {
    static final int REANCHOR = 32;
    static final double CUTOFF_HALF_SQUARED = 72.0;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private GaussianKde() {
    }

    /** Bandwidth of {@code samples} under {@code rule}; NaN when fewer than 2 samples. */
    public static double bandwidth(double[] samples, BandwidthRule rule) {
        int n = samples.length;
        if (n < 2) {
            return Double.NaN;
        }
        double sd = Math.sqrt(Moments.sampleVariance(samples));
        return switch (rule) {
            case SCIPY_SILVERMAN -> sd * Math.pow(n * 3.0 / 4.0, -0.2);
            case SILVERMAN_ROBUST -> {
                double[] s = samples.clone();
                java.util.Arrays.sort(s);
                double iqr = Percentiles.ofSorted(s, n, 75) - Percentiles.ofSorted(s, n, 25);
                double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
                yield 0.9 * spread * Math.pow(n, -0.2);
            }
        };
    }

    /** Direct density at {@code x}: {@code 1/(n·h·√2π) Σ exp(−(x − s_i)²/(2h²))}. */
    public static double density(double[] samples, double h, double x) {
        double sum = 0;
        for (double s : samples) {
            double u = (x - s) / h;
            sum += Math.exp(-0.5 * u * u);
        }
        return sum * INV_SQRT_2PI / (samples.length * h);
    }

    /**
     * Density on the uniform grid {@code x_j = x0 + j·dx}, {@code j = 0..out.length−1}, written to {@code out}.
     *
     * @param samples sample positions
     * @param weights per-sample weights (e.g. bootstrap multiplicities), or null for 1 each; zero weights skip
     * @param totalWeight {@code Σ weights} (n when weights is null)
     * @param h bandwidth > 0
     * @param x0 first grid point
     * @param dx grid spacing > 0
     * @param out densities (overwritten)
     */
    public static void densityOnGrid(double[] samples, double[] weights, double totalWeight, double h, double x0,
            double dx, double[] out) {
        Checks.positive(h, "h");
        Checks.positive(dx, "dx");
        int m = out.length;
        java.util.Arrays.fill(out, 0.0);
        if (m == 0) {
            return;
        }
        double inv2h2 = 0.5 / (h * h);
        double lnQ = -dx * dx / (h * h);
        double q = Math.exp(lnQ);
        double reach = Math.sqrt(2.0 * CUTOFF_HALF_SQUARED) * h;
        double cutoff = Math.exp(-CUTOFF_HALF_SQUARED);
        for (int i = 0; i < samples.length; i++) {
            double w = weights == null ? 1.0 : weights[i];
            if (w == 0) {
                continue;
            }
            double s = samples[i];
            double lo = (s - reach - x0) / dx;
            double hi = (s + reach - x0) / dx;
            if (hi < 0 || lo > m - 1) {
                continue;
            }
            int j0 = (int) Math.rint((s - x0) / dx);
            j0 = Math.max(0, Math.min(m - 1, j0));
            double d0 = x0 + j0 * dx - s;
            double k0 = Math.exp(-d0 * d0 * inv2h2);
            if (k0 < cutoff) {
                continue;
            }
            out[j0] += w * k0;
            // upward: K_{j+1} = K_j · exp(−(2 d_j dx + dx²)/(2h²))
            double k = k0;
            double r = Math.exp(-(2 * d0 * dx + dx * dx) * inv2h2);
            int step = 0;
            for (int j = j0 + 1; j < m; j++) {
                if (++step == REANCHOR) {
                    step = 0;
                    double d = x0 + (j - 1) * dx - s;
                    k = Math.exp(-d * d * inv2h2);
                    r = Math.exp(-(2 * d * dx + dx * dx) * inv2h2);
                }
                k *= r;
                r *= q;
                if (k < cutoff) {
                    break;
                }
                out[j] += w * k;
            }
            // downward: K_{j−1} = K_j · exp(−(−2 d_j dx + dx²)/(2h²))
            k = k0;
            r = Math.exp(-(-2 * d0 * dx + dx * dx) * inv2h2);
            step = 0;
            for (int j = j0 - 1; j >= 0; j--) {
                if (++step == REANCHOR) {
                    step = 0;
                    double d = x0 + (j + 1) * dx - s;
                    k = Math.exp(-d * d * inv2h2);
                    r = Math.exp(-(-2 * d * dx + dx * dx) * inv2h2);
                }
                k *= r;
                r *= q;
                if (k < cutoff) {
                    break;
                }
                out[j] += w * k;
            }
        }
        double norm = INV_SQRT_2PI / (totalWeight * h);
        for (int j = 0; j < m; j++) {
            out[j] *= norm;
        }
    }

    /**
     * Binned approximation of {@link #densityOnGrid} (see the class comment), in O(samples + m·h/δ); falls back
     * to the exact evaluation when that would be cheaper.
     *
     * @param refine lattice points per grid step (δ = dx/refine, ≥ 1)
     */
    public static void densityOnGridBinned(double[] samples, double[] weights, double totalWeight, double h,
            double x0, double dx, int refine, double[] out) {
        Checks.positive(h, "h");
        Checks.positive(dx, "dx");
        Checks.positive(refine, "refine");
        int m = out.length;
        double delta = dx / refine;
        double taps = Math.ceil(Math.sqrt(2.0 * CUTOFF_HALF_SQUARED) * h / delta);
        if (m == 0 || taps * 2 * m > (double) samples.length * m || taps > 1e6) {
            densityOnGrid(samples, weights, totalWeight, h, x0, dx, out);
            return;
        }
        int t = (int) taps;
        int size = 2 * t + (m - 1) * refine + 1;
        double origin = x0 - t * delta;
        double[] lattice = new double[size + 1];
        for (int i = 0; i < samples.length; i++) {
            double w = weights == null ? 1.0 : weights[i];
            if (w == 0) {
                continue;
            }
            double u = (samples[i] - origin) / delta;
            if (!(u >= 0) || u > size - 1) {
                continue;
            }
            int lo = (int) u;
            double frac = u - lo;
            lattice[lo] += w * (1.0 - frac);
            lattice[lo + 1] += w * frac;
        }
        double[] kern = new double[2 * t + 1];
        double inv2h2 = 0.5 / (h * h);
        for (int k = 0; k <= t; k++) {
            double d = k * delta;
            double v = Math.exp(-d * d * inv2h2);
            kern[t + k] = v;
            kern[t - k] = v;
        }
        int len = kern.length;
        for (int j = 0; j < m; j++) {
            int base = j * refine;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int u = 0;
            for (; u + 3 < len; u += 4) {
                a0 += lattice[base + u] * kern[u];
                a1 += lattice[base + u + 1] * kern[u + 1];
                a2 += lattice[base + u + 2] * kern[u + 2];
                a3 += lattice[base + u + 3] * kern[u + 3];
            }
            for (; u < len; u++) {
                a0 += lattice[base + u] * kern[u];
            }
            out[j] = (a0 + a1) + (a2 + a3);
        }
        double norm = INV_SQRT_2PI / (totalWeight * h);
        for (int j = 0; j < m; j++) {
            out[j] *= norm;
        }
    }
}
