package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.SyntheticMarket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live book's warm-up history fetched over REST from a loopback fake Binance when the store has none. */
class LiveWarmupTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant START = Instant.parse("2024-03-20T00:00:00Z");
    private static final SyntheticMarket MARKET = SyntheticMarket.builder(11)
            .symbol("BTCUSDT", Instant.parse("2023-10-01T00:00:00Z"), Instant.parse("2023-10-01T00:00:00Z"))
            .build();

    @TempDir
    Path dir;

    @Test
    void emptyStore_getsFundingAndHourlyBarsOfTheSpanBeforeTheStart_andNothingAfter() {
        try (FakeBinance server = FakeBinance.start(MARKET, () -> START.toEpochMilli());
                Store store = Store.open(dir.resolve("w.duckdb"))) {
            long start = START.toEpochMilli();
            assertEquals(List.of(BTC), LiveWarmup.missing(store, List.of(BTC), start));
            List<String> log = new ArrayList<>();
            URI base = URI.create(server.baseUrl());
            LiveWarmup.fetch(store, List.of(BTC), start, Duration.ofDays(130), base, base, NetPolicy.defaults(),
                    log::add);
            assertTrue(LiveWarmup.present(store, BTC, start));
            assertTrue(LiveWarmup.missing(store, List.of(BTC), start).isEmpty());
            Instant from = START.minus(Duration.ofDays(130));
            int hours = 130 * 24;
            assertEquals(hours, store.bars(BTC, Market.PERP, BarInterval.H1, from, START).size());
            assertEquals(hours, store.bars(BTC, Market.SPOT, BarInterval.H1, from, START).size());
            assertTrue(store.bars(BTC, Market.PERP, BarInterval.H1, START, null).isEmpty(), "nothing at or after the start");
            int settlements = store.funding(BTC, from, START).size();
            assertTrue(settlements >= 130 * 3 - 1 && settlements <= 130 * 6, "settlements " + settlements);
            assertTrue(log.get(0).contains("warm-up"), log.toString());
        }
    }

    @Test
    void aRestThatKeepsFailing_endsInAClearJobFailure_naming_theDownloadToRetry() {
        try (FakeBinance server = FakeBinance.start(MARKET, () -> START.toEpochMilli());
                Store store = Store.open(dir.resolve("f.duckdb"))) {
            server.failHardAfter(0, FakeBinance.Fault.HTTP_500);
            URI base = URI.create(server.baseUrl());
            NetPolicy quick = NetPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(1),
                    Duration.ofMillis(2));
            JobFailed e = assertThrows(JobFailed.class, () -> LiveWarmup.fetch(store, List.of(BTC),
                    START.toEpochMilli(), Duration.ofDays(10), base, base, quick, m -> { }));
            assertTrue(e.getMessage().contains("thermocarry download --symbols BTCUSDT")
                    || e.getMessage().contains("series problem"), e.getMessage());
            assertFalse(LiveWarmup.present(store, BTC, START.toEpochMilli()));
        }
    }
}
