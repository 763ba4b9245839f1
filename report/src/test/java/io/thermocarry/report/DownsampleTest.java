package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsampleTest {
    @Test
    void shortSeries_areReturnedUnchanged() {
        double[] x = {1, 2, 3, 4};
        double[][] y = {{5, 6, 7, 8}};
        Downsample.Result r = Downsample.minMax(x, y, 10);
        assertFalse(r.downsampled());
        assertSame(x, r.xs());
        assertSame(y, r.ys());
    }

    @Test
    void everyBucketKeepsItsMinAndMax_inTimeOrder_forEverySeries() {
        int n = 10_007;
        double[] x = new double[n];
        double[][] y = new double[2][n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = 1_600_000_000 + 3600.0 * i;
            y[0][i] = rnd.nextGaussian();
            y[1][i] = i % 97 == 0 ? Double.NaN : rnd.nextGaussian() * 10;
        }
        y[0][5000] = 42.0;
        y[0][77] = -42.0;
        int max = 500;
        Downsample.Result r = Downsample.minMax(x, y, max);
        assertTrue(r.downsampled());
        assertEquals(max, r.xs().length);
        int buckets = max / 2;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            assertEquals(x[from], r.xs()[2 * b]);
            assertEquals(x[to - 1], r.xs()[2 * b + 1]);
            for (int s = 0; s < 2; s++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                int iLo = -1;
                int iHi = -1;
                for (int i = from; i < to; i++) {
                    if (y[s][i] < lo) {
                        lo = y[s][i];
                        iLo = i;
                    }
                    if (y[s][i] > hi) {
                        hi = y[s][i];
                        iHi = i;
                    }
                }
                double[] expected = iLo <= iHi ? new double[] {lo, hi} : new double[] {hi, lo};
                assertArrayEquals(expected, new double[] {r.ys()[s][2 * b], r.ys()[s][2 * b + 1]});
            }
        }
        assertEquals(42.0, Arrays.stream(r.ys()[0]).max().orElseThrow());
        assertEquals(-42.0, Arrays.stream(r.ys()[0]).min().orElseThrow());
    }

    @Test
    void allNanBucket_staysAGap() {
        int n = 100;
        double[] x = new double[n];
        double[][] y = new double[1][n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[0][i] = i < 20 ? Double.NaN : i;
        }
        Downsample.Result r = Downsample.minMax(x, y, 10);
        assertTrue(Double.isNaN(r.ys()[0][0]) && Double.isNaN(r.ys()[0][1]));
        assertEquals(99.0, r.ys()[0][9]);
    }
}
