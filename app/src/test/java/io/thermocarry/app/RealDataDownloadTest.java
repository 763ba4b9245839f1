package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.binance.BinanceReader;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Placeholders;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.FakeBinance.Fault;
import io.thermocarry.testkit.SyntheticMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real BTCUSDT history of {@code ../shared/data/binance} (1 h perp and spot, funding) served by the fake Binance
 * in Binance's REST JSON under a seeded storm of transient faults, downloaded through the CLI: the store equals the
 * store built by ingesting the same files directly — no row lost, none duplicated, placeholders and all.
 */
class RealDataDownloadTest {
    private static final Symbol BTC = new Symbol("BTCUSDT");
    @TempDir
    Path dir;

    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static List<SyntheticMarket.Kline> klines(BarSeries b) {
        List<SyntheticMarket.Kline> out = new ArrayList<>(b.size());
        long iv = b.interval().millis();
        for (int i = 0; i < b.size(); i++) {
            long t = b.openTimeMs(i);
            out.add(new SyntheticMarket.Kline(t, t + iv - 1, plain(b.open(i)), plain(b.high(i)), plain(b.low(i)),
                    plain(b.close(i)), plain(b.volume(i)), "0", 0, "0", "0"));
        }
        return out;
    }

    private static List<SyntheticMarket.Funding> funding(FundingSeries f) {
        List<SyntheticMarket.Funding> out = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            double m = f.markPrice(i);
            out.add(new SyntheticMarket.Funding(f.timeMs(i), f.timeMs(i), (int) (f.intervalMs(i) / 3_600_000L),
                    plain(f.rate(i)), Double.isNaN(m) ? "" : plain(m)));
        }
        return out;
    }

    private static ParsedSource read(Path p) {
        ParsedSource s = BinanceReader.read(p);
        assertTrue(s.rejected().isEmpty(), () -> p + ": " + s.rejected());
        return s;
    }

    @Test
    void realBtcHistory_throughAFaultyFakeBinance_equalsTheStoreBuiltFromTheSameFiles() {
        Path data = SharedData.binance();
        Path perpFile = data.resolve("klines/1h/futures/BTCUSDT.csv.gz");
        Path spotFile = data.resolve("klines/1h/spot/BTCUSDT.csv.gz");
        Path fundingFile = data.resolve("funding/BTCUSDT.csv.gz");
        BarSeries perp = read(perpFile).bars().get(0);
        BarSeries spot = read(spotFile).bars().get(0);
        FundingSeries fund = read(fundingFile).funding().get(0);
        SyntheticMarket market = SyntheticMarket.ofRows(Duration.ofHours(1),
                Map.of("BTCUSDT", Map.of("perp", klines(perp), "spot", klines(spot))),
                Map.of("BTCUSDT", funding(fund)));
        long end = Math.max(perp.closeTimeMs(perp.size() - 1), spot.closeTimeMs(spot.size() - 1)) + 1;
        long serverStart = end + Duration.ofDays(1).toMillis();
        long wallStart = System.currentTimeMillis();

        String ref = dir.resolve("ref.duckdb").toString();
        Cli.Result in = Cli.run("ingest", perpFile.toString(), spotFile.toString(), fundingFile.toString(), "--db", ref);
        assertEquals(0, in.exit(), in.err());

        String db = dir.resolve("dl.duckdb").toString();
        try (FakeBinance server = FakeBinance.start(market,
                () -> serverStart + System.currentTimeMillis() - wallStart)) {
            server.retryAfterSeconds(0).injectSeeded(17, 0.15, 2, Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503,
                    Fault.RATE_LIMITED_429, Fault.CLOSE_MID_BODY, Fault.TRUNCATED_JSON, Fault.SHORT_PAGE);
            Cli.Result r = Cli.run("download", "--db", db, "--symbol", "BTCUSDT", "--series", "funding,perp,spot",
                    "--source", "rest", "--to", Instant.ofEpochMilli(end).toString(), "--base-url", server.baseUrl(),
                    "--backoff-ms", "1", "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = r.json();
            assertTrue(j.get("retries").asLong() > 5, "the storm happened: " + server.injectedFaults());
            assertEquals(perp.size() + spot.size() + fund.size(), j.get("rowsAccepted").asLong());
            assertEquals(0, server.weightViolations());
        }

        try (Store a = Store.open(Path.of(ref))) {
            try (Store b = Store.open(Path.of(db))) {
                for (Market m : List.of(Market.PERP, Market.SPOT)) {
                    BarSeries x = a.bars(BTC, m, BarInterval.H1, null, null, Placeholders.INCLUDE);
                    BarSeries y = b.bars(BTC, m, BarInterval.H1, null, null, Placeholders.INCLUDE);
                    assertArrayEquals(x.openTimes(), y.openTimes(), m.code());
                    assertArrayEquals(x.opens(), y.opens());
                    assertArrayEquals(x.highs(), y.highs());
                    assertArrayEquals(x.lows(), y.lows());
                    assertArrayEquals(x.closes(), y.closes());
                    assertArrayEquals(x.volumes(), y.volumes());
                    assertEquals(a.bars(BTC, m, BarInterval.H1, null, null).size(),
                            b.bars(BTC, m, BarInterval.H1, null, null).size(), "the same placeholders flagged");
                }
                FundingSeries x = a.funding(BTC, null, null);
                FundingSeries y = b.funding(BTC, null, null);
                assertArrayEquals(x.times(), y.times());
                assertArrayEquals(x.rates(), y.rates());
                assertArrayEquals(x.intervals(), y.intervals(), "intervals from spacing, paged = whole");
                assertArrayEquals(x.markPrices(), y.markPrices());
                assertEquals(0L, ((Number) b.sqlForTests("SELECT count(*) - count(DISTINCT (symbol, market, interval,"
                        + " open_time_ms)) FROM bars").get(0).get(0)).longValue());
            }
        }
    }
}
