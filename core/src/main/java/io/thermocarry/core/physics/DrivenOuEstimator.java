package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;

/**
 * Protocol-aware fit of the driven OU model: the exact hourly discretisation of {@code db/dt = −κ b − F + ξ},
 * {@code b_{i+1} = φ b_i − (F_i/κ)(1 − φ) + s ε}, {@code φ = e^{−κΔt}}, fitted by least squares over the
 * transitions that the dynamics actually produced.
 *
 * <p>Why it exists: the SPEC's window estimator ({@link OuEstimator}, AR(1) of b on its own lag) ignores the
 * funding force and treats every consecutive pair as a transition. Under strong driving ({@code F/κ}
 * comparable to the equilibrium width √(T/κ)) the force shifts the mean within each cycle and biases φ; when
 * the basis is re-drawn from equilibrium at each settlement (the SPEC's strong-driving preset) the pair
 * across the settlement is no transition at all. Both biases vanish here: F enters the regression and the
 * re-drawn points start no pair. With F ≡ 0 and no breaks the estimate is the through-origin AR(1) of the SPEC.
 *
 * <p>Fit: minimise over φ ∈ [1e−6, 1 − 1e−6] {@code RSS(φ) = Σ (y − φx − c(φ)f)²} with
 * {@code c(φ) = −(1 − φ)/κ(φ)}, {@code κ(φ) = −ln φ/Δt}, from the six sums Σx², Σxy, Σy², Σxf, Σyf, Σf² (a scan
 * over ln κ, then golden-section refinement). Then {@code κ = max(−ln φ/Δt, 1e−6)}, innovation variance
 * {@code s² = RSS/m} (m transitions), equilibrium variance {@code Var_eq = s²/(1 − φ²)} (percent²),
 * {@code T = κ·Var_eq} (= σ_noise²/2 of the model), {@code β = 1/T}. Fewer than 10 transitions: κ 0.01, T 1, β 1.
 */
public final class DrivenOuEstimator {
    private static final int SCAN = 400;
    private static final double LN_KAPPA_MIN = Math.log(1e-6);

    private DrivenOuEstimator() {
    }

    /**
     * Fit over hourly values {@code b}.
     *
     * @param b basis in percent (NaN allowed: a NaN starts or ends no transition)
     * @param force {@code force[i]} = F acting on the step from {@code b[i]} to {@code b[i+1]} (fraction per
     *     interval, used numerically as the force in %/h; NaN = step unusable); length ≥ b.length − 1
     * @param breakBefore null, or {@code breakBefore[i]} true when {@code b[i]} was not produced by the dynamics
     *     from {@code b[i−1]} (a re-draw, a gap), so the pair (i−1, i) is skipped
     * @param dtHours step in hours
     * @return the fit; {@link OuFit#variance()} is Var_eq and {@link OuFit#points()} the number of transitions
     */
    public static OuFit fit(double[] b, double[] force, boolean[] breakBefore, double dtHours) {
        Checks.positive(dtHours, "dtHours");
        Checks.check(force.length >= b.length - 1, "force shorter than the transitions");
        Checks.check(breakBefore == null || breakBefore.length >= b.length, "breakBefore shorter than b");
        int m = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double sxf = 0;
        double syf = 0;
        double sff = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            double x = b[i];
            double y = b[i + 1];
            double f = force[i];
            if (Double.isNaN(x) || Double.isNaN(y) || !Double.isFinite(f)
                    || (breakBefore != null && breakBefore[i + 1])) {
                continue;
            }
            m++;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            sxf += x * f;
            syf += y * f;
            sff += f * f;
        }
        if (m < OuEstimator.MIN_POINTS) {
            return new OuFit(OuEstimator.FALLBACK_KAPPA, Double.NaN, 1.0, 1.0, m);
        }
        Sums s = new Sums(sxx, sxy, syy, sxf, syf, sff, dtHours);
        // scan ln κ over [ln 1e−6, ln(−ln 1e−6 / Δt)], then golden section around the best point
        double hi = Math.log(-Math.log(1e-6) / dtHours);
        double step = (hi - LN_KAPPA_MIN) / (SCAN - 1);
        int best = 0;
        double bestRss = Double.POSITIVE_INFINITY;
        for (int j = 0; j < SCAN; j++) {
            double r = s.rss(LN_KAPPA_MIN + j * step);
            if (r < bestRss) {
                bestRss = r;
                best = j;
            }
        }
        double a = LN_KAPPA_MIN + Math.max(best - 1, 0) * step;
        double c = LN_KAPPA_MIN + Math.min(best + 1, SCAN - 1) * step;
        double u = golden(s, a, c);
        double kappa = Math.max(Math.exp(u), OuEstimator.MIN_KAPPA);
        double phi = Math.exp(-kappa * dtHours);
        double rss = Math.max(s.rss(Math.log(kappa)), 0.0);
        double varEq = rss / m / (1 - phi * phi);
        double t = kappa * varEq;
        double beta = t > 0 ? 1.0 / t : OuEstimator.BETA_WHEN_T_NONPOSITIVE;
        return new OuFit(kappa, varEq, t, beta, m);
    }

    private static double golden(Sums s, double a, double b) {
        final double g = 0.6180339887498949;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = s.rss(c);
        double fd = s.rss(d);
        for (int it = 0; it < 200 && b - a > 1e-13; it++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = s.rss(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = s.rss(d);
            }
        }
        return 0.5 * (a + b);
    }

    private record Sums(double sxx, double sxy, double syy, double sxf, double syf, double sff, double dt) {
        /** RSS at κ = e^u: {@code Syy − 2φSxy − 2cSyf + φ²Sxx + 2φcSxf + c²Sff}. */
        double rss(double u) {
            double kappa = Math.exp(u);
            double phi = Math.exp(-kappa * dt);
            double c = -(-Math.expm1(-kappa * dt)) / kappa;
            return syy - 2 * phi * sxy - 2 * c * syf + phi * phi * sxx + 2 * phi * c * sxf + c * c * sff;
        }
    }
}
