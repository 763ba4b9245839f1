package io.thermocarry.core.backtest;

import io.thermocarry.core.Checks;
import io.thermocarry.core.stats.ConfidenceInterval;
import io.thermocarry.core.stats.IndexSampler;
import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Does a variant cut path risk against a base (SPEC §8: {@code full+veto} against {@code full})? The two ledgers
 * must cover the same evaluation window. Per-cycle returns {@code r_k = E_k / E_{k−1} − 1} as in
 * {@link Performance}; for each path: max drawdown of {@code Π(1 + r)} (peak starting at 1), worst cycle
 * {@code min r}, 5 % CVaR (mean of the worst {@code ⌈5 %·n⌉} returns), total return.
 *
 * <p>Differences are variant − base: a <em>negative</em> {@code maxDrawdown} difference and <em>positive</em>
 * worst-cycle and CVaR differences mean the variant cut path risk. Their uncertainty comes from a circular moving
 * block bootstrap of the <em>paired</em> returns (the same blocks of cycles for both paths, so that a crisis and
 * its aftermath stay together; block length a parameter), seeded; the interval is the percentile 95 % interval
 * and {@code pValue} the share of resamples where the variant did not improve the measure (one-sided).
 *
 * @param cycles window cycles
 * @param base the base path's measures
 * @param variant the variant's measures
 * @param maxDrawdown bootstrap of {@code DD_variant − DD_base}
 * @param worstCycle bootstrap of {@code worst_variant − worst_base}
 * @param cvar5 bootstrap of {@code CVaR_variant − CVaR_base}
 * @param totalReturn bootstrap of {@code R_variant − R_base}
 */
public record RiskComparison(int cycles, Measures base, Measures variant, Difference maxDrawdown,
        Difference worstCycle, Difference cvar5, Difference totalReturn) {

    /**
     * Path-risk measures of one return path.
     *
     * @param maxDrawdown largest {@code (peak − E)/peak}, fraction
     * @param worstCycle smallest per-cycle return, fraction
     * @param cvar5 mean of the worst 5 % per-cycle returns, fraction
     * @param totalReturn {@code Π(1 + r) − 1}
     */
    public record Measures(double maxDrawdown, double worstCycle, double cvar5, double totalReturn) {
        static Measures of(double[] r, int[] idx) {
            double e = 1;
            double peak = 1;
            double dd = 0;
            double worst = Double.POSITIVE_INFINITY;
            double[] x = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                double ri = r[idx[i]];
                x[i] = ri;
                e *= 1 + ri;
                peak = Math.max(peak, e);
                dd = Math.max(dd, (peak - e) / peak);
                worst = Math.min(worst, ri);
            }
            return new Measures(dd, idx.length == 0 ? Double.NaN : worst, Performance.cvar(x, 0.05), e - 1);
        }
    }

    /**
     * A variant − base difference with its bootstrap.
     *
     * @param value the difference on the actual paths
     * @param ci percentile 95 % interval over the resamples
     * @param pValue share of resamples where the variant did not improve the measure
     */
    public record Difference(double value, ConfidenceInterval ci, double pValue) {
    }

    /**
     * Compares two ledgers over their common evaluation window.
     *
     * @param blockLength cycles per bootstrap block (≥ 1)
     * @param resamples bootstrap resamples (0 for point estimates only)
     */
    public static RiskComparison of(Ledger base, Ledger variant, double startingCapital, int blockLength,
            int resamples, long seed) {
        Checks.check(base.size() == variant.size() && base.firstCycle() == variant.firstCycle(),
                "ledgers of different windows");
        Checks.positive(blockLength, "blockLength");
        Checks.nonNegative(resamples, "resamples");
        double[] a = returns(base, startingCapital);
        double[] b = returns(variant, startingCapital);
        int n = a.length;
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        Measures ma = Measures.of(a, id);
        Measures mb = Measures.of(b, id);
        double[][] diffs = new double[4][resamples];
        IndexSampler sampler = new IndexSampler(new SplittableRandom(seed));
        int[] idx = new int[n];
        for (int s = 0; s < resamples && n > 0; s++) {
            for (int i = 0; i < n; i += blockLength) {
                int start = sampler.nextIndex(n);
                for (int j = 0; j < blockLength && i + j < n; j++) {
                    idx[i + j] = (start + j) % n;
                }
            }
            Measures ra = Measures.of(a, idx);
            Measures rb = Measures.of(b, idx);
            diffs[0][s] = rb.maxDrawdown - ra.maxDrawdown;
            diffs[1][s] = rb.worstCycle - ra.worstCycle;
            diffs[2][s] = rb.cvar5 - ra.cvar5;
            diffs[3][s] = rb.totalReturn - ra.totalReturn;
        }
        return new RiskComparison(n, ma, mb, diff(mb.maxDrawdown - ma.maxDrawdown, diffs[0], false),
                diff(mb.worstCycle - ma.worstCycle, diffs[1], true), diff(mb.cvar5 - ma.cvar5, diffs[2], true),
                diff(mb.totalReturn - ma.totalReturn, diffs[3], true));
    }

    private static Difference diff(double value, double[] reps, boolean higherIsBetter) {
        if (reps.length == 0) {
            return new Difference(value, ConfidenceInterval.undefined(0.95), Double.NaN);
        }
        double[] s = Percentiles.sortedWithoutNaN(reps);
        int notBetter = 0;
        for (double x : reps) {
            if (higherIsBetter ? !(x > 0) : !(x < 0)) {
                notBetter++;
            }
        }
        return new Difference(value, new ConfidenceInterval(Percentiles.ofSorted(s, 2.5), Percentiles.ofSorted(s, 97.5),
                0.95), notBetter / (double) reps.length);
    }

    /** Per-cycle returns of the ledger's window, as {@link Performance} defines them. */
    static double[] returns(Ledger l, double startingCapital) {
        int first = l.firstCycle();
        int m = l.size() - first;
        double[] r = new double[Math.max(m, 0)];
        double prev = startingCapital;
        double[] eq = l.equities();
        for (int i = 0; i < m; i++) {
            double e = eq[first + i];
            r[i] = prev > 0 ? (e - prev) / prev : 0.0;
            prev = e;
        }
        return Arrays.copyOf(r, m);
    }
}
