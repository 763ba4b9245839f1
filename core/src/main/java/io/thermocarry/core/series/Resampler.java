package io.thermocarry.core.series;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import java.util.Arrays;

/**
 * Resamples bars upward (1 m → 5 m / 15 m / 1 h / 8 h, 5 m → 1 h, ...), the way the exchange aggregates
 * klines: buckets aligned to multiples of the target interval since the epoch (UTC, so 8 h buckets start at
 * 00/08/16 h and 1 d buckets at midnight); per bucket open = first bar's open, close = last bar's close, high =
 * max, low = min, volume = sum (left to right). A bucket missing fine bars is emitted and flagged
 * ({@link ResampledBars#present(int)}); empty buckets are not emitted. One linear pass, primitive columns.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * @param fine bars at an interval that divides {@code target} (strictly smaller)
     * @param target the coarser interval
     * @throws IllegalArgumentException when {@code target} is not a multiple of the fine interval
     */
    public static ResampledBars resample(BarSeries fine, BarInterval target) {
        Checks.notNull(fine, "fine");
        Checks.notNull(target, "target");
        long f = fine.interval().millis();
        long g = target.millis();
        Checks.check(g > f && g % f == 0, "cannot resample " + fine.interval().code() + " bars to " + target.code()
                + ": the target must be a larger multiple of the source interval");
        int n = fine.size();
        long[] t = fine.openTimes();
        double[] o = fine.opens();
        double[] h = fine.highs();
        double[] l = fine.lows();
        double[] c = fine.closes();
        double[] v = fine.volumes();
        long[] bt = new long[n];
        double[] bo = new double[n];
        double[] bh = new double[n];
        double[] bl = new double[n];
        double[] bc = new double[n];
        double[] bv = new double[n];
        int[] cnt = new int[n];
        int m = -1;
        long current = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (t[i] % f != 0) {
                throw new IllegalArgumentException("bar " + i + " of " + fine + " opens at "
                        + java.time.Instant.ofEpochMilli(t[i]) + ", off its " + fine.interval().code() + " grid");
            }
            long bucket = Math.floorDiv(t[i], g) * g;
            if (bucket != current) {
                m++;
                current = bucket;
                bt[m] = bucket;
                bo[m] = o[i];
                bh[m] = h[i];
                bl[m] = l[i];
                bc[m] = c[i];
                bv[m] = v[i];
                cnt[m] = 1;
            } else {
                if (h[i] > bh[m]) {
                    bh[m] = h[i];
                }
                if (l[i] < bl[m]) {
                    bl[m] = l[i];
                }
                bc[m] = c[i];
                bv[m] += v[i];
                cnt[m]++;
            }
        }
        int size = m + 1;
        BarSeries out = new BarSeries(fine.symbol(), fine.market(), target, Arrays.copyOf(bt, size),
                Arrays.copyOf(bo, size), Arrays.copyOf(bh, size), Arrays.copyOf(bl, size), Arrays.copyOf(bc, size),
                Arrays.copyOf(bv, size));
        return new ResampledBars(out, Arrays.copyOf(cnt, size), (int) (g / f));
    }
}
