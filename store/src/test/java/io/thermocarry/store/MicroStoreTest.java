package io.thermocarry.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BookDepthSeries;
import io.thermocarry.core.market.BookTickerSeries;
import io.thermocarry.core.market.FundingInfo;
import io.thermocarry.core.market.LiquidationCoverage;
import io.thermocarry.core.market.LiquidationSeries;
import io.thermocarry.core.market.LiquidationSide;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The microstructure tables: idempotent transactional ingest, conflicts, refusal, NULL-safe keys, reads. */
class MicroStoreTest {
    static final Symbol BTC = Fixtures.BTC;
    static final long T0 = Fixtures.T0;
    static final long MIN = 60_000L;

    static BookDepthSeries depth(double scale) {
        return new BookDepthSeries(BTC, new long[] {T0, T0, T0 + MIN, T0 + MIN}, new double[] {-1, 1, -1, 1},
                new double[] {10 * scale, 11, 12, 13}, new double[] {1e6 * scale, 1.1e6, 1.2e6, 1.3e6});
    }

    static MicroData all() {
        BookTickerSeries t = new BookTickerSeries(BTC, Market.PERP, new long[] {T0, T0 + 5}, new long[] {T0 - 2, T0 + 1},
                new long[] {7, 8}, new double[] {100, 100.1}, new double[] {1, 2}, new double[] {100.1, 100.2},
                new double[] {3, 4});
        LiquidationSeries liq = new LiquidationSeries(BTC, new long[] {T0 - 86_400_000L, T0 - 86_400_000L, T0 + 3},
                new long[] {T0, T0, T0 + 3}, new byte[] {0, 1, 1}, new double[] {Double.NaN, Double.NaN, 0.5},
                new double[] {Double.NaN, Double.NaN, 100}, new double[] {Double.NaN, Double.NaN, Double.NaN},
                new double[] {2e6, 1e6, 50});
        LiquidationCoverage own = new LiquidationCoverage(BTC, new long[] {T0 - 86_400_000L}, new long[] {T0});
        LiquidationCoverage market = new LiquidationCoverage(null, new long[] {T0 - MIN}, new long[] {T0 + 10 * MIN});
        return new MicroData(List.of(depth(1)), List.of(t), List.of(liq), List.of(own, market),
                List.of(new FundingInfo(BTC, 0.003, -0.003, 8)));
    }

    /** USDT-only (an aggregator's daily close) and base-only (a polled log) snapshots: schema 7 keeps both. */
    static OpenInterestSeries openInterest() {
        return new OpenInterestSeries(BTC, new long[] {T0, T0 + 5 * MIN}, new double[] {Double.NaN, 10},
                new double[] {5e9, Double.NaN});
    }

    static ParsedSource source(String name, MicroData m) {
        return new ParsedSource(name, Fixtures.sha(name), m.rows() + 2, List.of(), List.of(), List.of(openInterest()),
                List.of(), List.of(), m);
    }

    @Test
    void everyTable_roundTrips_withNullsKept() {
        try (Store store = Store.inMemory()) {
            IngestReport r = store.ingest(source("micro.json", all()));
            // coverage spans describe the source (like ingested_files): stored, not counted as data rows
            assertEquals(4 + 2 + 2 + 3 + 1, r.rowsAccepted());
            assertEquals(2L, store.sqlForTests("SELECT count(*) FROM liquidation_coverage").get(0).get(0));
            BookDepthSeries d = store.bookDepth(BTC, null, null);
            assertArrayEquals(new double[] {1e6, 1.1e6, 1.2e6, 1.3e6}, d.notionals());
            BookTickerSeries t = store.bookTicker(BTC, Market.PERP, null, null);
            assertArrayEquals(new long[] {T0, T0 + 5}, t.eventTimes());
            assertArrayEquals(new long[] {T0 - 2, T0 + 1}, t.transactionTimes());
            assertEquals(0, store.bookTicker(BTC, Market.SPOT, null, null).size());
            OpenInterestSeries oi = store.openInterest(BTC, null, null);
            assertTrue(Double.isNaN(oi.sumOpenInterest(0)));
            assertEquals(5e9, oi.sumOpenInterestValue(0));
            assertTrue(Double.isNaN(oi.sumOpenInterestValue(1)));
            LiquidationSeries l = store.liquidations(BTC, null, null);
            assertEquals(3, l.size());
            assertEquals(LiquidationSide.LONG, l.side(0));
            assertTrue(Double.isNaN(l.quantity(0)));
            assertEquals(0.5, l.quantity(2));
            LiquidationCoverage c = store.liquidationCoverage(BTC);
            // own [T0−1d, T0) and all-market [T0−1min, T0+10min) merge into one span
            assertEquals(1, c.size());
            assertEquals(T0 - 86_400_000L, c.fromMs(0));
            assertEquals(T0 + 10 * MIN, c.toMs(0));
            assertEquals(1, store.liquidationCoverage(Fixtures.ETH).size(), "the all-market span covers ETH too");
            assertEquals(new FundingInfo(BTC, 0.003, -0.003, 8), store.fundingInfo(BTC));
            assertNull(store.fundingInfo(Fixtures.ETH));
        }
    }

    @Test
    void reIngest_sameBytes_orSameRowsUnderAnotherName_changesNothing() {
        try (Store store = Store.inMemory()) {
            store.ingest(source("a", all()));
            List<String> before = Fixtures.dump(store).stream().filter(x -> !x.contains("ingested")).toList();
            List<List<Object>> micro = store.sqlForTests("SELECT * EXCLUDE (source_file) FROM book_depth UNION ALL BY NAME"
                    + " SELECT * EXCLUDE (source_file) FROM liquidations ORDER BY ALL");
            IngestReport same = store.ingest(source("a", all()));
            assertEquals(IngestOutcome.ALREADY_INGESTED, same.outcome());
            IngestReport copy = store.ingest(source("b", all()));
            assertEquals(0, copy.rowsAccepted());
            assertEquals(all().rows() + 2, copy.rowsAlreadyPresent());
            assertEquals(0, copy.conflicts());
            assertEquals(micro, store.sqlForTests("SELECT * EXCLUDE (source_file) FROM book_depth UNION ALL BY NAME"
                    + " SELECT * EXCLUDE (source_file) FROM liquidations ORDER BY ALL"));
            assertEquals(0, Fixtures.duplicateKeys(store));
            assertEquals(before.size(), Fixtures.dump(store).stream().filter(x -> !x.contains("ingested")).count() - 1,
                    "only the second file's ingested_files row is new");
        }
    }

    static ParsedSource depthOnly(String name, BookDepthSeries d) {
        MicroData m = new MicroData(List.of(d), List.of(), List.of(), List.of(), List.of());
        return new ParsedSource(name, Fixtures.sha(name), m.rows(), List.of(), List.of(), List.of(), List.of(),
                List.of(), m);
    }

    @Test
    void disagreeingDepth_isAConflict_storedValueKept() {
        try (Store store = Store.inMemory()) {
            store.ingest(depthOnly("a", depth(1)));
            IngestReport r = store.ingest(depthOnly("b", depth(2)));
            assertEquals(1, r.conflicts());
            assertEquals(3, r.rowsAlreadyPresent());
            assertTrue(r.conflictExamples().get(0).startsWith("book_depth BTCUSDT 2024-01-01T00:00:00Z: stored depth=10.0"
                    + " notional=1000000.0, incoming depth=20.0 notional=2000000.0 (stored kept)"),
                    r.conflictExamples().toString());
            assertEquals(1e6, store.bookDepth(BTC, null, null).notional(0));
            assertEquals(1L, store.sqlForTests("SELECT count(*) FROM conflicts WHERE table_name = 'book_depth'").get(0)
                    .get(0));
        }
    }

    @Test
    void aSourceWithRejectedRows_isRefusedWhole_storeUnchanged() {
        try (Store store = Store.inMemory()) {
            MicroData m = all();
            ParsedSource bad = new ParsedSource("bad", Fixtures.sha("bad"), m.rows() + 3, List.of(), List.of(),
                    List.of(openInterest()), List.of(new Rejection("bad", 3, "crossed book")), List.of(), m);
            IngestReport r = store.ingest(bad);
            assertTrue(r.refused());
            for (String t : List.of("book_depth", "book_ticker", "open_interest", "liquidations", "liquidation_coverage",
                    "funding_info")) {
                assertEquals(0L, store.sqlForTests("SELECT count(*) FROM " + t).get(0).get(0), t);
            }
            IngestReport kept = store.ingest(bad, RejectPolicy.KEEP_GOOD_ROWS);
            assertEquals(m.rows() + 2, kept.rowsAccepted());
        }
    }

    @Test
    void ingestOfHalfAMillionBookDepthRows_storesThemAll_andPrintsRowsPerSecond(@TempDir Path dir) {
        int snapshots = 50_000;
        double[] bands = {-5, -4, -3, -2, -1, 1, 2, 3, 4, 5};
        int n = snapshots * bands.length;
        long[] t = new long[n];
        double[] p = new double[n];
        double[] d = new double[n];
        double[] v = new double[n];
        for (int s = 0, i = 0; s < snapshots; s++) {
            for (double b : bands) {
                t[i] = T0 + s * 30_000L;
                p[i] = b;
                d[i] = 100 * Math.abs(b) + s % 7;
                v[i] = d[i] * 27_000;
                i++;
            }
        }
        try (Store store = Store.open(dir.resolve("micro.duckdb"))) {
            long t0 = System.nanoTime();
            IngestReport r = store.ingest(depthOnly("depth-500k", new BookDepthSeries(BTC, t, p, d, v)));
            long t1 = System.nanoTime();
            BookDepthSeries back = store.bookDepth(BTC, null, null);
            long t2 = System.nanoTime();
            assertEquals(n, r.rowsAccepted());
            assertEquals(n, back.size());
            assertEquals(v[n - 1], back.notional(n - 1));
            System.out.printf("book_depth throughput: ingest %,d rows in %.2f s = %,.0f rows/s; read %,.0f rows/s%n", n,
                    (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9));
        }
    }
}
