package io.thermocarry.store;

import static io.thermocarry.store.Fixtures.BTC;
import static io.thermocarry.store.Fixtures.ETH;
import static io.thermocarry.store.Fixtures.H;
import static io.thermocarry.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreInfoTest {

    @Test
    void barSeries_gapsAndMissingBars_countedByHand() {
        try (Store store = Store.inMemory()) {
            // Hours 0 1 2 _ _ 5 6 _ _ _ 10: gaps after 2 and after 6; missing 3, 4, 7, 8, 9.
            long[] t = {T0, T0 + H, T0 + 2 * H, T0 + 5 * H, T0 + 6 * H, T0 + 10 * H};
            BarSeries s = Fixtures.walkAt(BTC, Market.SPOT, t, 41);
            store.ingest(Fixtures.bars("s", s));

            StoreInfo.SeriesInfo i = store.info().series().get(0);

            assertEquals(new StoreInfo.SeriesInfo(BTC, Market.SPOT, BarInterval.H1, Instant.ofEpochMilli(T0),
                    Instant.ofEpochMilli(T0 + 10 * H), 6, 2, 5, 0), i);
            // The SQL route agrees with the Java one in core.
            assertEquals(s.gaps(), i.gaps());
            assertEquals(s.missingBars(), i.missingBars());
        }
    }

    @Test
    void barSeries_areListedPerSymbolMarketInterval_inOrder() {
        try (Store store = Store.inMemory()) {
            BarSeries m5 = new BarSeries(ETH, Market.PERP, BarInterval.M5, new long[] {T0, T0 + 300_000, T0 + 900_000},
                    new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {1, 1, 1}, new double[] {2, 2, 2},
                    new double[] {3, 3, 3});
            store.ingest(Fixtures.bars("x", Fixtures.walk(ETH, Market.SPOT, 5, 1), m5, Fixtures.walk(BTC, Market.PERP, 3,
                    2)));
            List<StoreInfo.SeriesInfo> series = store.info().series();
            assertEquals(3, series.size());
            assertEquals(List.of("BTCUSDT perp 1h", "ETHUSDT perp 5m", "ETHUSDT spot 1h"), series.stream()
                    .map(x -> x.symbol() + " " + x.market().code() + " " + x.interval().code()).toList());
            assertEquals(1, series.get(1).gaps());
            assertEquals(1, series.get(1).missingBars());
        }
    }

    @Test
    void funding_switchingFrom8hTo4h_listsIntervals4And8_andTheChangeTime() {
        try (Store store = Store.inMemory()) {
            // 8 h at 0, 8, 16, 24; then 4 h at 28, 32, 36; back to 8 h at 44, 52 (few ms of jitter on some).
            long[] t = {T0, T0 + 8 * H + 3, T0 + 16 * H, T0 + 24 * H, T0 + 28 * H, T0 + 32 * H - 2, T0 + 36 * H,
                T0 + 44 * H, T0 + 52 * H + 5};
            long[] iv = {8 * H, 8 * H, 8 * H, 8 * H, 4 * H, 4 * H, 4 * H, 8 * H, 8 * H};
            store.ingest(Fixtures.funding("f", series(t, iv)));

            StoreInfo.FundingInfo f = store.info().funding().get(0);

            assertEquals(List.of(Duration.ofHours(4), Duration.ofHours(8)), f.intervals());
            assertEquals(List.of(4L, 8L), f.intervalsHours());
            assertEquals(List.of(Instant.ofEpochMilli(T0 + 28 * H), Instant.ofEpochMilli(T0 + 44 * H)),
                    f.intervalChanges());
            assertEquals(2, f.intervalChangeCount());
            assertEquals(9, f.events());
            assertEquals(0, f.gaps());
            assertEquals(0, f.missingSettlements());
            assertEquals(Instant.ofEpochMilli(T0), f.first());
            assertEquals(Instant.ofEpochMilli(T0 + 52 * H + 5), f.last());
        }
    }

    @Test
    void funding_missingSettlements_areCountedOnTheIntervalInForce() {
        try (Store store = Store.inMemory()) {
            // 8 h grid missing 16 h (one hole of one) and, in the 4 h part, 36 h and 40 h (one hole of two).
            long[] t = {T0, T0 + 8 * H, T0 + 24 * H, T0 + 28 * H, T0 + 32 * H, T0 + 44 * H, T0 + 48 * H};
            long[] iv = {8 * H, 8 * H, 8 * H, 4 * H, 4 * H, 4 * H, 4 * H};
            store.ingest(Fixtures.funding("f", series(t, iv)));

            StoreInfo.FundingInfo f = store.info().funding().get(0);

            assertEquals(2, f.gaps());
            assertEquals(3, f.missingSettlements());
            assertEquals(1, f.intervalChangeCount());
        }
    }

    @Test
    void rejectedRowsPerFile_filesAndConflicts_areReported() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        try (Store store = Store.inMemory(clock)) {
            ParsedSource a = Fixtures.source("a.csv", List.of(Fixtures.walk(BTC, Market.SPOT, 5, 1)), List.of(),
                    List.of(new Rejection("a.csv", 2, "bad"), new Rejection("a.csv", 3, "bad")));
            ParsedSource b = Fixtures.source("b.csv", List.of(Fixtures.withClose(Fixtures.walk(BTC, Market.SPOT, 5, 1),
                    0, 1.0)), List.of(), List.of(new Rejection("b.csv", 0, "checksum mismatch")));
            store.ingest(a, RejectPolicy.KEEP_GOOD_ROWS);
            store.ingest(b, RejectPolicy.KEEP_GOOD_ROWS);

            StoreInfo info = store.info();

            assertEquals(Map.of("a.csv", 2L, "b.csv", 1L), info.rejectedRowsByFile());
            assertEquals(3, info.rejectedRows());
            assertEquals(1, info.conflicts());
            assertEquals(List.of(new IngestedFile("a.csv", a.sha256(), List.of("bars:BTCUSDT:spot:1h"),
                    RejectPolicy.KEEP_GOOD_ROWS, 7, 5, 2, 0, 0, clock.instant()), new IngestedFile("b.csv", b.sha256(),
                    List.of("bars:BTCUSDT:spot:1h"), RejectPolicy.KEEP_GOOD_ROWS, 6, 0, 1, 4, 1, clock.instant())),
                    info.files());
        }
    }

    @Test
    void emptyStore_hasAnEmptyInfo() {
        try (Store store = Store.inMemory()) {
            StoreInfo info = store.info();
            assertEquals(List.of(), info.series());
            assertEquals(List.of(), info.funding());
            assertEquals(0, info.rejectedRows());
            assertEquals(0, info.conflicts());
        }
    }

    private static FundingSeries series(long[] t, long[] iv) {
        double[] r = new double[t.length];
        double[] m = new double[t.length];
        java.util.Arrays.fill(r, 1e-4);
        java.util.Arrays.fill(m, Double.NaN);
        return new FundingSeries(BTC, t, r, iv, m);
    }
}
