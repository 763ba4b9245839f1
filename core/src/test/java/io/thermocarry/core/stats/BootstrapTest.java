package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[] DATA = new double[500];

    static {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = r.nextDouble() * r.nextDouble() * 10;
        }
    }

    private static double[][] meanReplicates(long seed, Execution e) {
        return Bootstrap.replicate(DATA.length, 1_000, 1, seed, e, (idx, out) -> {
            double s = 0;
            for (int i : idx) {
                s += DATA[i];
            }
            out[0] = s / idx.length;
        });
    }

    @Test
    void replicates_areIdentical_forTheSameSeed() {
        assertArrayEquals(meanReplicates(11, Execution.SEQUENTIAL)[0], meanReplicates(11, Execution.SEQUENTIAL)[0], 0);
    }

    @Test
    void replicates_differ_forAnotherSeed() {
        assertFalse(Arrays.equals(meanReplicates(11, Execution.SEQUENTIAL)[0], meanReplicates(12, Execution.SEQUENTIAL)[0]));
    }

    @Test
    void parallelExecution_givesBitIdenticalReplicates() {
        assertArrayEquals(meanReplicates(5, Execution.SEQUENTIAL)[0], meanReplicates(5, Execution.PARALLEL)[0], 0);
    }

    @Test
    void bootstrapOfTheMean_hasTheStandardErrorOfTheMean() {
        double[] reps = meanReplicates(3, Execution.PARALLEL)[0];
        double se = Math.sqrt(Moments.populationVariance(DATA) / DATA.length);
        double sdReps = Math.sqrt(Moments.sampleVariance(reps));
        // 1,000 replicates: the sd of the replicate sd is about 2.2 % of it
        assertEquals(se, sdReps, 0.1 * se);
        assertEquals(Moments.mean(DATA), Moments.mean(reps), 0.15 * se);
    }

    @Test
    void stratifiedResampling_keepsEachGroupInItsOwnRange() {
        int[] sizes = {30, 70};
        Bootstrap.replicate(sizes, 300, 1, 1, Execution.SEQUENTIAL, (idx, out) -> {
            for (int i = 0; i < 30; i++) {
                assertTrue(idx[i] >= 0 && idx[i] < 30);
            }
            for (int i = 30; i < 100; i++) {
                assertTrue(idx[i] >= 30 && idx[i] < 100);
            }
            out[0] = 0;
        });
    }

    @Test
    void percentileInterval_takesNumpyQuantilesOfFiniteReplicates() {
        double[] reps = new double[101];
        for (int i = 0; i <= 100; i++) {
            reps[i] = 100 - i;
        }
        reps[7] = Double.NaN; // the value 93 is lost: 100 finite values 0..100 without 93
        ConfidenceInterval ci = Bootstrap.percentileInterval(reps, 0.95);
        double[] finite = Percentiles.sortedWithoutNaN(reps);
        assertEquals(Percentiles.ofSorted(finite, 2.5), ci.low(), 0);
        assertEquals(Percentiles.ofSorted(finite, 97.5), ci.high(), 0);
        assertEquals(2.475, ci.low(), 1e-12);
    }

    @Test
    void indexSampler_isUniform_chiSquare() {
        IndexSampler s = new IndexSampler(new SplittableRandom(2024));
        int n = 7;
        int[] counts = new int[n];
        int[] buf = new int[70_001];
        s.fill(buf, 0, buf.length, 0, n);
        for (int v : buf) {
            counts[v]++;
        }
        for (int i = 0; i < 10_000; i++) {
            counts[s.nextIndex(n)]++;
        }
        double expected = (buf.length + 10_000) / (double) n;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // chi-square with 6 df: P(X > 22.46) = 0.001
        assertTrue(chi2 < 22.46, "chi2 " + chi2);
    }

    @Test
    void indexSampler_staysInRange_forLargeBounds() {
        IndexSampler s = new IndexSampler(new SplittableRandom(1));
        int n = Integer.MAX_VALUE - 1;
        int[] buf = new int[1000];
        s.fill(buf, 0, buf.length, 0, n);
        for (int v : buf) {
            assertTrue(v >= 0 && v < n);
        }
        long sum = 0;
        for (int v : buf) {
            sum += v;
        }
        // the mean of 1,000 uniforms on [0, n) is n/2 ± 3 % (≈ 3.3 standard errors)
        assertEquals(n / 2.0, sum / 1000.0, 0.03 * n);
    }
}
