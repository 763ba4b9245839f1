package io.thermocarry.core.physics;

import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.BasisSource;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.stats.PairwiseSum;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.FundingSeries;
import java.time.Instant;
import java.util.Arrays;

/**
 * Funding cycles exactly as the reference code builds them ({@code Compat.REFERENCE}), flaws included, so
 * that its published numbers can be reproduced and the flaws measured. Never for trading: use
 * {@link CycleBuilder}.
 *
 * <p>The reference's rules, on its inputs (hourly basis rows stamped with the bar's <em>open</em> time,
 * an hour before the close price they hold was known; funding settlements):
 * <ul>
 * <li>settlements are joined to the basis with an as-of join on the open-time stamps (last row with
 * {@code stamp ≤ t}); a settlement with no row at or before it is dropped (an inner as-of join), and each
 * remaining consecutive pair {@code (t_k, t_{k+1})} is cycle k;
 * <li>{@code b_start}, {@code b_end}: the as-of rows at {@code t_k} and {@code t_{k+1}};
 * <li>{@code b_mean}, {@code b_std} (population): over the rows with {@code t_k ≤ stamp ≤ t_{k+1}} (both
 * ends inclusive, so a boundary row counts in two cycles); with no such row, {@code b_start} alone
 * (mean {@code b_start}, std 0, count 0);
 * <li>κ is fitted <em>once on the whole basis history</em> ({@link OuEstimator#kappa}, Δt 1 h) — the
 * reference's second look-ahead — and used for every cycle's energies and free energy:
 * {@code W = −F·b_start}, {@code E = ½κb²}, {@code Q = (E_end − E_start) − W},
 * {@code ΔF = −F²/(2κ)}, {@code σ = W − ΔF};
 * <li>mark prices are the settlement's own, 0 where the source had none (the reference writes 0).
 * </ul>
 */
public final class ReferenceCycleBuilder {
    private static final long HOUR_MS = 3_600_000L;

    private ReferenceCycleBuilder() {
    }

    /** The reference's cycles, its per-cycle thermodynamics and the basis rows its signal windows index. */
    public static final class ReferenceCycles {
        private final FundingCycles cycles;
        private final double kappaGlobal;
        private final double[] work;
        private final double[] energyStart;
        private final double[] energyEnd;
        private final double[] heat;
        private final double[] deltaFreeEnergy;
        private final double[] dissipation;
        private final long[] basisOpenTimeMs;
        private final double[] basisPct;
        private final int droppedSettlements;

        private ReferenceCycles(FundingCycles cycles, double kappaGlobal, double[] work, double[] energyStart,
                double[] energyEnd, double[] heat, double[] deltaFreeEnergy, double[] dissipation,
                long[] basisOpenTimeMs, double[] basisPct, int droppedSettlements) {
            this.cycles = cycles;
            this.kappaGlobal = kappaGlobal;
            this.work = work;
            this.energyStart = energyStart;
            this.energyEnd = energyEnd;
            this.heat = heat;
            this.deltaFreeEnergy = deltaFreeEnergy;
            this.dissipation = dissipation;
            this.basisOpenTimeMs = basisOpenTimeMs;
            this.basisPct = basisPct;
            this.droppedSettlements = droppedSettlements;
        }

        /**
         * The cycles (start, end, F, interval, b_start/end/mean/std, row count with both ends inclusive, mark
         * prices with 0 for unknown, source {@link BasisSource#SPOT_PERP}).
         */
        public FundingCycles cycles() {
            return cycles;
        }

        /** Number of cycles. */
        public int size() {
            return cycles.size();
        }

        /** κ fitted on the whole basis history (1/hour), used for every cycle's ΔF and energies. */
        public double kappaGlobal() {
            return kappaGlobal;
        }

        /** {@code W_k = −F_k·b_start,k} (fraction × percent). Raw column (do not mutate). */
        public double[] work() {
            return work;
        }

        /** {@code ½κ b_start²}. Raw column (do not mutate). */
        public double[] energyStart() {
            return energyStart;
        }

        /** {@code ½κ b_end²}. Raw column (do not mutate). */
        public double[] energyEnd() {
            return energyEnd;
        }

        /** {@code (E_end − E_start) − W}. Raw column (do not mutate). */
        public double[] heat() {
            return heat;
        }

        /** {@code ΔF_k = −F_k²/(2κ_global)}. Raw column (do not mutate). */
        public double[] deltaFreeEnergy() {
            return deltaFreeEnergy;
        }

        /** {@code σ_k = W_k − ΔF_k}. Raw column (do not mutate). */
        public double[] dissipation() {
            return dissipation;
        }

        /** The basis rows' open-time stamps (epoch ms), in row order. Raw column (do not mutate). */
        public long[] basisOpenTimes() {
            return basisOpenTimeMs;
        }

        /** The basis rows (percent), in row order: what the reference's row-index windows slice. */
        public double[] basisValues() {
            return basisPct;
        }

        /** Settlements dropped by the inner as-of join (no basis row at or before them). */
        public int droppedSettlements() {
            return droppedSettlements;
        }
    }

    /** {@link #build(FundingSeries, long[], double[], KappaMethod)} with the reference's through-origin κ. */
    public static ReferenceCycles build(FundingSeries funding, long[] basisOpenTimeMs, double[] basisPct) {
        return build(funding, basisOpenTimeMs, basisPct, KappaMethod.THROUGH_ORIGIN);
    }

    /**
     * The reference's cycles from its own inputs.
     *
     * @param funding settlements (times as the reference stored them; the golden inputs floor them to the hour)
     * @param basisOpenTimeMs one stamp per hourly basis row: the bars' open time, strictly increasing
     * @param basisPct basis per row, percent, finite
     * @param method κ estimator of the whole-history fit (the reference: through the origin)
     */
    public static ReferenceCycles build(FundingSeries funding, long[] basisOpenTimeMs, double[] basisPct,
            KappaMethod method) {
        Checks.notNull(funding, "funding");
        Checks.notNull(method, "method");
        int nb = basisOpenTimeMs.length;
        Checks.check(basisPct.length == nb, "basis columns differ in length");
        for (int i = 0; i < nb; i++) {
            Checks.check(Double.isFinite(basisPct[i]), "basis row " + i + " is not finite: " + basisPct[i]);
            if (i > 0 && basisOpenTimeMs[i] <= basisOpenTimeMs[i - 1]) {
                throw new IllegalArgumentException("basis stamps not strictly increasing at row " + i + ": "
                        + Instant.ofEpochMilli(basisOpenTimeMs[i - 1]) + " then "
                        + Instant.ofEpochMilli(basisOpenTimeMs[i]));
            }
        }
        double kappa = wholeHistoryKappa(basisPct, method);
        int ne = funding.size();
        int first = nb == 0 ? ne : funding.lowerBound(basisOpenTimeMs[0]);
        int kept = ne - first;
        int n = Math.max(kept - 1, 0);
        long[] start = new long[n];
        long[] end = new long[n];
        double[] rate = new double[n];
        double[] hours = new double[n];
        double[] bs = new double[n];
        double[] be = new double[n];
        double[] bm = new double[n];
        double[] bsd = new double[n];
        int[] obs = new int[n];
        double[] ms = new double[n];
        double[] me = new double[n];
        byte[] src = new byte[n];
        double[] w = new double[n];
        double[] e0 = new double[n];
        double[] e1 = new double[n];
        double[] q = new double[n];
        double[] df = new double[n];
        double[] sig = new double[n];
        Arrays.fill(src, (byte) BasisSource.SPOT_PERP.ordinal());
        double[] scratch = new double[16];
        for (int k = 0; k < n; k++) {
            int ev = first + k;
            long t0 = funding.timeMs(ev);
            long t1 = funding.timeMs(ev + 1);
            double f = funding.rate(ev);
            double b0 = basisPct[asOf(basisOpenTimeMs, t0)];
            double b1 = basisPct[asOf(basisOpenTimeMs, t1)];
            int lo = asOf(basisOpenTimeMs, t0 - 1) + 1;
            int hi = asOf(basisOpenTimeMs, t1) + 1;
            int cnt = Math.max(hi - lo, 0);
            if (cnt > scratch.length) {
                scratch = new double[cnt];
            }
            double mean;
            double std;
            if (cnt > 0) {
                mean = PairwiseSum.sum(basisPct, lo, cnt) / cnt;
                for (int i = 0; i < cnt; i++) {
                    double d = basisPct[lo + i] - mean;
                    scratch[i] = d * d;
                }
                std = Math.sqrt(PairwiseSum.sum(scratch, 0, cnt) / cnt);
            } else {
                mean = b0;
                std = 0.0;
            }
            start[k] = t0;
            end[k] = t1;
            rate[k] = f;
            hours[k] = (t1 - t0) / (double) HOUR_MS;
            bs[k] = b0;
            be[k] = b1;
            bm[k] = mean;
            bsd[k] = std;
            obs[k] = cnt;
            ms[k] = markOrZero(funding.markPrice(ev));
            me[k] = markOrZero(funding.markPrice(ev + 1));
            double work = -f * b0;
            double es = 0.5 * kappa * (b0 * b0);
            double ee = 0.5 * kappa * (b1 * b1);
            double dF = -(f * f) / (2.0 * kappa);
            w[k] = work;
            e0[k] = es;
            e1[k] = ee;
            q[k] = (ee - es) - work;
            df[k] = dF;
            sig[k] = work - dF;
        }
        FundingCycles cycles = new FundingCycles(funding.symbol(), start, end, rate, hours, bs, be, bm, bsd, obs,
                ms, me, src, 0);
        return new ReferenceCycles(cycles, kappa, w, e0, e1, q, df, sig, basisOpenTimeMs, basisPct, first);
    }

    /**
     * The reference's inputs rebuilt from the product's own data, then {@link #build}: basis observations
     * re-stamped from their availability time back to the bars' open time ({@code time − interval}), proxy
     * (mark–index) observations left out (the reference only has the spot–perp inner join), settlement times
     * floored to the hour (as in the golden inputs).
     */
    public static ReferenceCycles fromProductData(FundingSeries funding, BasisSeries basis, KappaMethod method) {
        Checks.notNull(basis, "basis");
        Checks.check(basis.intervalMs() > 0, "basis interval unknown");
        int nb = basis.size();
        long[] t = new long[nb];
        double[] v = new double[nb];
        int m = 0;
        for (int i = 0; i < nb; i++) {
            if (basis.sources()[i] == BasisSource.SPOT_PERP.ordinal()) {
                t[m] = basis.timeMs(i) - basis.intervalMs();
                v[m] = basis.basisPct(i);
                m++;
            }
        }
        int ne = funding.size();
        long[] ft = new long[ne];
        for (int i = 0; i < ne; i++) {
            long x = funding.timeMs(i);
            ft[i] = x - Math.floorMod(x, HOUR_MS);
        }
        FundingSeries floored = new FundingSeries(funding.symbol(), ft, funding.rates(), funding.intervals(),
                funding.markPrices());
        return build(floored, Arrays.copyOf(t, m), Arrays.copyOf(v, m), method);
    }

    /**
     * κ of the whole basis history as the reference fits it (1/hour, Δt = 1 h): {@link OuEstimator#kappa}'s
     * definition, with the through-origin sums {@code Σ b_t b_{t+1}} and {@code Σ b_t²} added in numpy's
     * pairwise order ({@link PairwiseSum#sum}) so that the result equals the reference's bit for bit (a
     * sequential sum of 54,000 terms differs by ~1e−13 relative, which the per-cycle heat's cancellation
     * amplifies to ~1e−9). {@link KappaMethod#DEMEANED} has no reference counterpart and uses
     * {@link OuEstimator#kappa} directly.
     *
     * @param basis basis in percent, finite, in time order
     */
    public static double wholeHistoryKappa(double[] basis, KappaMethod method) {
        int n = basis.length;
        if (method != KappaMethod.THROUGH_ORIGIN || n < OuEstimator.MIN_POINTS) {
            return OuEstimator.kappa(basis, 0, n, 1.0, method);
        }
        double[] xx = new double[n - 1];
        double[] xy = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            xx[i] = basis[i] * basis[i];
            xy[i] = basis[i] * basis[i + 1];
        }
        double d = PairwiseSum.sum(xx, 0, n - 1);
        if (d == 0) {
            return OuEstimator.FALLBACK_KAPPA;
        }
        return OuEstimator.kappaFromPhi(PairwiseSum.sum(xy, 0, n - 1) / d, 1.0);
    }

    private static double markOrZero(double mark) {
        return Double.isNaN(mark) || !(mark > 0) ? 0.0 : mark;
    }

    /** Index of the last stamp {@code <= ms}, or −1. */
    private static int asOf(long[] stamps, long ms) {
        int i = Arrays.binarySearch(stamps, ms);
        return i >= 0 ? i : -i - 2;
    }
}
