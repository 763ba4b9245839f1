package io.thermocarry.core.regime;

import io.thermocarry.core.Checks;

/**
 * Percentiles of the last {@code window} values of a stream, as {@code numpy.percentile} computes them with
 * its default {@code method="linear"} (Hyndman–Fan 7): virtual index {@code v = (n − 1)·p/100} into the
 * sorted values, {@code lo = ⌊v⌋}, {@code γ = v − lo}, and numpy's two-sided lerp
 * ({@code a + (b − a)γ} for {@code γ < 0.5}, {@code b − (b − a)(1 − γ)} otherwise), so results agree bit for
 * bit.
 *
 * <p>Structure: the window's values kept sorted in a primitive array beside a ring in arrival order.
 * {@link #add} finds the insertion and removal positions by binary search (O(log n) comparisons) and
 * shifts with {@link System#arraycopy} (O(n) memmove, about 50 ns for 360 doubles, cheaper than a tree
 * for windows of this size); {@link #percentile} is O(1). NaN values take a slot in the window (the
 * decision happened) but are not values: they are left out of the percentiles and of {@link #size()}.
 */
public final class RollingPercentile {
    private final int window;
    private final double[] arrival;
    private final double[] sorted;
    private int head;
    private int slots;
    private int n;

    /** @param window number of most recent stream entries considered (360 decisions) */
    public RollingPercentile(int window) {
        this.window = Checks.positive(window, "window");
        this.arrival = new double[window];
        this.sorted = new double[window];
    }

    /** Appends the newest entry; the oldest leaves once {@code window} entries are held. */
    public void add(double v) {
        if (slots == window) {
            double old = arrival[head];
            head = head + 1 == window ? 0 : head + 1;
            slots--;
            if (!Double.isNaN(old)) {
                remove(old);
            }
        }
        int at = head + slots;
        if (at >= window) {
            at -= window;
        }
        arrival[at] = v;
        slots++;
        if (!Double.isNaN(v)) {
            insert(v);
        }
    }

    private void insert(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(sorted, lo, sorted, lo + 1, n - lo);
        sorted[lo] = v;
        n++;
    }

    private void remove(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // sorted[lo] == v: the first element not below v is an equal one, since v is present
        System.arraycopy(sorted, lo + 1, sorted, lo, n - lo - 1);
        n--;
    }

    /** Non-NaN values in the window. */
    public int size() {
        return n;
    }

    /** The {@code pct}-th percentile (0–100) of the window's non-NaN values; NaN when there are none. */
    public double percentile(double pct) {
        return n == 0 ? Double.NaN : linear(sorted, n, pct);
    }

    /**
     * numpy's default percentile of the ascending {@code sorted[0, n)} ({@code n ≥ 1}, finite values):
     * see the class comment.
     */
    public static double linear(double[] sorted, int n, double pct) {
        Checks.check(n >= 1, "need at least one value");
        double q = pct / 100.0;
        double v = (n - 1) * q;
        if (v >= n - 1) {
            return sorted[n - 1];
        }
        if (v < 0) {
            return sorted[0];
        }
        double lo = Math.floor(v);
        int i = (int) lo;
        double gamma = v - lo;
        double a = sorted[i];
        double b = sorted[i + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
    }
}
