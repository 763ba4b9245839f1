package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The paired circular block bootstrap against materialised resamples and the textbook formulas. */
class BlockBootstrapTest {

    private static double[] series(Random r, int m, double mean, double sd) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = mean + sd * r.nextGaussian();
        }
        return x;
    }

    /** Sample-sd Sharpe of x[idx] computed the plain way, in index order. */
    private static double bruteSharpe(double[] x, int[] idx, double ann) {
        double s = 0;
        for (int i : idx) {
            s += x[i];
        }
        double mean = s / idx.length;
        double ss = 0;
        for (int i : idx) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return mean / Math.sqrt(ss / (idx.length - 1)) * ann;
    }

    @Property(tries = 60)
    void replicates_equalTheSharpeOfTheMaterialisedResamples(@ForAll @IntRange(min = 2, max = 400) int m,
            @ForAll @IntRange(min = 1, max = 40) int block, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random r = new Random(seed);
        double[] a = series(r, m, 1e-4, 3e-4);
        double[] b = series(r, m, -2e-5, 1e-4);
        BlockBootstrap boot = BlockBootstrap.circular(m, block, 40, seed);
        double[][] rep = boot.sharpeReplicates(new double[][] {a, b}, 33.0);
        for (int k = 0; k < 40; k++) {
            int[] idx = boot.indices(k);
            assertEquals(m, idx.length);
            same(a, idx, rep[0][k], "a " + k);
            same(b, idx, rep[1][k], "b " + k);
        }
    }

    /**
     * Equal to the brute-force Sharpe within 1e-9 relative; a resample of one repeated value has no dispersion
     * and must be NaN (resamples whose dispersion is within 1e-8 of rounding are not compared).
     */
    private static void same(double[] x, int[] idx, double fast, String what) {
        if (Arrays.stream(idx).map(i -> i).distinct().count() == 1) {
            assertTrue(Double.isNaN(fast), what + ": " + fast);
            return;
        }
        double brute = bruteSharpe(x, idx, 33.0);
        double sq = 0;
        double s = 0;
        for (int i : idx) {
            s += x[i];
            sq += x[i] * x[i];
        }
        double ss = sq - s * s / idx.length;
        if (ss < 1e-8 * sq) {
            return;
        }
        assertEquals(brute, fast, 1e-9 * Math.max(1, Math.abs(brute)), what);
    }

    @Test
    void resamples_areBlocksOfConsecutiveCycles_wrappingAroundTheEnd() {
        BlockBootstrap boot = BlockBootstrap.circular(50, 12, 200, 7);
        assertEquals(5, boot.blocks(), "⌈50/12⌉");
        boolean wrapped = false;
        for (int k = 0; k < 200; k++) {
            int[] idx = boot.indices(k);
            for (int j = 0; j < 5; j++) {
                int len = j == 4 ? 2 : 12;
                for (int i = 1; i < len; i++) {
                    int prev = idx[j * 12 + i - 1];
                    int cur = idx[j * 12 + i];
                    assertEquals((prev + 1) % 50, cur, "consecutive within a block");
                    wrapped |= cur == 0 && prev == 49;
                }
            }
        }
        assertTrue(wrapped, "some block runs from the last cycle to the first");
    }

    @Test
    void sameSeed_sameReplicates_otherSeed_otherReplicates() {
        double[] x = series(new Random(3), 300, 1e-4, 3e-4);
        double[] r1 = BlockBootstrap.circular(300, 12, 100, 5).sharpeReplicates(new double[][] {x}, 1)[0];
        double[] r2 = BlockBootstrap.circular(300, 12, 100, 5).sharpeReplicates(new double[][] {x}, 1)[0];
        double[] r3 = BlockBootstrap.circular(300, 12, 100, 6).sharpeReplicates(new double[][] {x}, 1)[0];
        assertArrayEquals(r1, r2, 0.0);
        assertTrue(!Arrays.equals(r1, r3));
    }

    @Test
    void difference_isPercentileIntervalAndCentredTwoSidedPValue_byHand() {
        double[] a = {1.0, 1.2, 0.7, 1.5, 0.9, 1.1, 1.3, 0.8};
        double[] b = {0.5, 0.6, 0.9, 0.4, 0.7, 0.2, 0.8, 0.1};
        double[] out = BlockBootstrap.difference(2.0, 1.5, a, b, 0.9);
        double[] d = new double[8];
        int extreme = 0;
        for (int i = 0; i < 8; i++) {
            d[i] = a[i] - b[i];
            if (Math.abs(d[i] - 0.5) >= 0.5) {
                extreme++;
            }
        }
        Arrays.sort(d);
        assertEquals(0.5, out[0], 1e-15);
        assertEquals(Percentiles.ofSorted(d, 5), out[1], 1e-15);
        assertEquals(Percentiles.ofSorted(d, 95), out[2], 1e-15);
        assertEquals((1.0 + extreme) / 9.0, out[3], 1e-15);
    }

    @Test
    void identicalSeries_haveZeroDifference_andPValueOne() {
        double[] x = series(new Random(1), 500, 1e-4, 3e-4);
        BlockBootstrap boot = BlockBootstrap.circular(500, 12, 300, 1);
        double[][] rep = boot.sharpeReplicates(new double[][] {x, x.clone()}, 30);
        double s = BlockBootstrap.sharpe(x, 30);
        double[] d = BlockBootstrap.difference(s, s, rep[0], rep[1], 0.95);
        assertEquals(0.0, d[0], 0.0);
        assertEquals(0.0, d[1], 0.0);
        assertEquals(0.0, d[2], 0.0);
        assertEquals(1.0, d[3], 0.0);
    }

    @Test
    void aClearlyBetterSeries_isSignificant_andAnIndependentNoiseCopyIsNot() {
        Random r = new Random(11);
        int m = 3_000;
        double[] noise = series(r, m, 0, 3e-4);
        double[] good = new double[m];
        double[] same = new double[m];
        double[] base = new double[m];
        for (int i = 0; i < m; i++) {
            base[i] = 1e-5 + noise[i];
            good[i] = 6e-5 + noise[i] * 0.8;
            same[i] = 1e-5 + 3e-4 * r.nextGaussian();
        }
        BlockBootstrap boot = BlockBootstrap.circular(m, 12, 2_000, 2);
        double ann = Math.sqrt(1095);
        double[][] rep = boot.sharpeReplicates(new double[][] {good, base, same}, ann);
        double[] win = BlockBootstrap.difference(BlockBootstrap.sharpe(good, ann), BlockBootstrap.sharpe(base, ann),
                rep[0], rep[1], 0.95);
        assertTrue(win[1] > 0 && win[3] < 0.01, Arrays.toString(win));
        double[] tie = BlockBootstrap.difference(BlockBootstrap.sharpe(same, ann), BlockBootstrap.sharpe(base, ann),
                rep[2], rep[1], 0.95);
        assertTrue(tie[1] < 0 && tie[2] > 0 && tie[3] > 0.05, Arrays.toString(tie));
    }

    @Test
    void aSeriesWithoutDispersion_hasUndefinedSharpe_andUndefinedTest() {
        double[] flat = new double[100];
        double[] x = series(new Random(2), 100, 1e-4, 1e-4);
        BlockBootstrap boot = BlockBootstrap.circular(100, 12, 50, 1);
        double[][] rep = boot.sharpeReplicates(new double[][] {flat, x}, 1);
        assertTrue(Double.isNaN(BlockBootstrap.sharpe(flat, 1)));
        assertTrue(Arrays.stream(rep[0]).allMatch(Double::isNaN));
        double[] d = BlockBootstrap.difference(Double.NaN, BlockBootstrap.sharpe(x, 1), rep[0], rep[1], 0.95);
        assertTrue(Double.isNaN(d[0]) && Double.isNaN(d[1]) && Double.isNaN(d[2]) && Double.isNaN(d[3]));
    }
}
