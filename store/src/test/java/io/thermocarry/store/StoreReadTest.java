package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static io.thermocarry.store.Fixtures.H;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreReadTest {

    @Test
    void bars_returnTheHalfOpenRange_andNullBoundsMeanAll() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.SPOT, 48, 21);
            store.ingest(Fixtures.bars("s.csv", s));

            BarSeries mid = store.bars(BTC, Market.SPOT, BarInterval.H1, Instant.ofEpochMilli(T0 + 10 * H),
                    Instant.ofEpochMilli(T0 + 20 * H));
            assertArrayEquals(s.slice(T0 + 10 * H, T0 + 20 * H).openTimes(), mid.openTimes());
            assertEquals(10, mid.size());
            assertEquals(T0 + 10 * H, mid.openTimeMs(0));
            assertEquals(T0 + 19 * H, mid.openTimeMs(9));

            BarSeries all = store.bars(BTC, Market.SPOT, BarInterval.H1, null, null);
            assertArrayEquals(s.openTimes(), all.openTimes());
            assertArrayEquals(s.opens(), all.opens());
            assertArrayEquals(s.highs(), all.highs());
            assertArrayEquals(s.lows(), all.lows());
            assertArrayEquals(s.closes(), all.closes());
            assertArrayEquals(s.volumes(), all.volumes());
            assertEquals(38, store.bars(BTC, Market.SPOT, BarInterval.H1, Instant.ofEpochMilli(T0 + 10 * H), null)
                    .size());
        }
    }

    @Test
    void ingested_isTrueForCommittedPathsOnly_notForRefusedOnes() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("https://mirror/a.zip", Fixtures.walk(BTC, Market.SPOT, 10, 1)));
            ParsedSource bad = new ParsedSource("https://mirror/b.zip", "ab", 1, List.of(), List.of(),
                    List.of(new Rejection("b.csv", 3, "close 'x' is not a number")), List.of());
            assertTrue(store.ingest(bad).refused());
            assertTrue(store.ingested("https://mirror/a.zip"));
            assertFalse(store.ingested("https://mirror/b.zip"), "a refused source was not committed");
            assertFalse(store.ingested("https://mirror/c.zip"));
        }
    }

    @Test
    void bars_ofOtherSymbolsMarketsOrIntervals_areNotMixedIn() {
        try (Store store = Store.inMemory()) {
            store.ingest(Fixtures.bars("a", Fixtures.walk(BTC, Market.SPOT, 10, 1), Fixtures.walk(BTC, Market.PERP, 12,
                    2), Fixtures.walk(ETH, Market.SPOT, 14, 3)));
            assertEquals(10, store.bars(BTC, Market.SPOT, BarInterval.H1, null, null).size());
            assertEquals(12, store.bars(BTC, Market.PERP, BarInterval.H1, null, null).size());
            assertEquals(14, store.bars(ETH, Market.SPOT, BarInterval.H1, null, null).size());
            BarSeries none = store.bars(BTC, Market.SPOT, BarInterval.M5, null, null);
            assertTrue(none.isEmpty());
            assertEquals(BarInterval.M5, none.interval());
        }
    }

    @Test
    void bars_largerThanTheReadBuffer_comeBackWhole() {
        try (Store store = Store.inMemory()) {
            BarSeries s = Fixtures.walk(BTC, Market.PERP, 5000, 4);
            store.ingest(Fixtures.bars("big", s));
            BarSeries back = store.bars(BTC, Market.PERP, BarInterval.H1, null, null);
            assertArrayEquals(s.openTimes(), back.openTimes());
            assertArrayEquals(s.closes(), back.closes());
        }
    }

    @Test
    void funding_returnsTheHalfOpenRange_withUnknownMarkPricesAsNaN() {
        try (Store store = Store.inMemory()) {
            FundingSeries f = Fixtures.funding(BTC, 10, 8);
            double[] marks = f.markPrices().clone();
            marks[3] = Double.NaN;
            FundingSeries withGap = new FundingSeries(BTC, f.times(), f.rates(), f.intervals(), marks);
            store.ingest(Fixtures.funding("f", withGap));

            FundingSeries all = store.funding(BTC, null, null);
            assertArrayEquals(withGap.times(), all.times());
            assertArrayEquals(withGap.rates(), all.rates());
            assertArrayEquals(withGap.intervals(), all.intervals());
            assertTrue(Double.isNaN(all.markPrice(3)));
            assertEquals(marks[4], all.markPrice(4));

            FundingSeries part = store.funding(BTC, Instant.ofEpochMilli(T0 + 16 * H), Instant.ofEpochMilli(T0 + 40
                    * H));
            assertArrayEquals(new long[] {T0 + 16 * H, T0 + 24 * H, T0 + 32 * H}, part.times());
            assertTrue(store.funding(ETH, null, null).isEmpty());
        }
    }

    @Test
    void tables_listsTheMigratedTables() {
        try (Store store = Store.inMemory()) {
            assertEquals(List.of("bars", "book_depth", "book_ticker", "buckets", "conflicts", "decomposition",
                    "fold_fits", "funding", "funding_info", "ingested_files", "ledger_books", "liquidation_coverage",
                    "liquidations", "live_books", "live_events", "live_fills", "live_funding", "metrics",
                    "multiple_testing", "open_interest", "portfolio_correlation",
                    "portfolio_folds", "portfolio_holes", "portfolio_ledger", "portfolio_metrics", "portfolio_runs",
                    "portfolio_symbols", "reality_check", "rejected_rows", "runs", "schema_version", "significance",
                    "sweep", "sweep_runs", "trades"), store.tables());
        }
    }
}
