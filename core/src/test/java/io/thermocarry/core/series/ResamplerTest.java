package io.thermocarry.core.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Upward resampling: the exchange's aggregation, bucket alignment, incomplete buckets marked. */
class ResamplerTest {
    private static final Symbol S = Symbol.of("TESTUSDT");
    private static final long MIN = 60_000L;
    private static final long T = 1_700_000_000_000L - 1_700_000_000_000L % 86_400_000L;

    private static BarSeries minutes(long[] t, double[] o, double[] h, double[] l, double[] c, double[] v) {
        return new BarSeries(S, Market.PERP, BarInterval.M1, t, o, h, l, c, v);
    }

    @Test
    void fiveMinutes_takeFirstOpen_lastClose_maxHigh_minLow_sumVolume() {
        long[] t = new long[10];
        double[] o = new double[10];
        double[] h = new double[10];
        double[] l = new double[10];
        double[] c = new double[10];
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            t[i] = T + i * MIN;
            o[i] = 100 + i;
            c[i] = 100.5 + i;
            h[i] = 101 + i + (i == 2 ? 20 : 0);
            l[i] = 99 + i - (i == 6 ? 30 : 0);
            v[i] = i + 1;
        }
        ResampledBars r = Resampler.resample(minutes(t, o, h, l, c, v), BarInterval.M5);
        BarSeries b = r.bars();
        assertEquals(2, b.size());
        assertEquals(BarInterval.M5, b.interval());
        assertArrayEquals(new long[] {T, T + 5 * MIN}, b.openTimes());
        assertArrayEquals(new double[] {100, 105}, b.opens());
        assertArrayEquals(new double[] {104.5, 109.5}, b.closes());
        assertArrayEquals(new double[] {123, 110}, b.highs());
        assertArrayEquals(new double[] {99, 75}, b.lows());
        assertArrayEquals(new double[] {15, 40}, b.volumes());
        assertEquals(0, r.incompleteBuckets());
    }

    @Test
    void aBucketWithMissingMinutes_isKeptAndMarked_neverFilled() {
        // minutes 0,1,3 of the first 5-minute bucket, then 5..9 complete; the bucket 10..14 holds only minute 14
        long[] t = {T, T + MIN, T + 3 * MIN, T + 5 * MIN, T + 6 * MIN, T + 7 * MIN, T + 8 * MIN, T + 9 * MIN, T + 14 * MIN};
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        ResampledBars r = Resampler.resample(minutes(t, x, x, x, x, x), BarInterval.M5);
        assertArrayEquals(new int[] {3, 5, 1}, r.presentCounts());
        assertEquals(5, r.expected());
        assertFalse(r.complete(0));
        assertTrue(r.complete(1));
        assertEquals(2, r.incompleteBuckets());
        assertEquals(2 + 4, r.missingFineBars());
        assertEquals(3, r.bars().close(0), 0.0, "the close is the last minute present, not a filled one");
        assertEquals(T + 10 * MIN, r.bars().openTimeMs(2), "the bucket keeps its grid slot");
    }

    @Test
    void buckets_alignToTheEpoch_eightHoursAt00_08_16Utc() {
        long start = T + 5 * 3_600_000L;
        int n = 24 * 60;
        long[] t = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * MIN;
            x[i] = 1;
        }
        ResampledBars r = Resampler.resample(minutes(t, x, x, x, x, x), BarInterval.H8);
        assertArrayEquals(new long[] {T, T + 8 * 3_600_000L, T + 16 * 3_600_000L, T + 24 * 3_600_000L},
                r.bars().openTimes());
        assertArrayEquals(new int[] {180, 480, 480, 300}, r.presentCounts());
    }

    @Test
    void refuses_aTargetThatIsNotAMultiple_andBarsOffTheirGrid() {
        BarSeries five = new BarSeries(S, Market.SPOT, BarInterval.M5, new long[] {T}, new double[] {1},
                new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(five, BarInterval.M1));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(five, BarInterval.M5));
        BarSeries off = minutes(new long[] {T + 30_000}, new double[] {1}, new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(off, BarInterval.M5));
    }

    @Property(tries = 50)
    void resamplingInStages_equalsResamplingAtOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n) {
        Random rnd = new Random(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        long at = T + rnd.nextInt(500) * MIN;
        for (int i = 0; i < n; i++) {
            at += (rnd.nextInt(20) == 0 ? 1 + rnd.nextInt(90) : 1) * MIN;
            t[i] = at;
            o[i] = 100 + rnd.nextGaussian();
            c[i] = 100 + rnd.nextGaussian();
            h[i] = Math.max(o[i], c[i]) + rnd.nextDouble();
            l[i] = Math.min(o[i], c[i]) - rnd.nextDouble();
            v[i] = rnd.nextInt(1000) / 8.0;
        }
        BarSeries m = minutes(t, o, h, l, c, v);
        ResampledBars direct = Resampler.resample(m, BarInterval.H1);
        ResampledBars staged = Resampler.resample(Resampler.resample(Resampler.resample(m, BarInterval.M5).bars(),
                BarInterval.M15).bars(), BarInterval.H1);
        assertArrayEquals(direct.bars().openTimes(), staged.bars().openTimes());
        assertArrayEquals(direct.bars().opens(), staged.bars().opens());
        assertArrayEquals(direct.bars().highs(), staged.bars().highs());
        assertArrayEquals(direct.bars().lows(), staged.bars().lows());
        assertArrayEquals(direct.bars().closes(), staged.bars().closes());
        assertArrayEquals(direct.bars().volumes(), staged.bars().volumes(), "volumes are multiples of 1/8: exact sums");
        assertEquals(n, Arrays.stream(direct.presentCounts()).sum(), "every minute lands in one bucket");
        assertEquals(n, direct.size() * 60L - direct.missingFineBars());
    }
}
