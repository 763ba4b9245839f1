package io.thermocarry.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The feature engine against a naive oracle (windowed loops written from the definitions), causality by
 * perturbation of everything after a cut, and the "not evaluated" counts.
 */
class FeatureEngineTest {
    static final long H = RandomMicro.H;
    static final long MIN = RandomMicro.MIN;
    /** A 3-day window and staleness limits that fit the random markets' sparse timing. */
    static final FeatureSpec SPEC = new FeatureSpec(Duration.ofDays(3), 10, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ZERO, Duration.ZERO);

    static FeatureFrame frame(RandomMicro m, long step) {
        long[][] g = m.grid(step);
        return FeatureEngine.compute(m.inputs(), g[0], g[1], SPEC);
    }

    // ------------------------------------------------------------------------------------------ oracle

    /** Mean rank of x among the values, NaN when fewer than minHistory. */
    static double meanRank(List<Double> past, double x, int minHistory) {
        if (past.size() < minHistory || Double.isNaN(x)) {
            return Double.NaN;
        }
        double less = 0;
        double eq = 0;
        for (double y : past) {
            if (y < x) {
                less++;
            } else if (y == x) {
                eq++;
            }
        }
        return 100 * (less + 0.5 * eq) / past.size();
    }

    @Test
    void spreadAndDepth_equalTheNaiveWindowedDefinition() {
        RandomMicro m = RandomMicro.of(12, 5);
        FeatureFrame f = frame(m, 37 * MIN);
        BookTickerSeries q = m.ticker(Market.PERP);
        BookDepthSeries d = m.depth();
        long w = SPEC.window().toMillis();
        java.util.TreeMap<Long, double[]> snaps = new java.util.TreeMap<>();
        for (int r = 0; r < d.size(); r++) {
            double[] v = snaps.computeIfAbsent(d.timeMs(r), x -> new double[3]);
            double b = Math.abs(d.percentage(r));
            int k = b == 1 ? 0 : b == 2 ? 1 : b == 5 ? 2 : -1;
            if (k >= 0) {
                v[k] += d.notional(r);
            }
        }
        int checkedSpread = 0;
        int checkedDepth = 0;
        for (int i = 0; i < f.size(); i++) {
            long t = f.timeMs(i);
            int last = -1;
            for (int j = 0; j < q.size() && q.eventTimeMs(j) <= t; j++) {
                last = j;
            }
            if (last < 0 || t - q.eventTimeMs(last) > SPEC.quoteMaxAge().toMillis()) {
                assertTrue(f.noData(i, Feature.SPREAD_PERP));
            } else {
                List<Double> past = new ArrayList<>();
                for (int j = 0; j < last; j++) {
                    if (q.eventTimeMs(j) >= q.eventTimeMs(last) - w) {
                        past.add(q.spreadBps(j));
                    }
                }
                assertEquals(q.spreadBps(last), f.spreadPerpBps(i), 0.0);
                assertEquals(meanRank(past, q.spreadBps(last), SPEC.minHistory()), f.spreadPerpPercentile(i), 1e-9);
                checkedSpread++;
            }
            // depth: last snapshot, −1 band + +1 band
            Long snap = snaps.floorKey(t);
            if (snap == null || t - snap > SPEC.depthMaxAge().toMillis()) {
                assertTrue(f.noData(i, Feature.DEPTH));
                continue;
            }
            double cur = snaps.get(snap)[0];
            List<Double> past = new ArrayList<>();
            for (double[] v : snaps.subMap(snap - w, true, snap, false).values()) {
                past.add(v[0]);
            }
            assertEquals(cur, f.depthNotional1pct(i), 0.0);
            assertEquals(snaps.get(snap)[2], f.depthNotional5pct(i), 0.0);
            assertEquals(meanRank(past, cur, SPEC.minHistory()), f.depthPercentile(i), 1e-9);
            checkedDepth++;
        }
        assertTrue(checkedSpread > 100 && checkedDepth > 100, checkedSpread + " / " + checkedDepth);
    }

    @Test
    void openInterest_changeZscoreAndPercentile_equalTheNaiveDefinition() {
        RandomMicro m = RandomMicro.of(12, 9);
        FeatureFrame f = frame(m, 25 * MIN);
        OpenInterestSeries oi = m.openInterest();
        long maxAge = SPEC.openInterestMaxAge().toMillis();
        long w = SPEC.window().toMillis();
        io.thermocarry.core.market.FundingSeries funding = m.funding();
        double[] changes = new double[oi.size()];
        for (int j = 0; j < oi.size(); j++) {
            changes[j] = naiveChange(funding, oi, j);
        }
        int checked = 0;
        for (int i = 0; i < f.size(); i++) {
            long t = f.timeMs(i);
            int k = -1;
            for (int j = 0; j < oi.size() && oi.timeMs(j) <= t; j++) {
                k = j;
            }
            double c = k < 0 || t - oi.timeMs(k) > maxAge ? Double.NaN : changes[k];
            if (Double.isNaN(c)) {
                assertTrue(f.noData(i, Feature.OI_CHANGE), "decision " + i);
                continue;
            }
            assertEquals(c, f.oiChangePct(i), 1e-12);
            List<Double> past = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double cj = changes[j];
                if (oi.timeMs(j) >= oi.timeMs(k) - w && !Double.isNaN(cj)) {
                    past.add(cj);
                }
            }
            if (past.size() < SPEC.minHistory()) {
                assertTrue(f.noHistory(i, Feature.OI_CHANGE));
                continue;
            }
            double mean = past.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double var = past.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / past.size();
            assertEquals((c - mean) / Math.sqrt(var), f.oiZscore(i), 1e-6);
            assertEquals(meanRank(past, c, 1), f.oiPercentile(i), 1e-9);
            checked++;
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    static double naiveChange(io.thermocarry.core.market.FundingSeries funding, OpenInterestSeries oi, int k) {
        long h = FeatureEngine.intervalAt(funding, oi.timeMs(k));
        long target = oi.timeMs(k) - h;
        int j = -1;
        for (int x = 0; x < oi.size() && oi.timeMs(x) <= target; x++) {
            j = x;
        }
        if (j < 0 || target - oi.timeMs(j) > SPEC.openInterestMaxAge().toMillis()) {
            return Double.NaN;
        }
        if (!Double.isNaN(oi.sumOpenInterest(k)) && !Double.isNaN(oi.sumOpenInterest(j))) {
            return (oi.sumOpenInterest(k) / oi.sumOpenInterest(j) - 1) * 100;
        }
        return (oi.sumOpenInterestValue(k) / oi.sumOpenInterestValue(j) - 1) * 100;
    }

    @Test
    void liquidations_sumPercentileCoverageAndStraddle_equalTheNaiveDefinition() {
        RandomMicro m = RandomMicro.of(16, 3);
        FeatureFrame f = frame(m, 2 * H);
        LiquidationSeries l = m.liquidations();
        LiquidationCoverage cov = m.coverage();
        int evaluated = 0;
        int straddled = 0;
        for (int i = 0; i < f.size(); i++) {
            long d = f.timeMs(i);
            long h = f.intervalMs(i);
            double x = naiveSum(l, cov, d - h, d);
            if (Double.isNaN(x)) {
                assertTrue(f.noData(i, Feature.LIQUIDATIONS));
                if (cov.contains(d - h, d)) {
                    straddled++;
                }
                continue;
            }
            assertEquals(x, f.liquidationUsd(i), 1e-6);
            List<Double> past = new ArrayList<>();
            for (int k = 1; k <= SPEC.window().toMillis() / h; k++) {
                double y = naiveSum(l, cov, d - (k + 1) * h, d - k * h);
                if (!Double.isNaN(y)) {
                    past.add(y);
                }
            }
            assertEquals(meanRank(past, x, SPEC.minHistory()), f.liquidationPercentile(i), 1e-9);
            evaluated++;
        }
        assertTrue(evaluated > 50 && straddled > 0, evaluated + " evaluated, " + straddled + " straddled");
    }

    static double naiveSum(LiquidationSeries l, LiquidationCoverage cov, long a, long b) {
        if (!cov.contains(a, b)) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < l.size(); i++) {
            long st = l.startMs(i);
            long en = l.endMs(i);
            boolean inside = st >= a && en <= b;
            boolean overlaps = st < b && en > a;
            if (!inside && overlaps) {
                return Double.NaN;
            }
            if (inside) {
                s += l.notionalUsd(i);
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ causality

    /**
     * Changing any data after a cut (quote times and prices, snapshots, OI, liquidations, premium, funding) leaves
     * every causal column and every veto at decisions up to the cut unchanged.
     */
    @Property(tries = 12)
    void featuresAndVetoes_atOrBeforeTheCut_ignoreEverythingAfterIt(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @LongRange(min = 30, max = 300) long cutHours) {
        RandomMicro a = RandomMicro.of(14, seed);
        long cut = RandomMicro.T0 + cutHours * H + 7 * MIN;
        RandomMicro b = a.perturbAfter(cut, seed + 99);
        FeatureFrame fa = frame(a, 53 * MIN);
        FeatureFrame fb = frame(b, 53 * MIN);
        VetoPath va = VetoPath.evaluate(fa, VetoSpec.defaults());
        VetoPath vb = VetoPath.evaluate(fb, VetoSpec.defaults());
        int n = 0;
        boolean differsLater = false;
        for (int i = 0; i < fa.size(); i++) {
            if (fa.timeMs(i) > cut) {
                differsLater |= !same(fa, fb, i);
                continue;
            }
            n++;
            assertTrue(same(fa, fb, i), "decision " + i + " at or before the cut changed");
            assertEquals(va.vetoMask(i), vb.vetoMask(i));
            assertEquals(va.notEvaluatedMask(i), vb.notEvaluatedMask(i));
        }
        assertTrue(n > 20);
        assertTrue(differsLater, "the perturbation must change something after the cut");
    }

    static boolean same(FeatureFrame a, FeatureFrame b, int i) {
        double[] x = causal(a, i);
        double[] y = causal(b, i);
        for (int k = 0; k < x.length; k++) {
            if (Double.compare(x[k], y[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    static double[] causal(FeatureFrame f, int i) {
        return new double[] {f.spreadPerpBps(i), f.spreadPerpPercentile(i), f.spreadSpotBps(i), f.spreadSpotPercentile(i),
            f.depthNotional1pct(i), f.depthNotional2pct(i), f.depthNotional5pct(i), f.depthPercentile(i),
            f.oiChangePct(i), f.oiZscore(i), f.oiPercentile(i), f.predictedFunding(i), f.predictionPoints(i),
            f.liquidationUsd(i), f.liquidationPercentile(i), f.noData[i], f.noHistory[i]};
    }

    // ------------------------------------------------------------------------------------------ not evaluated

    @Test
    void notEvaluated_isCountedPerFeature_andEqualsTheDecisionsWithoutAValue() {
        RandomMicro m = RandomMicro.of(14, 21);
        FeatureFrame f = frame(m, H);
        Map<Feature, Integer> ne = f.notEvaluatedCounts();
        int spot = 0;
        int liq = 0;
        for (int i = 0; i < f.size(); i++) {
            if (Double.isNaN(f.spreadSpotPercentile(i))) {
                spot++;
            }
            if (Double.isNaN(f.liquidationPercentile(i))) {
                liq++;
            }
        }
        assertEquals(spot, ne.get(Feature.SPREAD_SPOT));
        assertEquals(liq, ne.get(Feature.LIQUIDATIONS));
        // spot quotes stop on days 3, 8, 13 (day % 5 == 3): at least 2 × 24 hourly decisions without data
        assertTrue(f.noDataCounts().get(Feature.SPREAD_SPOT) >= 48, f.noDataCounts().toString());
        // the liquidation recorder was off on days 8 and 9
        assertTrue(f.noDataCounts().get(Feature.LIQUIDATIONS) >= 48, f.noDataCounts().toString());
        // with no data at all, every decision of every feature is not evaluated, and nothing vetoes
        FeatureFrame none = FeatureEngine.compute(MicroInputs.none(m.funding()), m.grid(H)[0], m.grid(H)[1], SPEC);
        for (Feature x : Feature.values()) {
            assertEquals(none.size(), none.notEvaluatedCounts().get(x), x.name());
        }
        VetoPath v = VetoPath.evaluate(none, VetoSpec.defaults());
        assertEquals(0, v.counts().vetoed());
        assertEquals(none.size(), v.counts().notEvaluated().get(Feature.DEPTH));
    }

    @Test
    void decisionsMustComeInTimeOrder() {
        RandomMicro m = RandomMicro.of(3, 1);
        long[] d = {RandomMicro.T0 + H, RandomMicro.T0};
        long[] iv = {8 * H, 8 * H};
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FeatureEngine.compute(m.inputs(), d, iv, SPEC));
        assertTrue(e.getMessage().contains("must not decrease"));
        assertArrayEquals(new long[] {RandomMicro.T0 + H, RandomMicro.T0}, d);
    }
}
