package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.stats.Bootstrap;
import io.thermocarry.core.stats.ConfidenceInterval;
import io.thermocarry.core.stats.IndexSampler;
import java.util.SplittableRandom;

/**
 * Paired circular block bootstrap of annualised Sharpe ratios (Politis–Romano): a resample of {@code m}
 * per-cycle returns is {@code B = ⌈m/L⌉} blocks of {@code L} consecutive cycles (wrapping from the last cycle
 * to the first), each block starting at a uniform index in {@code [0, m)}, the last block cut so the resample
 * has exactly {@code m} cycles. The block starts are drawn once (seeded) and reused for every series of the same
 * window, so series are resampled on the <em>same</em> cycles: a Sharpe difference between two strategies
 * keeps their pairing, which is what makes it powerful.
 *
 * <p>Statistic per resample: {@code Ŝ* = mean* / sd* × √(cycles per year)} with the sample standard deviation
 * ({@code ddof = 1}), as {@link io.thermocarry.core.backtest.Performance#sharpe()}. Computed without
 * materialising resamples: each series is centred on its mean, the sums of {@code x} and {@code x²} over the
 * block starting at each index are tabulated once (for the full and the cut length), and a resample's moments are
 * {@code B} table look-ups; the tables of a group of six series are interleaved so one look-up serves them all and
 * the group's tables stay in cache. Cost
 * {@code O(m·L·Q + resamples·B·Q)} for {@code Q} series, primitive arrays only.
 *
 * A resample whose centred sum of squares is below {@code 1e−12} of its uncentred size has no dispersion and an
 * undefined (NaN) Sharpe, as a series of one repeated value.
 *
 * <p>Difference test of {@code d = Ŝ_a − Ŝ_b}: the percentile interval of {@code d*} and the two-sided
 * p-value of the centred bootstrap, {@code p = (1 + #{|d* − d| ≥ |d|}) / (1 + R)} over the {@code R} finite
 * replicates (the null distribution is {@code d*} shifted to mean 0).
 */
public final class BlockBootstrap {
    /** Relative size below which a resample's centred sum of squares counts as no dispersion. */
    private static final double NUMERICAL_ZERO = 1e-12;

    private final int m;
    private final int blockLength;
    private final int resamples;
    private final int blocks;
    private final int lastLength;
    private final int[] starts;

    private BlockBootstrap(int m, int blockLength, int resamples, int[] starts) {
        this.m = m;
        this.blockLength = blockLength;
        this.resamples = resamples;
        this.blocks = (m + blockLength - 1) / blockLength;
        this.lastLength = m - (blocks - 1) * blockLength;
        this.starts = starts;
    }

    /**
     * Draws the block starts for series of {@code m} cycles: {@code resamples × ⌈m/L⌉} uniform indices from
     * {@code new SplittableRandom(seed)} ({@link IndexSampler}), resample by resample.
     *
     * @param m series length, {@code >= 1}
     */
    public static BlockBootstrap circular(int m, int blockLength, int resamples, long seed) {
        Checks.positive(m, "m");
        Checks.positive(blockLength, "blockLength");
        Checks.positive(resamples, "resamples");
        int blocks = (m + blockLength - 1) / blockLength;
        int[] starts = new int[Math.multiplyExact(resamples, blocks)];
        new IndexSampler(new SplittableRandom(seed)).fill(starts, 0, starts.length, 0, m);
        return new BlockBootstrap(m, blockLength, resamples, starts);
    }

    /** Series length. */
    public int length() {
        return m;
    }

    /** Number of resamples. */
    public int resamples() {
        return resamples;
    }

    /** Cycles per block. */
    public int blockLength() {
        return blockLength;
    }

    /** Blocks per resample, {@code ⌈m/L⌉}. */
    public int blocks() {
        return blocks;
    }

    /**
     * Indices of resample {@code r} as a materialised series (for tests and inspection; the statistics never
     * build it).
     */
    public int[] indices(int r) {
        int[] out = new int[m];
        int o = 0;
        for (int j = 0; j < blocks; j++) {
            int s = starts[r * blocks + j];
            int len = j == blocks - 1 ? lastLength : blockLength;
            for (int i = 0; i < len; i++) {
                int idx = s + i;
                out[o++] = idx >= m ? idx - m : idx;
            }
        }
        return out;
    }

    /** Annualised Sharpe of {@code x}: {@code mean / sd × annualiser} (sample sd); NaN with under 2 values or no dispersion. */
    public static double sharpe(double[] x, double annualiser) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double mean = s / n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd > 0 ? mean / sd * annualiser : Double.NaN;
    }

    /**
     * Sharpe replicates of every series under the same resamples.
     *
     * @param series {@code Q} series of length {@link #length()}
     * @param annualiser {@code √(cycles per year)} of the window
     * @return {@code [Q][resamples]} annualised Sharpe ratios (NaN where a resample has no dispersion)
     */
    public double[][] sharpeReplicates(double[][] series, double annualiser) {
        int q = series.length;
        double[][] out = new double[q][resamples];
        for (int from = 0; from < q; from += GROUP) {
            replicateGroup(series, from, Math.min(q, from + GROUP), annualiser, out);
        }
        return out;
    }

    /**
     * Series per pass: their interleaved block tables ({@code m × 2·GROUP} doubles, about 0.6 MB for 6,600 cycles)
     * stay in a core's L2 cache while the resamples' random block starts are looked up.
     */
    private static final int GROUP = 6;

    private void replicateGroup(double[][] series, int from, int to, double annualiser, double[][] out) {
        int q = to - from;
        double[] mean = new double[q];
        double[] c = new double[q * m];
        for (int s = 0; s < q; s++) {
            double[] x = series[from + s];
            Checks.check(x.length == m, "series " + (from + s) + " has " + x.length + " values, expected " + m);
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            mean[s] = sum / m;
            for (int i = 0; i < m; i++) {
                c[i * q + s] = x[i] - mean[s];
            }
        }
        // full[j·2q + s] = Σ c, full[j·2q + q + s] = Σ c² of series s over the block of blockLength starting at j
        // (wrapping); cut: the same over the last block's shorter length. Interleaved so that one resample block
        // is one contiguous run of 2q doubles (a loop the JIT vectorises).
        int w = 2 * q;
        double[] full = new double[m * w];
        double[] cut = new double[m * w];
        for (int j = 0; j < m; j++) {
            int base = j * w;
            for (int i = 0; i < blockLength; i++) {
                int idx = (j + i) % m;
                int cb = idx * q;
                boolean inCut = i < lastLength;
                for (int s = 0; s < q; s++) {
                    double v = c[cb + s];
                    full[base + s] += v;
                    full[base + q + s] += v * v;
                    if (inCut) {
                        cut[base + s] += v;
                        cut[base + q + s] += v * v;
                    }
                }
            }
        }
        double[] acc = new double[w];
        for (int r = 0; r < resamples; r++) {
            int row = r * blocks;
            if (q == GROUP) {
                sumsOfSix(full, cut, row, acc);
            } else {
                int last = starts[row + blocks - 1] * w;
                for (int t = 0; t < w; t++) {
                    acc[t] = cut[last + t];
                }
                for (int j = 0; j < blocks - 1; j++) {
                    int base = starts[row + j] * w;
                    for (int t = 0; t < w; t++) {
                        acc[t] += full[base + t];
                    }
                }
            }
            for (int s = 0; s < q; s++) {
                double s1 = acc[s];
                double s2 = acc[q + s];
                double ss = s2 - s1 * s1 / m;
                // a resample without dispersion (e.g. one value repeated) leaves only rounding dust: undefined
                out[from + s][r] = ss > NUMERICAL_ZERO * (s2 + s1 * s1 / m)
                        ? (mean[s] + s1 / m) / Math.sqrt(ss / (m - 1)) * annualiser : Double.NaN;
            }
        }
    }

    /**
     * The block sums of one resample for a full group of six series (twelve interleaved sums), accumulated in
     * locals: the same additions in the same order as the general loop, but kept in registers even by the C1
     * compiler that the short {@code evaluate} runs on.
     */
    private void sumsOfSix(double[] full, double[] cut, int row, double[] acc) {
        int last = starts[row + blocks - 1] * 12;
        double a0 = cut[last];
        double a1 = cut[last + 1];
        double a2 = cut[last + 2];
        double a3 = cut[last + 3];
        double a4 = cut[last + 4];
        double a5 = cut[last + 5];
        double a6 = cut[last + 6];
        double a7 = cut[last + 7];
        double a8 = cut[last + 8];
        double a9 = cut[last + 9];
        double a10 = cut[last + 10];
        double a11 = cut[last + 11];
        int end = row + blocks - 1;
        for (int j = row; j < end; j++) {
            int b = starts[j] * 12;
            a0 += full[b];
            a1 += full[b + 1];
            a2 += full[b + 2];
            a3 += full[b + 3];
            a4 += full[b + 4];
            a5 += full[b + 5];
            a6 += full[b + 6];
            a7 += full[b + 7];
            a8 += full[b + 8];
            a9 += full[b + 9];
            a10 += full[b + 10];
            a11 += full[b + 11];
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc[4] = a4;
        acc[5] = a5;
        acc[6] = a6;
        acc[7] = a7;
        acc[8] = a8;
        acc[9] = a9;
        acc[10] = a10;
        acc[11] = a11;
    }

    /** Percentile interval of one series' Sharpe replicates. */
    public static ConfidenceInterval interval(double[] replicates, double level) {
        return Bootstrap.percentileInterval(replicates, level);
    }

    /**
     * The paired test of a Sharpe difference {@code d = sharpeA − sharpeB} from replicates drawn on the same
     * resamples.
     *
     * @return {@code {d, ciLow, ciHigh, pValue}}; NaN where undefined (no finite replicate, or {@code d} NaN)
     */
    public static double[] difference(double sharpeA, double sharpeB, double[] replicatesA, double[] replicatesB,
            double level) {
        Checks.check(replicatesA.length == replicatesB.length, "replicate counts differ");
        double d = sharpeA - sharpeB;
        int n = replicatesA.length;
        double[] diff = new double[n];
        for (int r = 0; r < n; r++) {
            diff[r] = replicatesA[r] - replicatesB[r];
        }
        ConfidenceInterval ci = Bootstrap.percentileInterval(diff, level);
        if (Double.isNaN(d)) {
            return new double[] {d, Double.NaN, Double.NaN, Double.NaN};
        }
        int finite = 0;
        int extreme = 0;
        double ad = Math.abs(d);
        for (double x : diff) {
            if (Double.isFinite(x)) {
                finite++;
                if (Math.abs(x - d) >= ad) {
                    extreme++;
                }
            }
        }
        double p = finite == 0 ? Double.NaN : (1.0 + extreme) / (1.0 + finite);
        return new double[] {d, ci.low(), ci.high(), p};
    }
}
