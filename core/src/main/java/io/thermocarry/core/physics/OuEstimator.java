package io.thermocarry.core.physics;

/**
 * Windowed estimators of SPEC §3 over hourly basis points (percent). NaNs are dropped first: consecutive
 * pairs are consecutive <em>non-NaN</em> points. Allocation-free.
 */
public final class OuEstimator {
    /** Floor of κ (1/hour). */
    public static final double MIN_KAPPA = 1e-6;
    /** κ used when a window has fewer than {@link #MIN_POINTS} points. */
    public static final double FALLBACK_KAPPA = 0.01;
    /** Minimum number of points for a fit. */
    public static final int MIN_POINTS = 10;
    /** β used when T ≤ 0. */
    public static final double BETA_WHEN_T_NONPOSITIVE = 1e6;
    private static final double PHI_LO = 1e-6;
    private static final double PHI_HI = 1.0 - 1e-6;

    private OuEstimator() {
    }

    /**
     * κ alone over {@code b[from, to)}: AR(1) coefficient φ clipped to [1e−6, 1−1e−6],
     * {@code κ = max(−ln φ / Δt, 1e−6)}. Fewer than 10 points, or {@code Σ b_t² = 0}: κ = 0.01.
     *
     * @param dtHours spacing of the points in hours (1 for hourly)
     */
    public static double kappa(double[] b, int from, int to, double dtHours, KappaMethod method) {
        double mean = method == KappaMethod.DEMEANED ? mean(b, from, to) : 0.0;
        int n = 0;
        double sxx = 0;
        double sxy = 0;
        double prev = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = b[i];
            if (Double.isNaN(v)) {
                continue;
            }
            v -= mean;
            if (n > 0) {
                sxx += prev * prev;
                sxy += prev * v;
            }
            prev = v;
            n++;
        }
        if (n < MIN_POINTS || sxx == 0) {
            return FALLBACK_KAPPA;
        }
        return kappaFromPhi(sxy / sxx, dtHours);
    }

    /** {@code max(−ln clip(φ) / Δt, 1e−6)}. */
    public static double kappaFromPhi(double phi, double dtHours) {
        double p = Math.min(Math.max(phi, PHI_LO), PHI_HI);
        return Math.max(-Math.log(p) / dtHours, MIN_KAPPA);
    }

    /**
     * Full fit over {@code b[from, to)}: κ, population variance, T = κ·Var, β = 1/T (SPEC §3 fallbacks:
     * fewer than 10 points gives κ 0.01, β 1; T ≤ 0 gives β 1e6). When {@code Σ b_t² = 0} the AR(1) φ is
     * taken as 0.5, as the reference's temperature estimator does.
     */
    public static OuFit fit(double[] b, int from, int to, double dtHours, KappaMethod method) {
        double mean = mean(b, from, to);
        double shift = method == KappaMethod.DEMEANED ? mean : 0.0;
        int n = 0;
        double sxx = 0;
        double sxy = 0;
        double ss = 0;
        double prev = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = b[i];
            if (Double.isNaN(v)) {
                continue;
            }
            double d = v - mean;
            ss += d * d;
            v -= shift;
            if (n > 0) {
                sxx += prev * prev;
                sxy += prev * v;
            }
            prev = v;
            n++;
        }
        if (n < MIN_POINTS) {
            return new OuFit(FALLBACK_KAPPA, n == 0 ? 0 : ss / n, 1.0, 1.0, n);
        }
        double phi = sxx > 0 ? sxy / sxx : 0.5;
        double kappa = kappaFromPhi(phi, dtHours);
        double var = ss / n;
        double t = kappa * var;
        double beta = t > 0 ? 1.0 / t : BETA_WHEN_T_NONPOSITIVE;
        return new OuFit(kappa, var, t, beta, n);
    }

    /** Mean of the non-NaN values of {@code b[from, to)} (NaN if none). */
    public static double mean(double[] b, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = b[i];
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
