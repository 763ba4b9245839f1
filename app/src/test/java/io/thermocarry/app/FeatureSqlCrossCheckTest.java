package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.features.FeatureEngine;
import io.thermocarry.core.features.FeatureFrame;
import io.thermocarry.core.features.FeatureSpec;
import io.thermocarry.core.features.MicroInputs;
import io.thermocarry.core.features.PremiumSeries;
import io.thermocarry.core.features.StressMarket;
import io.thermocarry.core.features.StressSpec;
import io.thermocarry.core.features.SyntheticStress;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every feature against an independent route: DuckDB SQL (ASOF joins, window functions, correlated
 * subqueries) over the store's own tables, after a synthetic stress market went through the store. The Java
 * engine works on primitive columns with a Fenwick tree and running sums; the SQL restates each definition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureSqlCrossCheckTest {
    static final long W = Duration.ofDays(10).toMillis();
    static final FeatureSpec SPEC = new FeatureSpec(Duration.ofMillis(W), 10, Duration.ofMinutes(20),
            Duration.ofSeconds(1), Duration.ofMinutes(20), Duration.ofHours(1), Duration.ZERO, Duration.ZERO);
    private Store store;
    private Symbol sym;
    private FeatureFrame f;
    private final Map<Long, Integer> row = new HashMap<>();

    @BeforeAll
    void build() {
        StressSpec d = StressSpec.defaults(150, 3);
        StressSpec spec = new StressSpec(d.base(), 0.05, d.squeezeShare(), d.jumpMinPct(), d.jumpMaxPct(),
                d.halfLifeHours(), d.precursorShare(), 0.05, d.featureStressShare(), 15, 20, d.fundingCapRate(), d.seed());
        StressMarket m = SyntheticStress.simulate(spec);
        sym = m.funding().symbol();
        store = Store.inMemory();
        store.writeFunding(m.funding(), "x");
        store.writeBars(m.premium(), "x");
        store.writeMicro(m.micro(), "x");
        store.writeOpenInterest(m.openInterest(), "x");
        MicroInputs in = new MicroInputs(sym, store.bookTicker(sym, Market.PERP, null, null),
                store.bookTicker(sym, Market.SPOT, null, null), store.bookDepth(sym, null, null),
                store.openInterest(sym, null, null), store.liquidations(sym, null, null), store.liquidationCoverage(sym),
                PremiumSeries.ofPremiumKlines(store.bars(sym, Market.PREMIUM, BarInterval.M15, null, null)),
                store.funding(sym, null, null), store.fundingInfo(sym));
        long[] t = store.funding(sym, null, null).times();
        long[] iv = new long[t.length];
        java.util.Arrays.fill(iv, 8 * 3_600_000L);
        f = FeatureEngine.compute(in, t, iv, SPEC);
        for (int i = 0; i < t.length; i++) {
            row.put(t[i], i);
        }
        store.sqlForTests("CREATE TEMP TABLE d AS SELECT time_ms AS t FROM funding WHERE symbol = '" + sym + "'");
    }

    @AfterAll
    void close() {
        store.close();
    }

    private List<List<Object>> sql(String q) {
        return store.sqlForTests(q);
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    @Test
    void perpSpreadAndItsPercentile_equalAnAsofJoinAndACorrelatedRank() {
        sql("CREATE OR REPLACE TEMP TABLE q AS SELECT event_time_ms AS t, (ask - bid) / ((ask + bid) / 2) * 1e4 AS s"
                + " FROM book_ticker WHERE symbol = '" + sym + "' AND market = 'perp'");
        List<List<Object>> rows = sql("WITH x AS (SELECT d.t, q.t AS qt, q.s FROM d ASOF JOIN q ON d.t >= q.t)"
                + " SELECT x.t, x.s, (SELECT (count(*) FILTER (WHERE h.s < x.s) + 0.5 * count(*) FILTER (WHERE h.s = x.s))"
                + " * 100.0 / count(*) FROM q h WHERE h.t >= x.qt - " + W + " AND h.t < x.qt),"
                + " (SELECT count(*) FROM q h WHERE h.t >= x.qt - " + W + " AND h.t < x.qt), x.t - x.qt FROM x ORDER BY 1");
        int checked = 0;
        for (List<Object> r : rows) {
            int i = row.get(((Number) r.get(0)).longValue());
            if (((Number) r.get(4)).longValue() > SPEC.quoteMaxAge().toMillis()) {
                continue;
            }
            assertEquals(num(r.get(1)), f.spreadPerpBps(i), 1e-9);
            if (((Number) r.get(3)).longValue() >= SPEC.minHistory()) {
                assertEquals(num(r.get(2)), f.spreadPerpPercentile(i), 1e-9);
                checked++;
            }
        }
        assertTrue(checked >= 140, "checked " + checked);
    }

    @Test
    void depthWithinOnePercent_andItsPercentile_equalAGroupedSumAndACorrelatedRank() {
        sql("CREATE OR REPLACE TEMP TABLE s AS SELECT time_ms AS t, sum(notional) FILTER (WHERE abs(percentage) = 1)"
                + " AS n1, sum(notional) FILTER (WHERE abs(percentage) = 5) AS n5 FROM book_depth WHERE symbol = '" + sym
                + "' GROUP BY time_ms");
        List<List<Object>> rows = sql("WITH x AS (SELECT d.t, s.t AS st, s.n1, s.n5 FROM d ASOF JOIN s ON d.t >= s.t)"
                + " SELECT x.t, x.n1, x.n5, (SELECT (count(*) FILTER (WHERE h.n1 < x.n1) + 0.5 * count(*) FILTER"
                + " (WHERE h.n1 = x.n1)) * 100.0 / count(*) FROM s h WHERE h.t >= x.st - " + W + " AND h.t < x.st)"
                + " FROM x ORDER BY 1");
        int checked = 0;
        for (List<Object> r : rows) {
            int i = row.get(((Number) r.get(0)).longValue());
            assertEquals(num(r.get(1)), f.depthNotional1pct(i), 1e-6 * num(r.get(1)));
            assertEquals(num(r.get(2)), f.depthNotional5pct(i), 1e-6 * num(r.get(2)));
            if (!Double.isNaN(f.depthPercentile(i))) {
                assertEquals(num(r.get(3)), f.depthPercentile(i), 1e-9);
                checked++;
            }
        }
        assertTrue(checked >= 140, "checked " + checked);
    }

    @Test
    void openInterestChange_andZscore_equalAnAsofJoinAndWindowFunctions() {
        // change over the 8 h interval at each observation; z against the window of earlier changes
        List<List<Object>> rows = sql("WITH o AS (SELECT time_ms AS t, sum_open_interest AS b FROM open_interest WHERE symbol = '"
                + sym + "'), c AS (SELECT o.t, (o.b / p.b - 1) * 100 AS ch FROM o ASOF JOIN o p ON o.t - 28800000 >= p.t"
                + " AND o.t - 28800000 - p.t <= 3600000), z AS (SELECT t, ch, avg(ch) OVER w AS m, stddev_pop(ch) OVER w AS sd,"
                + " count(ch) OVER w AS n FROM c WINDOW w AS (ORDER BY t RANGE BETWEEN " + W + " PRECEDING AND 1 PRECEDING))"
                + " SELECT d.t, z.ch, (z.ch - z.m) / z.sd, z.n FROM d ASOF JOIN z ON d.t >= z.t ORDER BY 1");
        int checked = 0;
        for (List<Object> r : rows) {
            int i = row.get(((Number) r.get(0)).longValue());
            assertEquals(num(r.get(1)), f.oiChangePct(i), 1e-9);
            if (((Number) r.get(3)).longValue() >= SPEC.minHistory()) {
                assertEquals(num(r.get(2)), f.oiZscore(i), 1e-6);
                checked++;
            }
        }
        assertTrue(checked >= 140, "checked " + checked);
    }

    @Test
    void predictedFundingAtEachSettlement_equalsTheFormulaOverThePreviousIntervalInSql() {
        // at a settlement no point of the new interval has closed: the prediction is the previous interval's formula
        List<List<Object>> rows = sql("WITH p AS (SELECT open_time_ms, close AS v, open_time_ms // 28800000 AS k,"
                + " row_number() OVER (PARTITION BY open_time_ms // 28800000 ORDER BY open_time_ms) AS w FROM bars"
                + " WHERE symbol = '" + sym + "' AND market = 'premium'), a AS (SELECT k, sum(w * v) / sum(w) AS pbar"
                + " FROM p GROUP BY k) SELECT (k + 1) * 28800000 AS t, least(greatest(pbar + least(greatest(0.0001 - pbar,"
                + " -0.0005), 0.0005), -0.001), 0.001) FROM a ORDER BY 1");
        int checked = 0;
        for (List<Object> r : rows) {
            Integer i = row.get(((Number) r.get(0)).longValue());
            if (i == null) {
                continue;
            }
            assertEquals(num(r.get(1)), f.predictedFunding(i), 1e-15);
            assertEquals(num(r.get(1)), f.settledFunding(i - 1), 1e-15, "the synthetic market settles by the formula");
            checked++;
        }
        assertEquals(f.size() - 1, checked);
    }

    @Test
    void liquidationNotional_overTheLastInterval_equalsARangeSum() {
        List<List<Object>> rows = sql("SELECT d.t, (SELECT coalesce(sum(notional_usd), 0) FROM liquidations l WHERE"
                + " l.symbol = '" + sym + "' AND l.start_ms >= d.t - 28800000 AND l.end_ms <= d.t) FROM d ORDER BY 1");
        int checked = 0;
        for (List<Object> r : rows) {
            int i = row.get(((Number) r.get(0)).longValue());
            if (!Double.isNaN(f.liquidationUsd(i))) {
                assertEquals(num(r.get(1)), f.liquidationUsd(i), 1e-6);
                checked++;
            }
        }
        assertEquals(f.size() - 1, checked, "covered from the first settlement's end on");
    }
}
