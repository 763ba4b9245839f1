package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;

/**
 * The windowed fit of {@link OuEstimator#fit} over the last {@code W} hourly slots, updated in O(1) per new
 * hour. After {@code add(b_i)} the state equals {@code OuEstimator.fit(b, max(0, i − W + 1), i + 1, dt,
 * method)} up to floating error: NaN slots are dropped and pairs are consecutive <em>non-NaN</em> points inside
 * the window, exactly as there; fallbacks (fewer than 10 points: κ 0.01, β 1; φ 0.5 when Σx² = 0; β 1e6 when
 * T ≤ 0) are the same.
 *
 * <p>State: a ring of the W values, for each value the value of its pair partner (the next non-NaN value, if
 * it arrived while the value was in the window), and running sums {@code n, Σb, Σb²} over the window's
 * points and {@code Σx², Σxy} over its pairs (x the earlier, y the later point). Through the origin,
 * {@code φ = Σxy / Σx²}; demeaned around the window mean {@code m} (as {@code fit} does),
 * {@code Σ(x−m)(y−m) = Σxy − m(Σx + Σy) + m²(n−1)} and {@code Σ(x−m)² = Σx² − 2mΣx + m²(n−1)} with
 * {@code Σx = Σb − b_last}, {@code Σy = Σb − b_first}; the variance is {@code (Σb² − (Σb)²/n)/n}.
 *
 * <p>Accuracy: the sums run over shifted values {@code u = b − K} (K = the window mean at the last rebuild), so
 * variance and demeaned sums do not cancel against a large level ({@code Σb² − (Σb)²/n} loses
 * {@code log10(m²/Var)} digits, the shifted form only {@code log10((m − K)²/Var)}); a query that finds
 * {@code (m − K)² > 1e4·Var} (the level moved away from K, e.g. after a regime change) first rebuilds, so at
 * most ~4 digits are ever at risk before the check and none after it. Raw sums are recovered as
 * {@code Σx² = Σu_x² + 2KΣu_x + K²(n−1)} and {@code Σxy = Σu_xu_y + K(Σu_x + Σu_y) + K²(n−1)}. Every running sum
 * is a compensated (TwoSum, Knuth/Neumaier) sum and each term is removed as the identical double that was
 * added, so the error stays at a few ulps of the current sums plus {@code O(updates·ε²)} of the history,
 * however large the values that have left the window were (plain running sums lose everything after a
 * large-to-small regime change). The sums are also rebuilt every {@value #REBUILD_PERIOD} updates, which
 * bounds the {@code ε²} term. A query is O(1) except when it triggers a rebuild (O(W)). Not thread-safe.
 *
 * <p>Warm-up: {@link #warmup()} = W updates until the window is full; before that the fit covers all points
 * added so far (and falls back below 10 points).
 */
public final class RollingOu {
    /** Updates between periodic rebuilds of the running sums from the ring. */
    public static final int REBUILD_PERIOD = 1 << 20;
    /** A query rebuilds first when the squared distance of the window mean from the shift exceeds this × Var. */
    static final double RECENTRE_RATIO = 1e4;

    private final int window;
    private final double dtHours;
    private final KappaMethod method;
    private final double[] vals;
    private final double[] partner;
    private double shift;
    private long updates;
    private int sinceRebuild;
    private int n;
    private double first = Double.NaN;
    private double last = Double.NaN;
    private int lastSlot = -1;
    // compensated sums: value s*, compensation c*
    private double s1;
    private double c1;
    private double s2;
    private double c2;
    private double sxx;
    private double cxx;
    private double sxy;
    private double cxy;

    /**
     * @param window W, the number of hourly slots in the window (NaN slots count as slots)
     * @param dtHours spacing of the points in hours
     * @param method through the origin (SPEC) or demeaned
     */
    public RollingOu(int window, double dtHours, KappaMethod method) {
        this.window = Checks.positive(window, "window");
        this.dtHours = Checks.positive(dtHours, "dtHours");
        this.method = Checks.notNull(method, "method");
        this.vals = new double[window];
        this.partner = new double[window];
    }

    /** Window length W in slots. */
    public int window() {
        return window;
    }

    /** Updates before the window is full (W). */
    public int warmup() {
        return window;
    }

    /** Number of updates so far. */
    public long updates() {
        return updates;
    }

    /** Non-NaN points currently in the window. */
    public int points() {
        return n;
    }

    /** Slots currently in the window ({@code min(updates, W)}). */
    public int filled() {
        return (int) Math.min(updates, window);
    }

    /** Appends the next hourly value (NaN allowed), evicting the oldest slot once the window is full. */
    public void add(double v) {
        int slot = (int) (updates % window);
        if (updates >= window) {
            double old = vals[slot];
            if (old == old) {
                n--;
                double uo = old - shift;
                double sq = uo * uo;
                addS1(-uo);
                addS2(-sq);
                double p = partner[slot];
                if (p == p) {
                    addSxx(-sq);
                    addSxy(-(uo * (p - shift)));
                    first = p;
                } else {
                    first = Double.NaN;
                    last = Double.NaN;
                    lastSlot = -1;
                }
            }
        }
        vals[slot] = v;
        partner[slot] = Double.NaN;
        if (v == v) {
            insert(v, slot);
        }
        updates++;
        if (++sinceRebuild >= REBUILD_PERIOD) {
            rebuild();
        }
    }

    private void insert(double v, int slot) {
        double u = v - shift;
        if (n > 0) {
            partner[lastSlot] = v;
            double ul = last - shift;
            addSxx(ul * ul);
            addSxy(ul * u);
        } else {
            first = v;
        }
        n++;
        addS1(u);
        addS2(u * u);
        last = v;
        lastSlot = slot;
    }

    private void addS1(double x) {
        double t = s1 + x;
        double bp = t - s1;
        c1 += (s1 - (t - bp)) + (x - bp);
        s1 = t;
    }

    private void addS2(double x) {
        double t = s2 + x;
        double bp = t - s2;
        c2 += (s2 - (t - bp)) + (x - bp);
        s2 = t;
    }

    private void addSxx(double x) {
        double t = sxx + x;
        double bp = t - sxx;
        cxx += (sxx - (t - bp)) + (x - bp);
        sxx = t;
    }

    private void addSxy(double x) {
        double t = sxy + x;
        double bp = t - sxy;
        cxy += (sxy - (t - bp)) + (x - bp);
        sxy = t;
    }

    /**
     * Re-centres the shift K on the window mean and recomputes every running sum from the ring (O(W)); called
     * periodically, harmless at any time.
     */
    public void rebuild() {
        sinceRebuild = 0;
        int size0 = filled();
        int start0 = updates >= window ? (int) (updates % window) : 0;
        double sum = 0;
        int cnt = 0;
        for (int k = 0; k < size0; k++) {
            double v = vals[(start0 + k) % window];
            if (v == v) {
                sum += v;
                cnt++;
            }
        }
        shift = cnt > 0 ? sum / cnt : 0.0;
        s1 = 0;
        c1 = 0;
        s2 = 0;
        c2 = 0;
        sxx = 0;
        cxx = 0;
        sxy = 0;
        cxy = 0;
        n = 0;
        first = Double.NaN;
        last = Double.NaN;
        lastSlot = -1;
        int size = filled();
        int start = updates >= window ? (int) (updates % window) : 0;
        for (int k = 0; k < size; k++) {
            int slot = (start + k) % window;
            double v = vals[slot];
            partner[slot] = Double.NaN;
            if (v == v) {
                insert(v, slot);
            }
        }
    }

    /** Rebuilds when the window mean has drifted far from the shift K relative to the spread. */
    private void recentreIfNeeded() {
        if (n < 2) {
            return;
        }
        double su = s1 + c1;
        double mu = su / n;
        double ss = (s2 + c2) - su * mu;
        if (!(mu * mu * n <= RECENTRE_RATIO * ss)) {
            rebuild();
        }
    }

    /** κ of the current window (same value as {@link OuEstimator#kappa} / {@link #fit()}). */
    public double kappa() {
        recentreIfNeeded();
        if (n < OuEstimator.MIN_POINTS) {
            return OuEstimator.FALLBACK_KAPPA;
        }
        return OuEstimator.kappaFromPhi(phi(), dtHours);
    }

    /**
     * AR(1) coefficient {@code Σ(x−m)(y−m) / Σ(x−m)²} with m = 0 (through the origin) or the window mean
     * (demeaned); 0.5 when the denominator is not positive.
     */
    private double phi() {
        // shifted sums: u = b − K
        double uxx = sxx + cxx;
        double uxy = sxy + cxy;
        double su = s1 + c1;
        int pairs = n - 1;
        double sx = su - (last - shift);
        double sy = su - (first - shift);
        double pxx;
        double pxy;
        if (method == KappaMethod.DEMEANED) {
            double mu = su / n;
            pxx = uxx - 2 * mu * sx + mu * mu * pairs;
            pxy = uxy - mu * (sx + sy) + mu * mu * pairs;
        } else {
            double k = shift;
            pxx = uxx + 2 * k * sx + k * k * pairs;
            pxy = uxy + k * (sx + sy) + k * k * pairs;
        }
        return pxx > 0 ? pxy / pxx : 0.5;
    }

    /** Full fit of the current window: κ, population variance, T = κ·Var, β (fallbacks as {@code fit}). */
    public OuFit fit() {
        recentreIfNeeded();
        double var = variance();
        if (n < OuEstimator.MIN_POINTS) {
            return new OuFit(OuEstimator.FALLBACK_KAPPA, var, 1.0, 1.0, n);
        }
        double kappa = OuEstimator.kappaFromPhi(phi(), dtHours);
        double t = kappa * var;
        double beta = t > 0 ? 1.0 / t : OuEstimator.BETA_WHEN_T_NONPOSITIVE;
        return new OuFit(kappa, var, t, beta, n);
    }

    /** Population variance of the window's points (0 when empty). */
    public double variance() {
        recentreIfNeeded();
        if (n == 0) {
            return 0.0;
        }
        double su = s1 + c1;
        double ss = (s2 + c2) - su * (su / n);
        return Math.max(ss, 0.0) / n;
    }

    /**
     * Rolling fits of a whole column: element i is the fit of the window ending at i inclusive,
     * {@code b[max(0, i − W + 1), i + 1)}.
     *
     * @param kappaPerHour κ per index
     * @param variance population variance per index
     * @param temperature T per index
     * @param beta β per index
     * @param points non-NaN points per window
     */
    public record Columns(double[] kappaPerHour, double[] variance, double[] temperature, double[] beta,
            int[] points) {
    }

    /** Rolling fits over {@code b}; see {@link Columns}. */
    public static Columns fitAll(double[] b, int window, double dtHours, KappaMethod method) {
        RollingOu r = new RollingOu(window, dtHours, method);
        int len = b.length;
        double[] k = new double[len];
        double[] v = new double[len];
        double[] t = new double[len];
        double[] be = new double[len];
        int[] p = new int[len];
        for (int i = 0; i < len; i++) {
            r.add(b[i]);
            OuFit f = r.fit();
            k[i] = f.kappaPerHour();
            v[i] = f.variance();
            t[i] = f.temperature();
            be[i] = f.beta();
            p[i] = f.points();
        }
        return new Columns(k, v, t, be, p);
    }
}
