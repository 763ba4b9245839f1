package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.store.Placeholders;
import io.thermocarry.store.Store;
import io.thermocarry.testkit.BinanceFormats;
import io.thermocarry.testkit.FakeBinance;
import io.thermocarry.testkit.FakeBinance.Fault;
import io.thermocarry.testkit.SyntheticMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code download} through the CLI into a real store, against a fake Binance on 127.0.0.1 whose clock stands at
 * 2024-03-15T10:30Z; every run passes {@code --to 2024-03-15T10:00:00Z} (the last finished bar's end by the server's
 * clock) and short back-offs, and never a real host.
 */
class DownloadCommandTest {
    private static final long NOW = Instant.parse("2024-03-15T10:30:00Z").toEpochMilli();
    private static final String FROM = "2024-01-01";
    private static final String TO = "2024-03-15T10:00:00Z";
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    private static final List<Market> MARKETS = List.of(Market.PERP, Market.SPOT, Market.MARK, Market.INDEX,
            Market.PREMIUM);
    private static final SyntheticMarket MARKET = SyntheticMarket.builder(3)
            .symbol("BTCUSDT", Instant.parse("2024-01-10T00:00:00Z"), Instant.parse("2023-12-01T00:00:00Z"))
            .symbol("ETHUSDT", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
            .gap("BTCUSDT", "perp", Instant.parse("2024-02-10T03:00:00Z"), Instant.parse("2024-02-10T06:00:00Z"))
            .fundingInterval("BTCUSDT", Instant.parse("2024-02-01T00:00:00Z"), 4)
            .fundingInterval("BTCUSDT", Instant.parse("2024-02-15T00:00:00Z"), 8)
            .missingSettlement("ETHUSDT", Instant.parse("2024-02-20T08:00:00Z"))
            .build();

    private final FakeBinance server = FakeBinance.start(MARKET, () -> NOW);
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        server.close();
    }

    private Cli.Result download(String db, String... extra) {
        return downloadSeries(db, "funding,perp,spot,mark,index,premium,oi", extra);
    }

    private Cli.Result downloadSeries(String db, String series, String... extra) {
        List<String> args = new ArrayList<>(List.of("download", "--db", db, "--symbols", String.join(",", SYMBOLS),
                "--series", series, "--from", FROM, "--to", TO, "--base-url", server.baseUrl(), "--backoff-ms", "1",
                "--json"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private String db(String name) {
        return dir.resolve(name + ".duckdb").toString();
    }

    /** Every series of both symbols equal in two stores (funding mark prices too when {@code marks}). */
    private static void assertSameStores(String a, String b, boolean marks) {
        try (Store x = Store.open(Path.of(a))) {
            List<Object> left = dump(x, marks);
            try (Store y = Store.open(Path.of(b))) {
                List<Object> right = dump(y, marks);
                assertEquals(left.size(), right.size());
                for (int i = 0; i < left.size(); i++) {
                    Object l = left.get(i);
                    Object r = right.get(i);
                    if (l instanceof long[] la) {
                        assertArrayEquals(la, (long[]) r, "column " + i);
                    } else {
                        assertArrayEquals((double[]) l, (double[]) r, "column " + i);
                    }
                }
            }
        }
    }

    private static List<Object> dump(Store s, boolean marks) {
        List<Object> out = new ArrayList<>();
        for (String sym : SYMBOLS) {
            Symbol symbol = new Symbol(sym);
            for (Market m : MARKETS) {
                BarSeries b = s.bars(symbol, m, BarInterval.H1, null, null, Placeholders.INCLUDE);
                out.addAll(List.of(b.openTimes(), b.opens(), b.highs(), b.lows(), b.closes(), b.volumes()));
            }
            FundingSeries f = s.funding(symbol, null, null);
            out.addAll(List.of(f.times(), f.rates(), f.intervals()));
            if (marks) {
                out.add(f.markPrices());
            }
            OpenInterestSeries oi = s.openInterest(symbol, null, null);
            out.addAll(List.of(oi.times(), oi.sumOpenInterests(), oi.sumOpenInterestValues()));
        }
        return out;
    }

    private static void assertKeysUnique(String db) {
        try (Store s = Store.open(Path.of(db))) {
            assertEquals(0L, ((Number) s.sqlForTests("SELECT count(*) - count(DISTINCT (symbol, market, interval,"
                    + " open_time_ms)) FROM bars").get(0).get(0)).longValue(), "duplicate bars");
            assertEquals(0L, ((Number) s.sqlForTests("SELECT count(*) - count(DISTINCT (symbol, time_ms)) FROM funding")
                    .get(0).get(0)).longValue(), "duplicate settlements");
        }
    }

    /** The server's data in [FROM, TO) as REST JSON files, ingested with the {@code ingest} command. */
    private String referenceByIngest() throws Exception {
        long from = Instant.parse(FROM + "T00:00:00Z").toEpochMilli();
        long to = Instant.parse(TO).toEpochMilli();
        String db = db("reference");
        for (String sym : SYMBOLS) {
            for (Market m : MARKETS) {
                List<SyntheticMarket.Kline> rows = MARKET.klines(sym, m.code()).stream()
                        .filter(k -> k.openTime() >= from && k.openTime() < to).toList();
                Path f = Files.write(dir.resolve(sym + "-" + m.code() + ".json"), BinanceFormats.klinesJson(rows));
                Cli.Result r = Cli.run("ingest", f.toString(), "--db", db, "--symbol", sym, "--market", m.code(),
                        "--interval", "1h");
                assertEquals(0, r.exit(), r.err());
            }
            List<SyntheticMarket.Funding> rows = MARKET.funding(sym).stream()
                    .filter(x -> x.fundingTime() >= from && x.fundingTime() < to).toList();
            Path f = Files.write(dir.resolve(sym + "-funding.json"), BinanceFormats.fundingJson(sym, rows));
            Cli.Result r = Cli.run("ingest", f.toString(), "--db", db, "--symbol", sym);
            assertEquals(0, r.exit(), r.err());
        }
        return db;
    }

    @Test
    void restDownload_equalsIngestingTheSamePayloads_reportsTheRealGaps_andARerunAddsNothing() throws Exception {
        String db = db("rest");
        Cli.Result r = download(db, "--source", "rest");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("requests").asLong() > 0);
        assertEquals(0, j.get("retries").asLong());
        assertTrue(j.get("rowsAccepted").asLong() > 10_000);
        assertEquals(0, j.get("problems").size(), j.toString());
        List<String> gaps = new ArrayList<>();
        j.get("gaps").forEach(g -> gaps.add(g.get("symbol").asText() + " " + g.get("series").asText() + " "
                + g.get("kind").asText() + " " + g.get("from").asText() + " " + g.get("missing").asLong()));
        assertTrue(gaps.contains("BTCUSDT perp HOLE 2024-02-10T03:00:00Z 3"), gaps.toString());
        assertTrue(gaps.contains("ETHUSDT funding HOLE 2024-02-20T08:00:00Z 1"), gaps.toString());
        assertTrue(gaps.contains("BTCUSDT perp BEFORE_FIRST 2024-01-01T00:00:00Z 216"), "listed 2024-01-10: " + gaps);
        JsonNode oiGap = null;
        for (JsonNode g : j.get("gaps")) {
            if (g.get("series").asText().equals("oi") && g.get("symbol").asText().equals("ETHUSDT")) {
                oiGap = g;
            }
        }
        assertEquals("NO_DATA", oiGap.get("kind").asText(), "REST has 30 days of open interest, all after 2024");
        assertTrue(oiGap.get("reason").asText().contains("last 30 days"), oiGap.toString());

        assertSameStores(referenceByIngest(), db, true);
        assertKeysUnique(db);

        Cli.Result again = download(db, "--source", "rest");
        assertEquals(0, again.exit(), again.err());
        assertEquals(0, again.json().get("rowsAccepted").asLong());
        assertEquals(0, again.json().get("rowsAlreadyPresent").asLong(), "nothing stored was fetched again");
    }

    @Test
    void aDownloadWhoseServerDiesMidway_exits1NamingTheUrl_andARerunEndsEqualToACleanRun() {
        // Open interest (a file per day) is left to the downloader's own kill-and-resume test, to keep this one short.
        String series = "funding,perp,spot,mark,index,premium";
        String clean = db("clean");
        Path cleanCache = dir.resolve("cache-clean");
        int before = server.requests().size();
        Cli.Result c = downloadSeries(clean, series, "--cache", cleanCache.toString());
        assertEquals(0, c.exit(), c.err());
        int total = server.requests().size() - before;

        Random rnd = new Random(99);
        for (int k = 0; k < 3; k++) {
            String db = db("cut" + k);
            String cache = dir.resolve("cache" + k).toString();
            int cut = 3 + rnd.nextInt(total - 6);
            server.failHardAfter(server.requests().size() + cut, k == 1 ? Fault.CLOSE_BEFORE_RESPONSE : Fault.HTTP_503);
            Cli.Result dead = downloadSeries(db, series, "--cache", cache, "--max-attempts", "2");
            assertEquals(1, dead.exit(), "cut after " + cut + " of " + total + " requests: " + dead.err());
            assertTrue(dead.err().contains("network gave up on http://127.0.0.1:")
                    && dead.err().contains("run the same command again"), dead.err());
            assertFalse(dead.json().get("aborted").isNull(), "the partial report is printed");

            server.recover();
            Cli.Result resumed = downloadSeries(db, series, "--cache", cache);
            assertEquals(0, resumed.exit(), resumed.err());
            assertSameStores(clean, db, true);
            assertKeysUnique(db);
        }
    }

    @Test
    void anInvalidSymbol_exits1NamingIt_whileTheOtherSymbolIsStored() {
        String db = db("bad");
        Cli.Result r = Cli.run("download", "--db", db, "--symbols", "BTCUSDX,BTCUSDT", "--series", "perp,spot",
                "--source", "rest", "--from", "2024-03-01", "--to", TO, "--base-url", server.baseUrl(), "--json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("BTCUSDX"), r.err());
        JsonNode problems = r.json().get("problems");
        assertEquals(2, problems.size());
        assertTrue(problems.get(1).get("message").asText().contains("-1121"), problems.toString());
        assertTrue(problems.get(1).get("url").asText().startsWith(server.baseUrl() + "/api/v3/klines?symbol=BTCUSDX"));
        try (Store s = Store.open(Path.of(db))) {
            assertEquals(14 * 24 + 10, s.bars(new Symbol("BTCUSDT"), Market.SPOT, BarInterval.H1, null, null).size());
        }
    }

    @Test
    void spotRequests_goToTheSpotBaseUrl_whichDefaultsToTheBaseUrl() {
        Cli.Result r = Cli.run("download", "--db", db("spot1"), "--symbol", "ETHUSDT", "--series", "spot", "--source",
                "rest", "--from", "2024-03-14", "--to", TO, "--base-url", server.baseUrl(), "--spot-base-url",
                server.baseUrl() + "/spotmirror", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(server.requests().stream().filter(q -> q.path().contains("/api/v3/klines"))
                .allMatch(q -> q.path().equals("/spotmirror/api/v3/klines")), server.requests().toString());
        int n = server.requests().size();
        Cli.Result d = Cli.run("download", "--db", db("spot2"), "--symbol", "ETHUSDT", "--series", "spot", "--source",
                "rest", "--from", "2024-03-14", "--to", TO, "--base-url", server.baseUrl(), "--json");
        assertEquals(0, d.exit(), d.err());
        assertTrue(server.requests().subList(n, server.requests().size()).stream()
                .anyMatch(q -> q.path().equals("/api/v3/klines")));
    }

    @Test
    void theCache_letsAFreshStoreBeBuiltWithoutFetchingTheArchiveAgain() {
        String cache = dir.resolve("cache").toString();
        Cli.Result first = download(db("c1"), "--cache", cache, "--source", "archive");
        assertEquals(0, first.exit(), first.err());
        long files = first.json().get("archiveFiles").asLong();
        assertTrue(files > 0);
        int n = server.requests().size();
        Cli.Result second = download(db("c2"), "--cache", cache, "--source", "archive");
        assertEquals(0, second.exit(), second.err());
        assertEquals(files, second.json().get("archiveFilesFromCache").asLong());
        assertTrue(server.requests().subList(n, server.requests().size()).stream()
                .allMatch(q -> q.status() == 404), "only files the archive does not have are asked again");
        assertSameStores(db("c1"), db("c2"), false);
        Cli.Result third = download(db("c2"), "--cache", cache, "--source", "archive");
        JsonNode t = third.json();
        assertEquals(0, t.get("archiveFiles").asLong(), "nothing read again, not even from the cache");
        assertTrue(t.get("archiveFilesAlreadyStored").asLong() > 0,
                "months with a hole (before a listing, an outage) are known stored whole: " + t);
        assertEquals(0, t.get("rowsAlreadyPresent").asLong());
    }

    @Test
    void textOutput_summarisesAndListsTheGaps() {
        Cli.Result r = Cli.run("download", "--db", db("text"), "--symbol", "BTCUSDT", "--series", "perp", "--source",
                "rest", "--from", "2024-02-10", "--to", "2024-02-11", "--base-url", server.baseUrl());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rows accepted 21"), r.out());
        assertTrue(r.out().contains("2024-02-10T03:00:00Z") && r.out().contains("hole"), r.out());
    }

    @Test
    void usageErrors_exit2() {
        assertEquals(2, Cli.run("download", "--db", db("u"), "--base-url", server.baseUrl()).exit(), "no symbol");
        assertEquals(2, Cli.run("download", "--db", db("u"), "--symbol", "BTCUSDT", "--series", "candles",
                "--base-url", server.baseUrl()).exit());
        assertEquals(2, Cli.run("download", "--db", db("u"), "--symbol", "BTCUSDT", "--source", "ftp",
                "--base-url", server.baseUrl()).exit());
        Cli.Result url = Cli.run("download", "--db", db("u"), "--symbol", "BTCUSDT", "--base-url", "ftp://x");
        assertEquals(2, url.exit());
        assertTrue(url.err().contains("--base-url"), url.err());
        assertEquals(2, Cli.run("download", "--db", db("u"), "--symbol", "BTCUSDT", "--from", "2024-02-01", "--to",
                "2024-01-01", "--base-url", server.baseUrl()).exit());
        assertEquals(0, server.requests().size(), "nothing sent on a usage error");
    }
}
