package io.thermocarry.core.series;

import io.thermocarry.core.Checks;

/**
 * Quantiles of the observations of the last {@code windowMs} of a time-stamped stream: after
 * {@link #add(long, double) add(t, x)} the window holds every observation with time in {@code (t − W, t]}.
 * Incremental and causal: an observation enters when it is added and nothing later is ever seen.
 *
 * <p>Quantiles interpolate linearly between order statistics as {@code numpy.quantile} does by default
 * (Hyndman–Fan 7): virtual index {@code v = (n − 1)·q}, {@code lo = ⌊v⌋}, {@code γ = v − lo}, value
 * {@code a + (b − a)·γ} for {@code γ < 0.5} and {@code b − (b − a)·(1 − γ)} otherwise ({@code a, b} the order
 * statistics at {@code lo, lo + 1}); the median is {@code q = 0.5}.
 *
 * <p>Structure: a ring of (time, value) in arrival order beside the same values kept sorted in a primitive
 * array. The steady state (one observation leaves, one enters) is one binary search and one
 * {@link System#arraycopy} over the values lying between the leaving and the entering value, O(log n) compares
 * plus a short memmove; nothing is allocated unless the window outgrows its initial capacity.
 */
public final class RollingQuantiles {
    private final long windowMs;
    private long[] times;
    private double[] ring;
    private double[] sorted;
    private int head;
    private int n;
    private long lastTime = Long.MIN_VALUE;

    /**
     * @param windowMs window length {@code W} in ms ({@code > 0})
     * @param initialCapacity expected observations per window (the ring grows past it when needed)
     */
    public RollingQuantiles(long windowMs, int initialCapacity) {
        Checks.check(windowMs > 0, "window must be > 0 ms, was " + windowMs);
        this.windowMs = windowMs;
        int cap = Math.max(4, initialCapacity);
        this.times = new long[cap];
        this.ring = new double[cap];
        this.sorted = new double[cap];
    }

    /**
     * Adds the observation {@code x} stamped {@code timeMs} (strictly after the previous one) and drops every
     * observation at or before {@code timeMs − W}.
     *
     * @throws IllegalArgumentException when {@code x} is not finite or time does not advance
     */
    public void add(long timeMs, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("observation must be finite, was " + x);
        }
        if (timeMs <= lastTime) {
            throw new IllegalArgumentException("observation times must increase");
        }
        lastTime = timeMs;
        long cut = timeMs - windowMs;
        int leaving = 0;
        while (leaving < n && times[index(leaving)] <= cut) {
            leaving++;
        }
        if (leaving == 1) {
            double old = ring[head];
            advanceHead();
            replace(old, x);
            append(timeMs, x);
            return;
        }
        for (int i = 0; i < leaving; i++) {
            double old = ring[head];
            advanceHead();
            remove(old);
        }
        if (n == times.length) {
            grow();
        }
        insert(x);
        append(timeMs, x);
    }

    private int index(int offset) {
        int i = head + offset;
        return i >= times.length ? i - times.length : i;
    }

    private void advanceHead() {
        head = head + 1 == times.length ? 0 : head + 1;
        n--;
    }

    private void append(long t, double x) {
        int at = index(n);
        times[at] = t;
        ring[at] = x;
        n++;
    }

    private void grow() {
        int cap = times.length * 2;
        long[] t = new long[cap];
        double[] r = new double[cap];
        for (int i = 0; i < n; i++) {
            int j = index(i);
            t[i] = times[j];
            r[i] = ring[j];
        }
        double[] s = new double[cap];
        System.arraycopy(sorted, 0, s, 0, n);
        times = t;
        ring = r;
        sorted = s;
        head = 0;
    }

    /** First index in {@code sorted[from, to)} whose value is {@code >= x} ({@code to} if none). */
    private int lowerBound(int from, int to, double x) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sorted holds n + 1 values including {@code old}: replaces one copy of {@code old} by {@code x}. */
    private void replace(double old, double x) {
        int size = n + 1;
        int a = lowerBound(0, size, old);
        if (x >= old) {
            int p = lowerBound(a + 1, size, x);
            System.arraycopy(sorted, a + 1, sorted, a, p - a - 1);
            sorted[p - 1] = x;
        } else {
            int p = lowerBound(0, a, x);
            System.arraycopy(sorted, p, sorted, p + 1, a - p);
            sorted[p] = x;
        }
    }

    /** Sorted holds n + 1 values including {@code old}: removes one copy. */
    private void remove(double old) {
        int size = n + 1;
        int a = lowerBound(0, size, old);
        System.arraycopy(sorted, a + 1, sorted, a, size - a - 1);
    }

    /** Sorted holds n values: inserts {@code x}. */
    private void insert(double x) {
        int p = lowerBound(0, n, x);
        System.arraycopy(sorted, p, sorted, p + 1, n - p);
        sorted[p] = x;
    }

    /** Observations in the window. */
    public int size() {
        return n;
    }

    /** Window length in ms. */
    public long windowMs() {
        return windowMs;
    }

    /** The {@code q}-quantile ({@code 0 ≤ q ≤ 1}) of the window, NaN when it is empty (see the class comment). */
    public double quantile(double q) {
        if (n == 0) {
            return Double.NaN;
        }
        return linear(sorted, n, q);
    }

    /** The median of the window, NaN when empty. */
    public double median() {
        return quantile(0.5);
    }

    /** Interquartile range {@code Q(0.75) − Q(0.25)} of the window, NaN when empty. */
    public double interquartileRange() {
        if (n == 0) {
            return Double.NaN;
        }
        return linear(sorted, n, 0.75) - linear(sorted, n, 0.25);
    }

    /**
     * The linear ({@code numpy} default) {@code q}-quantile of the ascending {@code sorted[0, n)}, {@code n ≥ 1}
     * (see the class comment).
     */
    public static double linear(double[] sorted, int n, double q) {
        if (n < 1 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("need at least one value and a quantile in [0, 1]: n " + n + ", q " + q);
        }
        double v = (n - 1) * q;
        double lo = Math.floor(v);
        int i = (int) lo;
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        double gamma = v - lo;
        double a = sorted[i];
        double b = sorted[i + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
    }
}
