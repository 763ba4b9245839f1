package io.thermocarry.core.features;

import java.util.Arrays;

/**
 * Ranks and moments of a value against a time-stamped history inside a trailing window
 * {@code [d − W, d)}: the history points strictly before the query time and no older than {@code W}. Queries
 * must come in non-decreasing time order; the window slides forward once, with running sums for mean and variance.
 * Ranks come from one of two exact counting methods, chosen by the expected work: with many queries (a decision
 * every few minutes) a Fenwick tree over the history's compressed values, O(log n) per point and query after an
 * O(n log n) sort; with few queries (a decision per settlement) a scan of the window's values per query and no
 * sort at all. Both count the same integers, so they give the same percentiles bit for bit.
 *
 * <p>Percentile of {@code x}: the <em>mean rank</em> {@code 100 × (#{h < x} + ½ #{h = x}) / n} (scipy's
 * {@code percentileofscore(kind='mean')}), so a value tied with most of its history (a one-tick spread) sits in
 * the middle, not at the top. NaN history values are ignored.
 */
final class WindowRank {
    private final long[] t;
    private final double[] v;
    private final boolean scan;
    private final double[] sortedDistinct;
    private final int[] rankOf;
    private final int[] tree;
    private final long windowMs;
    private int lo;
    private int hi;
    private int n;
    private double sum;
    private double sumSq;
    private long lastQuery = Long.MIN_VALUE;

    /**
     * @param timeMs history times, non-decreasing (epoch ms)
     * @param value history values (NaN ignored)
     * @param windowMs {@code W}
     */
    WindowRank(long[] timeMs, double[] value, long windowMs) {
        this(timeMs, value, windowMs, Integer.MAX_VALUE);
    }

    /**
     * @param timeMs history times, non-decreasing (epoch ms)
     * @param value history values (NaN ignored)
     * @param windowMs {@code W}
     * @param expectedQueries how many {@link #percentile} calls will follow (chooses the counting method)
     */
    WindowRank(long[] timeMs, double[] value, long windowMs, int expectedQueries) {
        this(timeMs, value, windowMs, prefersScan(timeMs, windowMs, expectedQueries));
    }

    /** Forces the counting method (for the equality test of the two). */
    WindowRank(long[] timeMs, double[] value, long windowMs, boolean scan) {
        this.t = timeMs;
        this.v = value;
        this.windowMs = windowMs;
        this.scan = scan;
        if (scan) {
            this.sortedDistinct = null;
            this.rankOf = null;
            this.tree = null;
            return;
        }
        double[] sorted = new double[value.length];
        int m = 0;
        for (double x : value) {
            if (Double.isFinite(x)) {
                sorted[m++] = x;
            }
        }
        Arrays.sort(sorted, 0, m);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (d == 0 || sorted[i] != sorted[d - 1]) {
                sorted[d++] = sorted[i];
            }
        }
        double[] finite = Arrays.copyOf(sorted, d);
        this.sortedDistinct = finite;
        this.rankOf = new int[value.length];
        for (int i = 0; i < value.length; i++) {
            rankOf[i] = Double.isFinite(value[i]) ? Arrays.binarySearch(finite, value[i]) + 1 : 0;
        }
        this.tree = new int[finite.length + 1];
    }

    /**
     * Whether scanning the window per query costs less than sorting and a Fenwick tree: queries × the mean window
     * size against n·log2(n) tree steps (a scan step is a sequential compare, a tree step a dependent load).
     */
    static boolean prefersScan(long[] timeMs, long windowMs, int expectedQueries) {
        int n = timeMs.length;
        if (n < 2) {
            return true;
        }
        double span = Math.max(1.0, (double) timeMs[n - 1] - timeMs[0]);
        double meanWindow = Math.min(n, n * (windowMs / span));
        double scanWork = (double) expectedQueries * meanWindow;
        double treeWork = n * (4.0 * (Math.log(n) / Math.log(2)) + 8.0);
        return scanWork < 2.0 * treeWork;
    }

    /** Moves the window to {@code [d − W, d)}; {@code d} must not decrease between calls. */
    void moveTo(long d) {
        if (d < lastQuery) {
            throw new IllegalStateException("queries must come in time order");
        }
        lastQuery = d;
        while (hi < t.length && t[hi] < d) {
            add(hi, +1);
            hi++;
        }
        long from = d - windowMs;
        while (lo < hi && t[lo] < from) {
            add(lo, -1);
            lo++;
        }
    }

    private void add(int i, int sign) {
        if (scan) {
            if (!Double.isFinite(v[i])) {
                return;
            }
        } else {
            int r = rankOf[i];
            if (r == 0) {
                return;
            }
            for (int k = r; k < tree.length; k += k & -k) {
                tree[k] += sign;
            }
        }
        n += sign;
        sum += sign * v[i];
        sumSq += sign * v[i] * v[i];
    }

    private int countAtMostRank(int r) {
        int c = 0;
        for (int k = r; k > 0; k -= k & -k) {
            c += tree[k];
        }
        return c;
    }

    /** History values in the current window. */
    int size() {
        return n;
    }

    /** Mean-rank percentile of {@code x} in the current window (0..100); NaN when {@code x} is NaN or the window empty. */
    double percentile(double x) {
        if (n == 0 || !Double.isFinite(x)) {
            return Double.NaN;
        }
        if (scan) {
            int less = 0;
            int equal = 0;
            for (int i = lo; i < hi; i++) {
                double h = v[i];
                less += h < x & h != Double.NEGATIVE_INFINITY ? 1 : 0;
                equal += h == x ? 1 : 0;
            }
            return 100.0 * (less + 0.5 * equal) / n;
        }
        int pos = Arrays.binarySearch(sortedDistinct, x);
        int less;
        int equal;
        if (pos >= 0) {
            less = countAtMostRank(pos);
            equal = countAtMostRank(pos + 1) - less;
        } else {
            less = countAtMostRank(-pos - 1);
            equal = 0;
        }
        return 100.0 * (less + 0.5 * equal) / n;
    }

    /** Mean of the window's values (NaN when empty). */
    double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Population standard deviation of the window's values (NaN when empty). */
    double std() {
        if (n == 0) {
            return Double.NaN;
        }
        double m = sum / n;
        return Math.sqrt(Math.max(sumSq / n - m * m, 0.0));
    }
}
