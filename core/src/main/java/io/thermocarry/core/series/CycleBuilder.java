package io.thermocarry.core.series;

import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;

/**
 * Builds funding cycles from settlements and basis observations (SPEC §2), in one linear merge.
 *
 * <p>Cycle k = {@code [t_k, t_{k+1})} for consecutive settlements; the last settlement opens no cycle (its
 * end is unknown). {@code b_start} is the last observation <em>available</em> at or before t_k (as-of
 * join on availability time), {@code b_end} the same at t_{k+1}; mean and population std run over the
 * observations that became available in {@code (t_k, t_{k+1}]} (for hourly bars: the bars that opened
 * inside the cycle). The interval length is the actual spacing, never an assumed 8 h. Mark prices come
 * from the settlement's own mark price where the source had it, else from the close of the mark bar that
 * closed at the settlement (as-of), else NaN.
 */
public final class CycleBuilder {
    private CycleBuilder() {
    }

    /**
     * @param funding settlements (strictly increasing)
     * @param basis basis observations (availability-stamped)
     * @param mark mark-price bars or null
     */
    public static FundingCycles build(FundingSeries funding, BasisSeries basis, BarSeries mark) {
        int ne = funding.size();
        int n = Math.max(ne - 1, 0);
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
        long[] bt = basis.times();
        double[] bv = basis.values();
        byte[] bsrc = basis.sources();
        int nb = bt.length;
        // j = number of basis observations with time <= current settlement
        int j = 0;
        long t0 = ne > 0 ? funding.timeMs(0) : 0;
        while (j < nb && bt[j] <= t0) {
            j++;
        }
        double markPrev = markAt(funding, 0, mark);
        for (int k = 0; k < n; k++) {
            long a = funding.timeMs(k);
            long b = funding.timeMs(k + 1);
            start[k] = a;
            end[k] = b;
            rate[k] = funding.rate(k);
            hours[k] = (b - a) / 3_600_000.0;
            bs[k] = j > 0 ? bv[j - 1] : Double.NaN;
            double sum = 0;
            double sumSq = 0;
            int cnt = 0;
            int first = j;
            boolean spot = false;
            boolean proxy = false;
            while (j < nb && bt[j] <= b) {
                sum += bv[j];
                cnt++;
                if (bsrc[j] == BasisSource.SPOT_PERP.ordinal()) {
                    spot = true;
                } else {
                    proxy = true;
                }
                j++;
            }
            double mean = cnt > 0 ? sum / cnt : Double.NaN;
            if (cnt > 0) {
                for (int q = first; q < j; q++) {
                    double d = bv[q] - mean;
                    sumSq += d * d;
                }
            }
            bm[k] = mean;
            bsd[k] = cnt > 0 ? Math.sqrt(sumSq / cnt) : Double.NaN;
            obs[k] = cnt;
            be[k] = j > 0 ? bv[j - 1] : Double.NaN;
            BasisSource s;
            if (cnt == 0) {
                s = j > 0 ? BasisSource.values()[bsrc[j - 1]] : BasisSource.NONE;
            } else if (spot && proxy) {
                s = BasisSource.MIXED;
            } else {
                s = spot ? BasisSource.SPOT_PERP : BasisSource.MARK_INDEX;
            }
            src[k] = (byte) s.ordinal();
            ms[k] = markPrev;
            markPrev = markAt(funding, k + 1, mark);
            me[k] = markPrev;
        }
        return new FundingCycles(funding.symbol(), start, end, rate, hours, bs, be, bm, bsd, obs, ms, me, src,
                basis.hoursWithoutPartner());
    }

    private static double markAt(FundingSeries f, int k, BarSeries mark) {
        if (k >= f.size()) {
            return Double.NaN;
        }
        double m = f.markPrice(k);
        if (!Double.isNaN(m)) {
            return m;
        }
        if (mark == null || mark.isEmpty()) {
            return Double.NaN;
        }
        // the mark bar that closed at or before the settlement
        long t = f.timeMs(k) - mark.interval().millis();
        int i = java.util.Arrays.binarySearch(mark.openTimes(), t);
        int idx = i >= 0 ? i : -i - 2;
        if (idx < 0) {
            return Double.NaN;
        }
        // stale beyond one interval: unknown rather than silently old
        if (t - mark.openTimeMs(idx) > mark.interval().millis()) {
            return Double.NaN;
        }
        return mark.close(idx);
    }
}
