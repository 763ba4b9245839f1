package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;
import java.util.Arrays;

/**
 * Percentiles with linear interpolation between order statistics, exactly as numpy's default
 * ({@code method='linear'}): for {@code n} sorted values and percentile {@code p} in [0, 100] the position is
 * {@code (n − 1)·p/100}; between neighbours {@code a ≤ b} at fraction {@code t} the value is
 * {@code a + (b − a)·t} for {@code t < 0.5} and {@code b − (b − a)·(1 − t)} otherwise (numpy's {@code _lerp}).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * Percentile {@code pct} (0..100) of {@code sorted[0, n)}, which must be sorted ascending and free of NaN.
     * NaN when {@code n == 0}.
     */
    public static double ofSorted(double[] sorted, int n, double pct) {
        Checks.inRange(pct, 0, 100, "pct");
        if (n == 0) {
            return Double.NaN;
        }
        double pos = (n - 1) * (pct / 100.0);
        int lo = (int) Math.floor(pos);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double t = pos - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }

    /** Percentile of a whole sorted array; see {@link #ofSorted(double[], int, double)}. */
    public static double ofSorted(double[] sorted, double pct) {
        return ofSorted(sorted, sorted.length, pct);
    }

    /** Percentile of unsorted values (copied, NaNs dropped first); NaN when no value remains. */
    public static double of(double[] values, double pct) {
        double[] s = sortedWithoutNaN(values);
        return ofSorted(s, s.length, pct);
    }

    /** A sorted copy of {@code values} without its NaNs. */
    public static double[] sortedWithoutNaN(double[] values) {
        double[] s = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s[n++] = v;
            }
        }
        s = n == s.length ? s : Arrays.copyOf(s, n);
        Arrays.sort(s);
        return s;
    }

    /**
     * Winsorized copy: every value clipped to {@code [P_low, P_high]}, the {@code lowPct} and {@code highPct}
     * percentiles of {@code values} (numpy linear interpolation), as {@code np.clip(x, np.percentile(x, lo),
     * np.percentile(x, hi))}. Values must be free of NaN.
     */
    public static double[] winsorize(double[] values, double lowPct, double highPct) {
        Checks.check(lowPct <= highPct, "lowPct " + lowPct + " > highPct " + highPct);
        double[] s = values.clone();
        Arrays.sort(s);
        Checks.check(s.length == 0 || !Double.isNaN(s[s.length - 1]), "winsorize: values contain NaN");
        double lo = ofSorted(s, s.length, lowPct);
        double hi = ofSorted(s, s.length, highPct);
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(Math.max(values[i], lo), hi);
        }
        return out;
    }
}
