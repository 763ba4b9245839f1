package io.thermocarry.report;

import io.thermocarry.core.Checks;

/**
 * Min/max-preserving downsampling of series that share one x axis, for display only. The points are cut into
 * {@code maxPoints / 2} consecutive buckets of (nearly) equal count; each bucket becomes two points placed at
 * its first and last x, and every series keeps its minimum and maximum over the bucket in the order they
 * occur (so spikes, drawdowns and the envelope survive; the x of an extreme moves by less than one bucket).
 * NaNs are skipped; a bucket that is all NaN for a series stays NaN (a gap). Series at or under
 * {@code maxPoints} are returned unchanged.
 */
public final class Downsample {
    private Downsample() {
    }

    /**
     * The result: shared x and one array per series.
     *
     * @param xs x values
     * @param ys series values, in input order
     * @param downsampled whether anything was dropped
     * @param originalPoints points per series before downsampling
     */
    public record Result(double[] xs, double[][] ys, boolean downsampled, int originalPoints) {
    }

    /** Downsamples {@code ys} (each as long as {@code xs}) to at most {@code maxPoints} points. */
    public static Result minMax(double[] xs, double[][] ys, int maxPoints) {
        int n = xs.length;
        for (double[] y : ys) {
            Checks.check(y.length == n, "series length " + y.length + " differs from x length " + n);
        }
        Checks.check(maxPoints >= 4, "maxPoints must be >= 4");
        if (n <= maxPoints) {
            return new Result(xs, ys, false, n);
        }
        int buckets = maxPoints / 2;
        double[] ox = new double[2 * buckets];
        double[][] oy = new double[ys.length][2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            ox[2 * b] = xs[from];
            ox[2 * b + 1] = xs[to - 1];
            for (int s = 0; s < ys.length; s++) {
                double[] y = ys[s];
                int iMin = -1;
                int iMax = -1;
                for (int i = from; i < to; i++) {
                    double v = y[i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if (iMin < 0 || v < y[iMin]) {
                        iMin = i;
                    }
                    if (iMax < 0 || v > y[iMax]) {
                        iMax = i;
                    }
                }
                if (iMin < 0) {
                    oy[s][2 * b] = Double.NaN;
                    oy[s][2 * b + 1] = Double.NaN;
                } else if (iMin <= iMax) {
                    oy[s][2 * b] = y[iMin];
                    oy[s][2 * b + 1] = y[iMax];
                } else {
                    oy[s][2 * b] = y[iMax];
                    oy[s][2 * b + 1] = y[iMin];
                }
            }
        }
        return new Result(ox, oy, true, n);
    }
}
