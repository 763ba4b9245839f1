package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code open_interest} table: idempotent ingest, conflicts, filling an unknown value, range reads. */
class StoreOpenInterestTest {
    private static final long M5 = 300_000L;

    private static OpenInterestSeries series(Symbol s, int from, int n, double base, boolean values) {
        long[] t = new long[n];
        double[] oi = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + (from + i) * M5;
            oi[i] = base + from + i;
            v[i] = values ? oi[i] * 40_000 : Double.NaN;
        }
        return new OpenInterestSeries(s, t, oi, v);
    }

    private static ParsedSource source(String name, OpenInterestSeries... s) {
        long n = 0;
        for (OpenInterestSeries x : s) {
            n += x.size();
        }
        return new ParsedSource(name, Fixtures.sha(name), n, List.of(), List.of(), List.of(s), List.of(), List.of());
    }

    @Test
    void openInterest_isStoredOnce_readByRange_andOverlapsCountAsPresent() {
        try (Store store = Store.inMemory()) {
            IngestReport a = store.ingest(source("day1", series(BTC, 0, 288, 80_000, true)));
            assertEquals(288, a.rowsAccepted());
            IngestReport b = store.ingest(source("overlap", series(BTC, 280, 20, 80_000, true)));
            assertEquals(12, b.rowsAccepted());
            assertEquals(8, b.rowsAlreadyPresent());
            assertEquals(List.of("open_interest:BTCUSDT"), store.info().files().get(1).series());

            OpenInterestSeries all = store.openInterest(BTC, null, null);
            assertEquals(300, all.size());
            assertArrayEquals(series(BTC, 0, 300, 80_000, true).sumOpenInterests(), all.sumOpenInterests());
            OpenInterestSeries part = store.openInterest(BTC, Instant.ofEpochMilli(T0 + 10 * M5),
                    Instant.ofEpochMilli(T0 + 13 * M5));
            assertArrayEquals(new long[] {T0 + 10 * M5, T0 + 11 * M5, T0 + 12 * M5}, part.times());
            assertTrue(store.openInterest(ETH, null, null).isEmpty());
            assertEquals(0, Fixtures.duplicateKeys(store));
        }
    }

    @Test
    void aDisagreeingSnapshot_isAConflict_andAnUnknownValueIsFilledIn() {
        try (Store store = Store.inMemory()) {
            store.ingest(source("no-values", series(BTC, 0, 10, 100, false)));
            IngestReport filled = store.ingest(source("values", series(BTC, 0, 10, 100, true)));
            assertEquals(10, filled.rowsAlreadyPresent(), "an unknown value does not disagree");
            assertEquals(100 * 40_000, store.openInterest(BTC, null, null).sumOpenInterestValue(0));

            IngestReport other = store.ingest(source("other", series(BTC, 5, 10, 200, true)));
            assertEquals(5, other.conflicts());
            assertEquals(5, other.rowsAccepted());
            assertTrue(other.conflictExamples().get(0).startsWith("open interest BTCUSDT"), other.conflictExamples()
                    .toString());
            assertEquals(105.0, store.openInterest(BTC, null, null).sumOpenInterest(5), "stored value kept");
        }
    }

    @Test
    void aStoreWithoutOpenInterest_isMigrated_andKeepsItsData(@TempDir Path dir) {
        Path db = dir.resolve("v1.duckdb");
        try (Store store = Store.open(db)) {
            store.ingest(Fixtures.bars("a", Fixtures.walk(BTC, Market.SPOT, 5, 1)));
            // Make it look like a store written before open interest existed.
            for (Schema.Migration mig : Schema.MIGRATIONS) {
                if (mig.version() >= 3) {
                    for (Schema.TableDef t : mig.tables()) {
                        store.sqlForTests("DROP TABLE " + t.name());
                    }
                }
            }
            // migration 6 turned migration 2's ledger table into a view: back to the table
            store.sqlForTests("DROP VIEW ledger");
            store.sqlForTests(Schema.LEDGER.ddl());
            store.sqlForTests("DELETE FROM schema_version WHERE version >= 3");
        }
        try (Store store = Store.open(db)) {
            assertEquals(Schema.latestVersion(), store.schemaVersion());
            assertEquals(5, store.bars(BTC, Market.SPOT,
                    BarInterval.H1, null, null).size());
            assertEquals(3, store.ingest(source("oi", series(BTC, 0, 3, 1, true))).rowsAccepted());
        }
    }
}
