package io.thermocarry.core.stats;

/**
 * Floating-point sums and moments computed in the exact order NumPy's {@code add.reduce} uses for a
 * contiguous float64 array (pairwise summation: 8 accumulators in blocks of up to 128, halving above), so
 * that reference-mode computations (cycle means, whole-history κ, threshold comparisons) reproduce the
 * reference code bit for bit, including on windows of identical funding rates where a naive running sum would
 * create a spurious difference between a rate and its mean.
 */
public final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** {@code Σ a[off .. off+n)} in NumPy's pairwise order. */
    public static double sum(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else if (n <= BLOCK) {
            double r0 = a[off];
            double r1 = a[off + 1];
            double r2 = a[off + 2];
            double r3 = a[off + 3];
            double r4 = a[off + 4];
            double r5 = a[off + 5];
            double r6 = a[off + 6];
            double r7 = a[off + 7];
            int i;
            int stop = n - (n % 8);
            for (i = 8; i < stop; i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return sum(a, off, n2) + sum(a, off + n2, n - n2);
        }
    }

    /** Mean of {@code a[off .. off+n)} as {@code numpy.mean}: pairwise sum divided by {@code n}. */
    public static double mean(double[] a, int off, int n) {
        return (0.0 + sum(a, off, n)) / n;
    }

    /**
     * Population standard deviation of {@code a[off .. off+n)} as {@code numpy.std} (ddof 0): squared
     * deviations from the pairwise mean, summed pairwise, divided by {@code n}, square root. {@code scratch}
     * must hold at least {@code n} values.
     */
    public static double std(double[] a, int off, int n, double mean, double[] scratch) {
        for (int i = 0; i < n; i++) {
            double d = a[off + i] - mean;
            scratch[i] = d * d;
        }
        return Math.sqrt((0.0 + sum(scratch, 0, n)) / n);
    }
}
