package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.stats.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first test of SPEC §9: does carry quality fall as the relaxation ratio rises? Decisions are grouped by
 * their relaxation ratio {@code r} and, per group, the carry of a unit short-basis position over the next
 * cycle is summarised ({@link BucketRow}).
 *
 * <p>Sample: every decision of the signal run at or after {@code fromCycle} whose next cycle has a finite
 * funding rate (under the accrual convention) and finite basis at both ends. Fixed edges 0.5 / 0.8 / 1.05 /
 * 1.4 / 2 give six left-closed buckets ({@code r = 2}, the signal's "too few points" value, falls in the last);
 * quintile edges and entropy-rate tercile edges are the sample's own percentiles (numpy linear) — descriptive
 * statistics of the test, never used for trading. The two-dimensional table crosses the fixed buckets with the
 * entropy terciles (decisions with an undefined entropy rate are left out of it).
 */
public final class RelaxationBuckets {
    /** The fixed relaxation-ratio edges. */
    private static final double[] FIXED_EDGES = {0.5, 0.8, 1.05, 1.4, 2.0};

    private RelaxationBuckets() {
    }

    /** The fixed relaxation-ratio edges 0.5, 0.8, 1.05, 1.4, 2 (a copy). */
    public static double[] fixedEdges() {
        return FIXED_EDGES.clone();
    }

    /**
     * All three tables for one signal run.
     *
     * @param cycles the cycles the run decided on
     * @param run decisions (relaxation ratio and entropy rate per decision)
     * @param accrual which settled rate the held cycle is paid
     * @param fromCycle first cycle whose decision enters the sample
     */
    public static List<BucketRow> compute(FundingCycles cycles, SignalRun run, FundingAccrual accrual, int fromCycle) {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(run, "run");
        Checks.notNull(accrual, "accrual");
        int n = cycles.size();
        int cap = run.size();
        double[] r = new double[cap];
        double[] e = new double[cap];
        double[] funding = new double[cap];
        double[] basis = new double[cap];
        boolean[] converged = new boolean[cap];
        int m = 0;
        for (int i = 0; i < cap; i++) {
            int k = run.cycleIndex(i);
            if (k < fromCycle || k >= n) {
                continue;
            }
            double f = accrual == FundingAccrual.RATE_AT_CYCLE_START ? cycles.rate(k)
                    : k + 1 < n && cycles.startMs(k + 1) == cycles.endMs(k) ? cycles.rate(k + 1) : Double.NaN;
            double bs = cycles.basisStart(k);
            double be = cycles.basisEnd(k);
            double ri = run.relaxationRatio(i);
            if (!Double.isFinite(f) || !Double.isFinite(bs) || !Double.isFinite(be) || Double.isNaN(ri)) {
                continue;
            }
            r[m] = ri;
            e[m] = run.entropyRate(i);
            funding[m] = f;
            basis[m] = -(be - bs) / 100.0;
            converged[m] = Math.abs(be) < Math.abs(bs);
            m++;
        }
        Sample s = new Sample(Arrays.copyOf(r, m), Arrays.copyOf(e, m), Arrays.copyOf(funding, m),
                Arrays.copyOf(basis, m), Arrays.copyOf(converged, m));
        List<BucketRow> out = new ArrayList<>();
        double[] fixed = FIXED_EDGES;
        double[] quint = quantileEdges(s.r, new double[] {20, 40, 60, 80});
        double[] terc = quantileEdges(finite(s.e), new double[] {100.0 / 3, 200.0 / 3});
        Compat compat = run.compat();
        for (int b = 0; b <= fixed.length; b++) {
            out.add(row(s, cycles, compat, BucketScheme.RELAXATION_FIXED, fixed, b, null, -1));
        }
        for (int b = 0; b <= quint.length; b++) {
            out.add(row(s, cycles, compat, BucketScheme.RELAXATION_QUINTILE, quint, b, null, -1));
        }
        for (int b = 0; b <= fixed.length; b++) {
            for (int t = 0; t <= terc.length; t++) {
                out.add(row(s, cycles, compat, BucketScheme.RELAXATION_FIXED_BY_ENTROPY_TERCILE, fixed, b, terc, t));
            }
        }
        return List.copyOf(out);
    }

    private record Sample(double[] r, double[] e, double[] funding, double[] basis, boolean[] converged) {
    }

    private static double[] finite(double[] v) {
        double[] out = new double[v.length];
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                out[n++] = x;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] quantileEdges(double[] values, double[] pcts) {
        double[] sorted = Percentiles.sortedWithoutNaN(values);
        double[] out = new double[pcts.length];
        for (int i = 0; i < pcts.length; i++) {
            out[i] = Percentiles.ofSorted(sorted, sorted.length, pcts[i]);
        }
        return out;
    }

    /** Bucket index of {@code v} among left-closed buckets cut at {@code edges} ({@code edges.length + 1} buckets). */
    static int bucketOf(double v, double[] edges) {
        int b = 0;
        while (b < edges.length && v >= edges[b]) {
            b++;
        }
        return b;
    }

    private static BucketRow row(Sample s, FundingCycles cycles, Compat compat, BucketScheme scheme, double[] edges,
            int bucket, double[] entropyEdges, int tercile) {
        int m = s.r.length;
        double[] tot = new double[m];
        double[] fun = new double[m];
        double[] bas = new double[m];
        int c = 0;
        int hits = 0;
        int conv = 0;
        for (int i = 0; i < m; i++) {
            if (bucketOf(s.r[i], edges) != bucket) {
                continue;
            }
            if (entropyEdges != null && (!Double.isFinite(s.e[i]) || bucketOf(s.e[i], entropyEdges) != tercile)) {
                continue;
            }
            double t = s.funding[i] + s.basis[i];
            tot[c] = t;
            fun[c] = s.funding[i];
            bas[c] = s.basis[i];
            if (t > 0) {
                hits++;
            }
            if (s.converged[i]) {
                conv++;
            }
            c++;
        }
        tot = Arrays.copyOf(tot, c);
        fun = Arrays.copyOf(fun, c);
        bas = Arrays.copyOf(bas, c);
        double lo = bucket == 0 ? Double.NEGATIVE_INFINITY : edges[bucket - 1];
        double hi = bucket == edges.length ? Double.POSITIVE_INFINITY : edges[bucket];
        double eLo = Double.NaN;
        double eHi = Double.NaN;
        if (entropyEdges != null) {
            eLo = tercile == 0 ? Double.NEGATIVE_INFINITY : entropyEdges[tercile - 1];
            eHi = tercile == entropyEdges.length ? Double.POSITIVE_INFINITY : entropyEdges[tercile];
        }
        double[] sortedTot = tot.clone();
        Arrays.sort(sortedTot);
        double worstMean = Double.NaN;
        if (c > 0) {
            int w = (int) Math.ceil(0.10 * c);
            double sum = 0;
            for (int i = 0; i < w; i++) {
                sum += sortedTot[i];
            }
            worstMean = sum / w;
        }
        return new BucketRow(cycles.symbol(), compat, scheme, bucket, entropyEdges == null ? -1 : tercile, lo, hi,
                eLo, eHi, c, mean(tot), mean(fun), mean(bas), Percentiles.of(tot, 50), Percentiles.of(fun, 50),
                Percentiles.of(bas, 50), c > 0 ? (double) hits / c : Double.NaN,
                c > 0 ? (double) conv / c : Double.NaN, Percentiles.ofSorted(sortedTot, c, 10), worstMean);
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
