package io.thermocarry.binance.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.binance.ReadOptions;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.testkit.BinanceFormats;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.ManualClock;
import io.thermocarry.testkit.SyntheticMarket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard synthetic market behind a fake Binance on 127.0.0.1, a manual clock shared by server and client, and
 * the reference a download must reproduce: the server's data read whole by {@link BinanceReader} (the route of a
 * file ingest), never by the code under test.
 *
 * <p>Market: 1 h klines to 2024-04-01; "now" 2024-03-15T10:30Z (January and February are finished months, March has
 * 14 finished days). BTCUSDT: perp from 2024-01-10, spot from 2023-12-01, a perp outage 2024-02-10 03:00–06:00,
 * funding every 4 h from 2024-02-01 to 2024-02-15 (8 h otherwise). ETHUSDT: everything from 2024-01-01, the
 * settlement of 2024-02-20 08:00 never happened.
 */
final class Fixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-03-15T10:30:00Z");
    static final Symbol BTC = new Symbol("BTCUSDT");
    static final Symbol ETH = new Symbol("ETHUSDT");
    static final BarInterval H1 = BarInterval.H1;
    static final Instant OUTAGE_FROM = Instant.parse("2024-02-10T03:00:00Z");
    static final Instant OUTAGE_TO = Instant.parse("2024-02-10T06:00:00Z");
    static final Instant ETH_MISSING_SETTLEMENT = Instant.parse("2024-02-20T08:00:00Z");

    final SyntheticMarket market;
    final ManualClock clock = new ManualClock(NOW);
    final FakeBinance server;

    Fixture() {
        this(standard());
    }

    Fixture(SyntheticMarket market) {
        this.market = market;
        this.server = FakeBinance.start(market, clock::millis);
    }

    static SyntheticMarket standard() {
        return SyntheticMarket.builder(7)
                .symbol("BTCUSDT", Instant.parse("2024-01-10T00:00:00Z"), Instant.parse("2023-12-01T00:00:00Z"))
                .symbol("ETHUSDT", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .gap("BTCUSDT", "perp", OUTAGE_FROM, OUTAGE_TO)
                .fundingInterval("BTCUSDT", Instant.parse("2024-02-01T00:00:00Z"), 4)
                .fundingInterval("BTCUSDT", Instant.parse("2024-02-15T00:00:00Z"), 8)
                .missingSettlement("ETHUSDT", ETH_MISSING_SETTLEMENT)
                .build();
    }

    /** Fast back-off (the manual clock does not wait anyway), 5 s timeout. */
    static NetPolicy policy() {
        return NetPolicy.defaults().withTimeout(Duration.ofSeconds(5));
    }

    URI base() {
        return URI.create(server.baseUrl());
    }

    BinanceHttp http(NetPolicy p) {
        return new BinanceHttp(p, clock, clock::sleep, 42);
    }

    BinanceRestClient rest(BinanceHttp h) {
        return new BinanceRestClient(h, base(), base());
    }

    ArchiveClient archive(BinanceHttp h, Path dir, boolean keep) {
        return new ArchiveClient(h, base(), dir,
                keep ? ArchiveClient.Retention.KEEP : ArchiveClient.Retention.DELETE_AFTER_USE);
    }

    /** The server's final klines with open time in [from, to), read whole. */
    BarSeries referenceBars(Symbol s, Market m, long from, long to) {
        List<SyntheticMarket.Kline> rows = new ArrayList<>();
        for (SyntheticMarket.Kline k : market.klines(s.name(), m.code())) {
            if (k.openTime() >= from && k.openTime() < to) {
                rows.add(k);
            }
        }
        ParsedSource p = BinanceReader.read("reference.json", BinanceFormats.klinesJson(rows),
                new ReadOptions(s, m, H1));
        assertTrue(p.rejected().isEmpty(), () -> "reference rejected: " + p.rejected());
        return p.bars().isEmpty() ? BarSeries.empty(s, m, H1) : p.bars().get(0);
    }

    /** The server's settlements with fundingTime in [from, to), read whole (intervals from the whole history). */
    FundingSeries referenceFunding(Symbol s, long from, long to) {
        List<SyntheticMarket.Funding> all = market.funding(s.name());
        ParsedSource p = BinanceReader.read("reference.json", BinanceFormats.fundingJson(s.name(), all),
                ReadOptions.none().withSymbol(s));
        assertTrue(p.rejected().isEmpty(), () -> "reference rejected: " + p.rejected());
        return p.funding().get(0).slice(from, to);
    }

    /** The server's open-interest snapshots with time in [from, to), read whole. */
    OpenInterestSeries referenceOpenInterest(Symbol s, long from, long to) {
        List<SyntheticMarket.OpenInterest> rows = new ArrayList<>();
        for (SyntheticMarket.OpenInterest o : market.openInterest(s.name())) {
            if (o.time() >= from && o.time() < to) {
                rows.add(o);
            }
        }
        ParsedSource p = BinanceReader.read("reference.json", BinanceFormats.openInterestJson(s.name(), rows),
                ReadOptions.none().withSymbol(s));
        assertTrue(p.rejected().isEmpty(), () -> "reference rejected: " + p.rejected());
        return p.openInterest().isEmpty() ? OpenInterestSeries.empty(s) : p.openInterest().get(0);
    }

    static void assertSameOpenInterest(OpenInterestSeries expected, OpenInterestSeries actual) {
        assertEquals(expected.size(), actual.size(), "open interest of " + expected.symbol());
        assertArrayEquals(expected.times(), actual.times(), "times");
        assertArrayEquals(expected.sumOpenInterests(), actual.sumOpenInterests(), "open interest");
        assertArrayEquals(expected.sumOpenInterestValues(), actual.sumOpenInterestValues(), "value");
    }

    static void assertSameBars(BarSeries expected, BarSeries actual) {
        assertEquals(expected.size(), actual.size(), "bars of " + expected.symbol() + " " + expected.market());
        assertArrayEquals(expected.openTimes(), actual.openTimes(), "open times");
        assertArrayEquals(expected.opens(), actual.opens(), "opens");
        assertArrayEquals(expected.highs(), actual.highs(), "highs");
        assertArrayEquals(expected.lows(), actual.lows(), "lows");
        assertArrayEquals(expected.closes(), actual.closes(), "closes");
        assertArrayEquals(expected.volumes(), actual.volumes(), "volumes");
    }

    static void assertSameFunding(FundingSeries expected, FundingSeries actual) {
        assertEquals(expected.size(), actual.size(), "settlements of " + expected.symbol());
        assertArrayEquals(expected.times(), actual.times(), "times");
        assertArrayEquals(expected.rates(), actual.rates(), "rates");
        assertArrayEquals(expected.intervals(), actual.intervals(), "intervals");
        assertArrayEquals(expected.markPrices(), actual.markPrices(), "mark prices");
    }

    static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Override
    public void close() {
        server.close();
    }
}
