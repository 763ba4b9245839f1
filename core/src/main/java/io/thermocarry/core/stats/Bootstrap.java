package io.thermocarry.core.stats;

import io.thermocarry.core.Checks;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded nonparametric bootstrap on primitive arrays: resample indices with replacement (optionally
 * stratified: each group resampled within itself, as for the forward/reverse sets of BAR), evaluate a
 * statistic per resample, return the replicates; percentile confidence intervals from them.
 *
 * <p>Reproducibility: resamples are cut into blocks of {@link #BLOCK}; block b draws from the b-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, the splits taken in block order
 * before any work starts. The replicates are therefore a pure function of (seed, sizes, resamples,
 * statistic), identical under {@link Execution#SEQUENTIAL} and {@link Execution#PARALLEL}. Indices come from
 * {@link IndexSampler} (exactly uniform, no boxing).
 */
public final class Bootstrap {
    /** Resamples per block (the unit of parallel work and of random-stream splitting). */
    public static final int BLOCK = 250;

    private Bootstrap() {
    }

    /**
     * A statistic of one resample. Must be stateless (or confine state to the call): blocks run
     * concurrently under {@link Execution#PARALLEL}.
     */
    @FunctionalInterface
    public interface Statistic {
        /**
         * @param indices indices into the original data, {@code indices.length} = total sample size; with
         *     groups, positions {@code [g_0 + … + g_{j−1}, … + g_j)} hold indices of group j (same range)
         * @param out where to write the statistic's values ({@code out.length} = statCount)
         */
        void evaluate(int[] indices, double[] out);
    }

    /**
     * Replicates of a statistic of one sample of size {@code n}.
     *
     * @return {@code [statCount][resamples]} replicate values
     */
    public static double[][] replicate(int n, int resamples, int statCount, long seed, Execution execution,
            Statistic statistic) {
        return replicate(new int[] {n}, resamples, statCount, seed, execution, statistic);
    }

    /**
     * Replicates of a statistic under stratified resampling: group j of size {@code groupSizes[j]} occupies
     * the index range following the groups before it and is resampled within that range.
     *
     * @return {@code [statCount][resamples]} replicate values
     */
    public static double[][] replicate(int[] groupSizes, int resamples, int statCount, long seed,
            Execution execution, Statistic statistic) {
        Checks.nonNegative(resamples, "resamples");
        Checks.positive(statCount, "statCount");
        int total = 0;
        for (int g : groupSizes) {
            Checks.positive(g, "group size");
            total += g;
        }
        int size = total;
        double[][] out = new double[statCount][resamples];
        int blocks = (resamples + BLOCK - 1) / BLOCK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            streams[b] = root.split();
        }
        IntStream range = IntStream.range(0, blocks);
        if (execution == Execution.PARALLEL) {
            range = range.parallel();
        }
        range.forEach(b -> {
            IndexSampler sampler = new IndexSampler(streams[b]);
            int[] idx = new int[size];
            double[] vals = new double[statCount];
            int to = Math.min(resamples, (b + 1) * BLOCK);
            for (int r = b * BLOCK; r < to; r++) {
                int base = 0;
                for (int g : groupSizes) {
                    sampler.fill(idx, base, g, base, g);
                    base += g;
                }
                statistic.evaluate(idx, vals);
                for (int s = 0; s < statCount; s++) {
                    out[s][r] = vals[s];
                }
            }
        });
        return out;
    }

    /**
     * Percentile interval of bootstrap replicates: the {@code (1 − level)/2} and {@code (1 + level)/2}
     * quantiles (numpy linear interpolation) of the finite replicates. Undefined when none is finite.
     */
    public static ConfidenceInterval percentileInterval(double[] replicates, double level) {
        Checks.check(level > 0 && level < 1, "level must be in (0, 1), was " + level);
        double[] s = finiteSorted(replicates);
        if (s.length == 0) {
            return ConfidenceInterval.undefined(level);
        }
        // percentile levels as decimals (2.5 and 97.5 for 95 %), as numpy is called with them
        double a = Math.rint((1 - level) * 50 * 1e9) / 1e9;
        return new ConfidenceInterval(Percentiles.ofSorted(s, s.length, a),
                Percentiles.ofSorted(s, s.length, 100 - a), level);
    }

    /** Number of finite values in {@code values}. */
    public static int countFinite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    private static double[] finiteSorted(double[] v) {
        double[] s = new double[v.length];
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s[n++] = x;
            }
        }
        s = java.util.Arrays.copyOf(s, n);
        java.util.Arrays.sort(s);
        return s;
    }
}
