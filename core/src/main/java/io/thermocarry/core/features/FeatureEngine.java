package io.thermocarry.core.features;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.series.FundingCycles;
import java.util.Arrays;

/**
 * Computes the SPEC §8 features at given decision times, causally: the value at decision {@code d} uses only
 * data available at or before {@code d}, and its percentile or z-score only past values strictly before the
 * observation it ranks, within {@link FeatureSpec#window()}. Stateless; one call per symbol.
 *
 * <p>Per feature, at decision {@code d} with funding interval {@code τ}:
 * <ul>
 * <li><b>spread</b> (each leg): the last quote with event time {@code <= d}, if no older than
 * {@code quoteMaxAge}: {@code (ask − bid)/mid × 10⁴} bps; percentile against the first quote of each
 * {@code quoteSampleStep} in the window before it.</li>
 * <li><b>depth</b>: the last {@code bookDepth} snapshot {@code <= d} no older than {@code depthMaxAge}: notional of
 * the {@code −b} band plus the {@code +b} band (bands are cumulative), b = 1, 2, 5 %; percentile of the ±1 % value
 * against earlier snapshots.</li>
 * <li><b>OI change</b>: for the last OI observation {@code k} at {@code t_k <= d} no older than
 * {@code openInterestMaxAge}: {@code c_k = OI(t_k) / OI(t_k − h) − 1} in percent, {@code OI(t − h)} the last
 * observation at or before {@code t − h} no farther than {@code openInterestMaxAge} from it, both in base asset
 * when both have it, else both in USD; {@code h} = {@code openInterestHorizon} or the funding interval in force at
 * {@code t_k}. z-score {@code (c_k − mean)/std} (population) and percentile against the changes of earlier
 * observations.</li>
 * <li><b>predicted funding</b>: {@link FundingFormula} over the premium points of the current interval
 * {@code [s, s + τ)} closed by {@code d}; right after a settlement, before any point of the new interval has
 * closed, over the whole previous interval's points (a persistence forecast). Interest pro rata of {@code τ};
 * the {@code fundingInfo} cap/floor when known. Ex post, the rate settled at {@code s + τ} and the error.</li>
 * <li><b>liquidations</b>: notional of the rows inside {@code [d − h, d]} ({@code h} = {@code liquidationHorizon}
 * or {@code τ}), evaluated only when one coverage span holds the whole window and no aggregate row straddles
 * its edges; percentile against the {@code ⌊W/h⌋} preceding windows {@code [d − (j+1)h, d − jh]} that are
 * evaluable.</li>
 * </ul>
 */
public final class FeatureEngine {
    private static final long DEFAULT_INTERVAL_MS = 8 * 3_600_000L;

    private FeatureEngine() {
    }

    /**
     * Features at the settlement decisions of funding cycles: decision k at {@code start_k}, with the cycle's
     * interval ({@code end_k − start_k}, the schedule the exchange publishes in advance).
     */
    public static FeatureFrame atCycles(MicroInputs in, FundingCycles cycles, FeatureSpec spec) {
        int n = cycles.size();
        long[] d = cycles.starts().clone();
        long[] iv = new long[n];
        for (int k = 0; k < n; k++) {
            iv[k] = cycles.endMs(k) - cycles.startMs(k);
        }
        return compute(in, d, iv, spec);
    }

    /**
     * Features at each decision.
     *
     * @param decisionMs decision times, non-decreasing (epoch ms)
     * @param intervalMs funding interval in force at each decision (ms; the interval starting at or before it)
     */
    public static FeatureFrame compute(MicroInputs in, long[] decisionMs, long[] intervalMs, FeatureSpec spec) {
        Checks.notNull(in, "inputs");
        Checks.notNull(spec, "spec");
        Checks.check(decisionMs.length == intervalMs.length, "decision and interval columns differ in length");
        for (int i = 0; i < decisionMs.length; i++) {
            Checks.check(intervalMs[i] > 0, "interval at decision " + i + " must be > 0");
            Checks.check(i == 0 || decisionMs[i] >= decisionMs[i - 1], "decision times must not decrease at " + i);
        }
        FeatureFrame f = new FeatureFrame(in.symbol(), in.premium().source(), decisionMs, intervalMs);
        spread(in.perpTicker(), f, f.spreadPerpBps, f.spreadPerpPct, Feature.SPREAD_PERP, spec);
        spread(in.spotTicker(), f, f.spreadSpotBps, f.spreadSpotPct, Feature.SPREAD_SPOT, spec);
        depth(in.depth(), f, spec);
        openInterest(in.openInterest(), in.funding(), f, spec);
        predictedFunding(in.premium(), in.funding(), in.fundingInfo(), f);
        liquidations(in.liquidations(), in.coverage(), f, spec);
        return f;
    }

    private static void flag(FeatureFrame f, int i, Feature x, boolean noData) {
        if (noData) {
            f.noData[i] |= x.bit();
        } else {
            f.noHistory[i] |= x.bit();
        }
    }

    // ------------------------------------------------------------------------------------------------ spread

    private static void spread(BookTickerSeries q, FeatureFrame f, double[] bps, double[] pct, Feature feature,
            FeatureSpec spec) {
        int n = q.size();
        long step = spec.quoteSampleStep().toMillis();
        long[] ht = new long[n];
        double[] hv = new double[n];
        int h = 0;
        long lastBucket = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long b = Math.floorDiv(q.eventTimeMs(i), step);
            if (b != lastBucket) {
                lastBucket = b;
                ht[h] = q.eventTimeMs(i);
                hv[h] = q.spreadBps(i);
                h++;
            }
        }
        WindowRank rank = new WindowRank(Arrays.copyOf(ht, h), Arrays.copyOf(hv, h), spec.window().toMillis(),
                f.size());
        long maxAge = spec.quoteMaxAge().toMillis();
        int j = 0;
        for (int i = 0; i < f.size(); i++) {
            long d = f.time[i];
            while (j < n && q.eventTimeMs(j) <= d) {
                j++;
            }
            int last = j - 1;
            if (last < 0 || d - q.eventTimeMs(last) > maxAge) {
                flag(f, i, feature, true);
                continue;
            }
            bps[i] = q.spreadBps(last);
            rank.moveTo(q.eventTimeMs(last));
            if (rank.size() < spec.minHistory()) {
                flag(f, i, feature, false);
            } else {
                pct[i] = rank.percentile(bps[i]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- depth

    private static void depth(BookDepthSeries d, FeatureFrame f, FeatureSpec spec) {
        int rows = d.size();
        int snaps = d.snapshots();
        long[] st = new long[snaps];
        double[] n1 = new double[snaps];
        double[] n2 = new double[snaps];
        double[] n5 = new double[snaps];
        int s = -1;
        double[] bid = new double[3];
        double[] ask = new double[3];
        for (int r = 0; r <= rows; r++) {
            if (r == rows || r == 0 || d.timeMs(r) != d.timeMs(r - 1)) {
                if (s >= 0) {
                    n1[s] = bid[0] + ask[0];
                    n2[s] = bid[1] + ask[1];
                    n5[s] = bid[2] + ask[2];
                }
                if (r == rows) {
                    break;
                }
                s++;
                st[s] = d.timeMs(r);
                Arrays.fill(bid, Double.NaN);
                Arrays.fill(ask, Double.NaN);
            }
            double p = d.percentage(r);
            int b = band(Math.abs(p));
            if (b >= 0) {
                (p < 0 ? bid : ask)[b] = d.notional(r);
            }
        }
        WindowRank rank = new WindowRank(st, n1, spec.window().toMillis(), f.size());
        long maxAge = spec.depthMaxAge().toMillis();
        int j = 0;
        for (int i = 0; i < f.size(); i++) {
            long t = f.time[i];
            while (j < snaps && st[j] <= t) {
                j++;
            }
            int last = j - 1;
            if (last < 0 || t - st[last] > maxAge || Double.isNaN(n1[last])) {
                flag(f, i, Feature.DEPTH, true);
                continue;
            }
            f.depth1[i] = n1[last];
            f.depth2[i] = n2[last];
            f.depth5[i] = n5[last];
            rank.moveTo(st[last]);
            if (rank.size() < spec.minHistory()) {
                flag(f, i, Feature.DEPTH, false);
            } else {
                f.depth1Pct[i] = rank.percentile(n1[last]);
            }
        }
    }

    /** Index of the ±1/2/5 % band, or −1 for others (±0.2 %, ±3 %, ±4 %). */
    private static int band(double absPct) {
        if (Math.abs(absPct - 1) < 1e-9) {
            return 0;
        }
        if (Math.abs(absPct - 2) < 1e-9) {
            return 1;
        }
        if (Math.abs(absPct - 5) < 1e-9) {
            return 2;
        }
        return -1;
    }

    // ----------------------------------------------------------------------------------------- open interest

    /**
     * Funding interval in force at {@code t}, ms: the spacing of the settlements around it (the last one at or
     * before {@code t} and the next; the last event's own interval after the data; 8 h without funding).
     */
    public static long intervalAt(FundingSeries funding, long t) {
        if (funding.isEmpty()) {
            return DEFAULT_INTERVAL_MS;
        }
        return intervalAfter(funding, funding.lowerBound(t + 1) - 1);
    }

    /**
     * Interval in force after settlement {@code i} (the last at or before the time asked; −1 before the first):
     * the spacing to the next settlement, else the event's own interval. The series must not be empty.
     */
    private static long intervalAfter(FundingSeries funding, int i) {
        if (i < 0) {
            return funding.intervalMs(0);
        }
        return i + 1 < funding.size() ? funding.timeMs(i + 1) - funding.timeMs(i) : funding.intervalMs(i);
    }

    private static void openInterest(OpenInterestSeries oi, FundingSeries funding, FeatureFrame f, FeatureSpec spec) {
        int n = oi.size();
        long maxAge = spec.openInterestMaxAge().toMillis();
        long fixed = spec.openInterestHorizon().toMillis();
        double[] change = new double[n];
        long[] t = oi.times();
        int fc = -1; // last settlement at or before t[k] (times non-decreasing: a forward cursor)
        int oc = -1; // last OI observation at or before the target, while targets do not decrease
        long lastTarget = Long.MIN_VALUE;
        long[] ft = funding.times();
        for (int k = 0; k < n; k++) {
            long h;
            if (fixed > 0) {
                h = fixed;
            } else if (ft.length == 0) {
                h = DEFAULT_INTERVAL_MS;
            } else {
                while (fc + 1 < ft.length && ft[fc + 1] <= t[k]) {
                    fc++;
                }
                h = intervalAfter(funding, fc);
            }
            long target = t[k] - h;
            if (target < lastTarget) {
                oc = oi.lowerBound(target + 1) - 1;
            } else {
                while (oc + 1 < n && t[oc + 1] <= target) {
                    oc++;
                }
            }
            lastTarget = target;
            change[k] = changePct(oi, k, oc, target, maxAge);
        }
        WindowRank rank = new WindowRank(t, change, spec.window().toMillis(), f.size());
        int j = 0;
        for (int i = 0; i < f.size(); i++) {
            long d = f.time[i];
            while (j < n && t[j] <= d) {
                j++;
            }
            int last = j - 1;
            if (last < 0 || d - t[last] > maxAge || Double.isNaN(change[last])) {
                flag(f, i, Feature.OI_CHANGE, true);
                continue;
            }
            double c = change[last];
            f.oiChangePct[i] = c;
            rank.moveTo(t[last]);
            double sd = rank.std();
            if (rank.size() < spec.minHistory() || !(sd > 1e-12)) {
                flag(f, i, Feature.OI_CHANGE, false);
                continue;
            }
            f.oiZscore[i] = (c - rank.mean()) / sd;
            f.oiPct[i] = rank.percentile(c);
        }
    }

    /**
     * Percent change of OI from its value as of {@code target} (observation {@code j}, the last at or before it) to
     * observation k; NaN when not comparable.
     */
    private static double changePct(OpenInterestSeries oi, int k, int j, long target, long maxAge) {
        if (j < 0 || target - oi.timeMs(j) > maxAge || j >= k) {
            return Double.NaN;
        }
        double now;
        double then;
        if (Double.isFinite(oi.sumOpenInterest(k)) && Double.isFinite(oi.sumOpenInterest(j))) {
            now = oi.sumOpenInterest(k);
            then = oi.sumOpenInterest(j);
        } else if (Double.isFinite(oi.sumOpenInterestValue(k)) && Double.isFinite(oi.sumOpenInterestValue(j))) {
            now = oi.sumOpenInterestValue(k);
            then = oi.sumOpenInterestValue(j);
        } else {
            return Double.NaN;
        }
        return then > 0 ? (now / then - 1) * 100 : Double.NaN;
    }

    // ------------------------------------------------------------------------------------- predicted funding

    private static void predictedFunding(PremiumSeries p, FundingSeries funding, FundingInfo info, FeatureFrame f) {
        int m = funding.size();
        if (m == 0 || p.size() == 0) {
            for (int i = 0; i < f.size(); i++) {
                flag(f, i, Feature.FUNDING_FLIP, true);
            }
            fillSettled(funding, f);
            return;
        }
        double cap = info == null ? Double.POSITIVE_INFINITY : info.capRate();
        double floor = info == null ? Double.NEGATIVE_INFINITY : info.floorRate();
        int cur = Integer.MIN_VALUE;
        double weighted = 0;
        int count = 0;
        int j = 0;
        for (int i = 0; i < f.size(); i++) {
            long d = f.time[i];
            while (j < p.size() && p.closeMs(j) <= d) {
                int idx = intervalIndex(funding, p.openMs(j));
                if (idx != cur) {
                    cur = idx;
                    weighted = 0;
                    count = 0;
                }
                if (p.closeMs(j) <= intervalEnd(funding, idx)) {
                    count++;
                    weighted += count * p.value(j);
                }
                j++;
            }
            int id = intervalIndex(funding, d);
            if (count > 0 && (cur == id || cur == id - 1)) {
                f.predictedFunding[i] = FundingFormula.rate(weighted, count, f.interval[i], cap, floor);
                f.predictionPoints[i] = count;
            } else {
                flag(f, i, Feature.FUNDING_FLIP, true);
            }
        }
        fillSettled(funding, f);
    }

    private static void fillSettled(FundingSeries funding, FeatureFrame f) {
        for (int i = 0; i < f.size(); i++) {
            int next = funding.lowerBound(f.time[i] + 1);
            if (next < funding.size()) {
                f.settledFunding[i] = funding.rate(next);
            }
        }
    }

    /** Interval index of time t: i for {@code [T_i, T_{i+1})}, −1 before the first settlement. */
    private static int intervalIndex(FundingSeries funding, long t) {
        return funding.lowerBound(t + 1) - 1;
    }

    private static long intervalEnd(FundingSeries funding, int idx) {
        int m = funding.size();
        if (idx + 1 < m) {
            return funding.timeMs(idx + 1);
        }
        return idx < 0 ? funding.timeMs(0) : funding.timeMs(m - 1) + funding.intervalMs(m - 1);
    }

    // ----------------------------------------------------------------------------------------- liquidations

    private static void liquidations(LiquidationSeries l, LiquidationCoverage cov, FeatureFrame f, FeatureSpec spec) {
        Liq liq = new Liq(l, cov);
        long fixed = spec.liquidationHorizon().toMillis();
        long w = spec.window().toMillis();
        int n = f.size();
        long[] d = f.time;
        long[] h = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = fixed > 0 ? fixed : f.interval[i];
            x[i] = liq.sum(d[i] - h[i], d[i]);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                flag(f, i, Feature.LIQUIDATIONS, true);
                continue;
            }
            f.liquidationUsd[i] = x[i];
            int windows = (int) Math.min(w / h[i], 100_000);
            int count = 0;
            int less = 0;
            int equal = 0;
            // the window ending at d − k·h is usually an earlier decision's own window (a regular grid, or the
            // settlements): reuse its sum, found by a constant stride and checked; otherwise compute it
            int j1 = -1;
            int stride = 0;
            for (int k = 1; k <= windows; k++) {
                long end = d[i] - k * h[i];
                int j = -1;
                if (k == 1) {
                    j = indexOf(d, end, i);
                    j1 = j;
                } else if (j1 >= 0) {
                    stride = i - j1;
                    int guess = i - k * stride;
                    if (guess >= 0 && d[guess] == end) {
                        j = guess;
                    }
                }
                double y = j >= 0 && h[j] == h[i] ? x[j] : liq.sum(end - h[i], end);
                if (Double.isNaN(y)) {
                    continue;
                }
                count++;
                if (y < x[i]) {
                    less++;
                } else if (y == x[i]) {
                    equal++;
                }
            }
            if (count < spec.minHistory()) {
                flag(f, i, Feature.LIQUIDATIONS, false);
            } else {
                f.liquidationPct[i] = 100.0 * (less + 0.5 * equal) / count;
            }
        }
    }

    /** Index of a decision at exactly time {@code t} among {@code d[0, before)}, or −1. */
    private static int indexOf(long[] d, long t, int before) {
        int lo = 0;
        int hi = before;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < before && d[lo] == t ? lo : -1;
    }

    /** Window sums over liquidation rows with coverage and straddle checks. */
    private static final class Liq {
        private final LiquidationCoverage cov;
        private final long[] end;
        private final long[] start;
        private final double[] prefix;
        private final long[] aggStart;
        private final long[] aggEnd;
        private final long maxAgg;

        Liq(LiquidationSeries l, LiquidationCoverage cov) {
            this.cov = cov;
            int n = l.size();
            this.end = l.ends();
            this.start = l.starts();
            this.prefix = new double[n + 1];
            int aggs = 0;
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = prefix[i] + l.notionalUsd(i);
                if (start[i] < end[i]) {
                    aggs++;
                }
            }
            aggStart = new long[aggs];
            aggEnd = new long[aggs];
            long longest = 0;
            for (int i = 0, a = 0; i < n; i++) {
                if (start[i] < end[i]) {
                    aggStart[a] = start[i];
                    aggEnd[a] = end[i];
                    longest = Math.max(longest, end[i] - start[i]);
                    a++;
                }
            }
            maxAgg = longest;
        }

        /** Notional of rows inside {@code [a, b]}; NaN when not covered or an aggregate straddles an edge. */
        double sum(long a, long b) {
            if (!cov.contains(a, b)) {
                return Double.NaN;
            }
            int k = lowerBound(aggEnd, a + 1);
            for (; k < aggEnd.length && aggEnd[k] <= b + maxAgg; k++) {
                boolean overlaps = aggStart[k] < b && aggEnd[k] > a;
                if (overlaps && (aggStart[k] < a || aggEnd[k] > b)) {
                    return Double.NaN;
                }
            }
            int lo = lowerBound(end, a);
            int hi = lowerBound(end, b + 1);
            double s = prefix[hi] - prefix[lo];
            for (int r = lo; r < hi && end[r] == a; r++) {
                if (start[r] < a) {
                    s -= prefix[r + 1] - prefix[r];
                }
            }
            return s;
        }

        private static int lowerBound(long[] x, long v) {
            int lo = 0;
            int hi = x.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
