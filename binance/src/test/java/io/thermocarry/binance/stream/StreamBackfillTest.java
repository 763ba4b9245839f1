package io.thermocarry.binance.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.download.BinanceHttp;
import io.thermocarry.binance.download.BinanceRestClient;
import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.market.FundingEvent;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.ManualClock;
import io.thermocarry.testkit.SyntheticMarket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST repairs against the fake Binance (127.0.0.1), on a manual clock: waits are recorded, never slept. */
class StreamBackfillTest {
    private static final Symbol BTC = new Symbol("BTCUSDT");
    private static final Instant NOW = Instant.parse("2024-03-01T09:30:20Z");
    private final SyntheticMarket market = SyntheticMarket.builder(3).interval(Duration.ofMinutes(1))
            .end(Instant.parse("2024-03-01T10:00:00Z"))
            .symbol("BTCUSDT", Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")).build();
    private final ManualClock clock = new ManualClock(NOW);
    private final FakeBinance server = FakeBinance.start(market, clock::millis);
    private final StreamBackfill backfill = new StreamBackfill(new BinanceRestClient(
            new BinanceHttp(NetPolicy.defaults(), clock, clock::sleep, 1), URI.create(server.baseUrl()),
            URI.create(server.baseUrl() + "/spot")));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void gap_isRepairedWithTheExactClosedBars_throughA429() {
        server.retryAfterSeconds(3).inject(FakeBinance.Fault.RATE_LIMITED_429, r -> r.path().endsWith("klines"), 1);
        long from = Instant.parse("2024-03-01T08:57:00Z").toEpochMilli();
        long to = Instant.parse("2024-03-01T09:30:00Z").toEpochMilli();
        StreamHealth gap = new StreamHealth(StreamHealth.Kind.GAP, "spot", "btcusdt@kline_1m", NOW.toEpochMilli(),
                from, to, "33 missing");
        List<KlineEvent> got = backfill.repair(gap);
        assertEquals(33, got.size());
        List<SyntheticMarket.Kline> bars = market.klines("BTCUSDT", "spot");
        for (int i = 0; i < got.size(); i++) {
            KlineEvent k = got.get(i);
            SyntheticMarket.Kline b = bars.stream().filter(x -> x.openTime() == k.openTimeMs()).findFirst()
                    .orElseThrow();
            assertEquals(from + i * 60_000L, k.openTimeMs());
            assertEquals(Market.SPOT, k.market());
            assertTrue(k.closed());
            assertEquals(b.closeTime(), k.closeTimeMs());
            assertEquals(Double.parseDouble(b.open()), k.open());
            assertEquals(Double.parseDouble(b.high()), k.high());
            assertEquals(Double.parseDouble(b.low()), k.low());
            assertEquals(Double.parseDouble(b.close()), k.close());
            assertEquals(Double.parseDouble(b.volume()), k.volume());
            assertEquals(k.openTimeMs() + 60_000L, k.eventTimeMs());
        }
        assertEquals(1, server.injectedFaults().get(FakeBinance.Fault.RATE_LIMITED_429));
        assertTrue(clock.sleeps().contains(Duration.ofSeconds(3)), "waited Retry-After: " + clock.sleeps());
        assertTrue(server.requests().stream().allMatch(r -> r.path().endsWith("/api/v3/klines")));
    }

    @Test
    void perpGap_usesTheFuturesKlines() {
        StreamHealth gap = new StreamHealth(StreamHealth.Kind.GAP, "futures", "btcusdt@kline_1m", 0,
                Instant.parse("2024-03-01T09:00:00Z").toEpochMilli(),
                Instant.parse("2024-03-01T09:03:00Z").toEpochMilli(), "");
        List<KlineEvent> got = backfill.repair(gap);
        assertEquals(3, got.size());
        assertEquals(Market.PERP, got.get(0).market());
        assertTrue(server.requests().get(0).path().endsWith("/fapi/v1/klines"));
    }

    @Test
    void settledFunding_isTheSettlementAtThatMinute_orEmptyBeforeItIsPublished() {
        SyntheticMarket.Funding f8 = market.funding("BTCUSDT").stream()
                .filter(f -> f.settleTime() == Instant.parse("2024-03-01T08:00:00Z").toEpochMilli()).findFirst()
                .orElseThrow();
        Optional<FundingEvent> got = backfill.settledFunding(BTC, f8.settleTime());
        assertTrue(got.isPresent());
        assertEquals(Double.parseDouble(f8.rate()), got.get().rate());
        assertEquals(Instant.ofEpochMilli(f8.settleTime()), got.get().time());
        assertEquals(Duration.ofHours(8), got.get().interval());
        assertTrue(backfill.settledFunding(BTC, Instant.parse("2024-03-01T16:00:00Z").toEpochMilli()).isEmpty());
    }
}
