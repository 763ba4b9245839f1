package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.physics.OuEstimator;
import io.thermocarry.core.physics.OuFit;

/**
 * {@link OuEstimator#fit} and {@link OuEstimator#kappa} over the last {@code window} basis points of a
 * stream, in O(1) per point and per query (SPEC §3): κ from the AR(1) coefficient
 * {@code φ = Σ b_t b_{t+1} / Σ b_t²} (through the origin, or on {@code b − mean} for
 * {@link KappaMethod#DEMEANED}) clipped to [1e−6, 1 − 1e−6], {@code κ = max(−ln φ / Δt, 1e−6)} per hour;
 * population variance; {@code T = κ·Var}; {@code β = 1/T}; the same fallbacks (fewer than 10 points: κ 0.01,
 * β 1; {@code T ≤ 0}: β 1e6; {@code Σ b_t² = 0}: φ 0.5 in the fit, κ 0.01 for {@link #relaxationKappa}).
 *
 * <p>How: compensated running sums (TwoSum) of {@code b_t b_{t+1}}, {@code b_t²} and of the anchored
 * {@code d = b − K}, {@code d²}, {@code d_t d_{t+1}}; each term is subtracted bit for bit as it was added
 * when it leaves the window. The anchor K is moved to the window mean, and every sum rebuilt from the
 * ring buffer, once per {@code window} points (amortized O(1)), so that the variance never suffers from
 * cancellation against a drifting basis level. Exact-zero cases (all-zero or constant windows) are
 * detected by counts, not by comparing rounded sums with zero, so they take the fallbacks of exact
 * arithmetic. Agrees with {@link OuEstimator#fit} on the same window to about 1e−14 relative.
 *
 * <p>Input must be finite (the basis series holds no NaN); the window holds observations only, in the
 * order fed. Causality is the feeder's business ({@link MarketView}).
 */
public final class RollingOuEstimator {
    private final int window;
    private final KappaMethod method;
    private final double dtHours;
    private final double[] ring;
    private int head;
    private int count;
    private int zeros;
    private int equalRun;
    private int sinceAnchor;
    private double anchor;
    private final CompensatedSum pairRaw = new CompensatedSum();
    private final CompensatedSum leadSqRaw = new CompensatedSum();
    private final CompensatedSum sumD = new CompensatedSum();
    private final CompensatedSum sumD2 = new CompensatedSum();
    private final CompensatedSum pairD = new CompensatedSum();

    /**
     * @param window number of most recent points kept (720 for 30 days of hours)
     * @param method AR(1) form
     * @param dtHours spacing of the points in hours (1 for hourly)
     */
    public RollingOuEstimator(int window, KappaMethod method, double dtHours) {
        this.window = Checks.positive(window, "window");
        this.method = Checks.notNull(method, "method");
        this.dtHours = Checks.positive(dtHours, "dtHours");
        this.ring = new double[window];
    }

    /** Appends the newest point (finite, percent); the oldest leaves once the window is full. O(1) amortized. */
    public void add(double b) {
        if (!Double.isFinite(b)) {
            throw new IllegalArgumentException("basis point must be finite, was " + b);
        }
        if (count == window) {
            evictOldest();
        }
        if (count == 0) {
            anchor = b;
            sinceAnchor = 0;
            equalRun = 0;
        }
        double d = b - anchor;
        if (count > 0) {
            double last = ring[slot(count - 1)];
            pairRaw.add(last * b);
            leadSqRaw.add(last * last);
            pairD.add((last - anchor) * d);
            equalRun = b == last ? equalRun + 1 : 1;
        } else {
            equalRun = 1;
        }
        sumD.add(d);
        sumD2.add(d * d);
        ring[slot(count)] = b;
        count++;
        if (b == 0.0) {
            zeros++;
        }
        if (++sinceAnchor >= window) {
            reanchor();
        }
    }

    private void evictOldest() {
        double first = ring[head];
        double d = first - anchor;
        if (count > 1) {
            double second = ring[slot(1)];
            pairRaw.add(-(first * second));
            leadSqRaw.add(-(first * first));
            pairD.add(-(d * (second - anchor)));
        }
        sumD.add(-d);
        sumD2.add(-(d * d));
        if (first == 0.0) {
            zeros--;
        }
        head = slot(1);
        count--;
    }

    private void reanchor() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += ring[slot(i)];
        }
        anchor = s / count;
        pairRaw.reset();
        leadSqRaw.reset();
        sumD.reset();
        sumD2.reset();
        pairD.reset();
        double prev = 0;
        for (int i = 0; i < count; i++) {
            double b = ring[slot(i)];
            double d = b - anchor;
            if (i > 0) {
                pairRaw.add(prev * b);
                leadSqRaw.add(prev * prev);
                pairD.add((prev - anchor) * d);
            }
            sumD.add(d);
            sumD2.add(d * d);
            prev = b;
        }
        sinceAnchor = 0;
    }

    private int slot(int i) {
        int s = head + i;
        return s >= window ? s - window : s;
    }

    /** Points in the window (at most {@code window}). */
    public int size() {
        return count;
    }

    /** The window length this estimator keeps. */
    public int window() {
        return window;
    }

    /** Forgets every point. */
    public void clear() {
        head = 0;
        count = 0;
        zeros = 0;
        equalRun = 0;
        sinceAnchor = 0;
        anchor = 0;
        pairRaw.reset();
        leadSqRaw.reset();
        sumD.reset();
        sumD2.reset();
        pairD.reset();
    }

    private boolean constant() {
        return count > 0 && equalRun >= count;
    }

    /** Population variance of the window (percent²); 0 when empty or constant. */
    public double variance() {
        if (count == 0 || constant()) {
            return 0.0;
        }
        double m = sumD.value() / count;
        return Math.max(0.0, sumD2.value() / count - m * m);
    }

    /** AR(1) φ before clipping, or NaN when its denominator is exactly zero. */
    private double phi() {
        int n = count;
        if (method == KappaMethod.THROUGH_ORIGIN) {
            double last = ring[slot(n - 1)];
            int zerosInLead = zeros - (last == 0.0 ? 1 : 0);
            double sxx = leadSqRaw.value();
            if (zerosInLead == n - 1 || !(sxx > 0)) {
                return Double.NaN;
            }
            return pairRaw.value() / sxx;
        }
        if (constant()) {
            return Double.NaN;
        }
        double dFirst = ring[head] - anchor;
        double dLast = ring[slot(n - 1)] - anchor;
        double s1 = sumD.value();
        double m = s1 / n;
        double lead = s1 - dLast;
        double trail = s1 - dFirst;
        double sxx = (sumD2.value() - dLast * dLast) - 2.0 * m * lead + (n - 1) * m * m;
        double sxy = pairD.value() - m * (lead + trail) + (n - 1) * m * m;
        if (!(sxx > 0)) {
            return Double.NaN;
        }
        return sxy / sxx;
    }

    /**
     * κ as {@link OuEstimator#kappa} computes it on the window (1/hour): 0.01 with fewer than 10 points or a
     * zero AR(1) denominator. This is the κ of the relaxation ratio.
     */
    public double relaxationKappa() {
        if (count < OuEstimator.MIN_POINTS) {
            return OuEstimator.FALLBACK_KAPPA;
        }
        double phi = phi();
        return Double.isNaN(phi) ? OuEstimator.FALLBACK_KAPPA : OuEstimator.kappaFromPhi(phi, dtHours);
    }

    /** κ as {@link OuEstimator#fit} computes it (φ 0.5 on a zero denominator; 0.01 under 10 points). */
    public double fitKappa() {
        if (count < OuEstimator.MIN_POINTS) {
            return OuEstimator.FALLBACK_KAPPA;
        }
        double phi = phi();
        return OuEstimator.kappaFromPhi(Double.isNaN(phi) ? 0.5 : phi, dtHours);
    }

    /** β = 1/(κ·Var) as {@link OuEstimator#fit} computes it (1 under 10 points, 1e6 when T ≤ 0). */
    public double beta() {
        if (count < OuEstimator.MIN_POINTS) {
            return 1.0;
        }
        double t = fitKappa() * variance();
        return t > 0 ? 1.0 / t : OuEstimator.BETA_WHEN_T_NONPOSITIVE;
    }

    /** The whole fit, equal to {@link OuEstimator#fit} on the same points (allocates one record). */
    public OuFit fit() {
        int n = count;
        if (n < OuEstimator.MIN_POINTS) {
            return new OuFit(OuEstimator.FALLBACK_KAPPA, variance(), 1.0, 1.0, n);
        }
        double kappa = fitKappa();
        double var = variance();
        double t = kappa * var;
        return new OuFit(kappa, var, t, t > 0 ? 1.0 / t : OuEstimator.BETA_WHEN_T_NONPOSITIVE, n);
    }

    /** Copies the window, oldest first, into {@code out} (length ≥ size()); returns size(). For tests and reports. */
    public int copyWindow(double[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = ring[slot(i)];
        }
        return count;
    }
}
