package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The foundation proven on the real Binance history of {@code ../shared/data/binance}: the whole 1 h tree
 * and the per-symbol funding files are ingested once for the class through the CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataTest {
    private Path dir;
    private Path db;
    private JsonNode firstIngest;
    private List<String> ingestArgs;

    @BeforeAll
    void ingestOnce() throws IOException {
        Path data = SharedData.binance();
        dir = Files.createTempDirectory("thermocarry-real");
        db = dir.resolve("real.duckdb");
        ingestArgs = new ArrayList<>(List.of("ingest", data.resolve("klines/1h").toString()));
        try (Stream<Path> s = Files.list(data.resolve("funding"))) {
            s.filter(p -> p.toString().endsWith(".csv.gz")).sorted().forEach(p -> ingestArgs.add(p.toString()));
        }
        ingestArgs.addAll(List.of("--db", db.toString(), "--json"));
        Cli.Result r = Cli.run(ingestArgs.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        firstIngest = r.json();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private JsonNode info() {
        Cli.Result r = Cli.run("info", "--db", db.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        return r.json();
    }

    private static JsonNode find(JsonNode arr, String symbol, String market) {
        for (JsonNode n : arr) {
            if (n.get("symbol").asText().equals(symbol) && (market == null || n.get("market").asText().equals(market))) {
                return n;
            }
        }
        throw new AssertionError("no " + symbol + " " + market + " in " + arr);
    }

    @Test
    void ingest_acceptsEveryRow_ofTheRealTree() {
        assertEquals(0, firstIngest.get("rowsRejected").asLong());
        assertTrue(firstIngest.get("rowsAccepted").asLong() > 1_250_000, "rows accepted: " + firstIngest.get("rowsAccepted"));
    }

    @Test
    void info_btcFunding_isComplete_from20190910_to20260517() {
        JsonNode btc = find(info().get("funding"), "BTCUSDT", null);
        assertEquals("2019-09-10T08:00:00Z", btc.get("first").asText());
        assertEquals("2026-05-17T00:00:00Z", btc.get("last").asText());
        assertEquals(7323, btc.get("events").asInt());
        assertEquals(0, btc.get("missingSettlements").asInt());
        assertEquals("[8]", btc.get("intervalsHours").toString());
    }

    @Test
    void info_spotGaps_matchSourcesMd_andPlaceholdersAreFlagged() {
        JsonNode series = info().get("series");
        JsonNode btcSpot = find(series, "BTCUSDT", "spot");
        assertEquals(27, btcSpot.get("gaps").asInt(), "SOURCES.md: 27 gaps / 122 missing bars");
        assertEquals(122, btcSpot.get("missingBars").asInt());
        assertEquals(2, find(series, "BTCUSDT", "perp").get("placeholders").asInt());
        assertEquals(1, find(series, "ETHUSDT", "perp").get("placeholders").asInt());
        JsonNode sol = find(series, "SOLUSDT", "spot");
        assertEquals(10, sol.get("gaps").asInt());
        assertEquals(20, sol.get("missingBars").asInt());
    }

    @Test
    void solPerp_isStitchedFromItsParts_withoutGapsOrConflicts() {
        JsonNode sol = find(info().get("series"), "SOLUSDT", "perp");
        assertEquals("2020-10-23T08:00:00Z", sol.get("first").asText());
        assertEquals("2026-05-16T10:00:00Z", sol.get("last").asText());
        assertEquals(0, sol.get("gaps").asInt());
        try (Store store = Store.open(db)) {
            List<List<Object>> c = store.sqlForTests(
                    "SELECT count(*) FROM conflicts WHERE symbol = 'SOLUSDT'");
            assertEquals(0L, ((Number) c.get(0).get(0)).longValue());
        }
    }

    @Test
    void btcCycles_2020to2026_oneLessThanSettlements_andBasisMedianNearMinus3point6bp() {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-31T00:00:00Z");
        try (Store store = Store.open(db)) {
            Symbol btc = Symbol.of("BTCUSDT");
            int settlements = store.funding(btc, from, to).size();
            MarketLoader.Loaded l = MarketLoader.load(store, btc, from, to);
            assertEquals(settlements - 1, l.cycles().size());
            BasisSeries all = MarketLoader.load(store, btc, null, null).basis();
            double[] v = all.values().clone();
            Arrays.sort(v);
            double median = v[v.length / 2];
            assertEquals(-0.036, median, 0.0015, "SOURCES.md: BTC median basis -3.6 bp over 58,574 matched hours");
            assertEquals(58_574 - 2, all.size(), "SOURCES.md counts 58,574 matched hours including the 2 placeholder candles we leave out");
        }
    }

    @Test
    void btcCycles_basisStartEnd_equalAnIndependentDuckdbAsofJoin() {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-31T00:00:00Z");
        try (Store store = Store.open(db)) {
            FundingCycles c = MarketLoader.load(store, Symbol.of("BTCUSDT"), from, to).cycles();
            String sql = """
                    WITH basis AS (
                      SELECT p.open_time_ms + 3600000 AS t, (p.close - s.close) / s.close * 100 AS b
                      FROM bars p JOIN bars s ON p.open_time_ms = s.open_time_ms
                      WHERE p.symbol = 'BTCUSDT' AND p.market = 'perp' AND p.interval = '1h' AND NOT p.placeholder
                        AND s.symbol = 'BTCUSDT' AND s.market = 'spot' AND s.interval = '1h' AND NOT s.placeholder),
                    f AS (SELECT time_ms FROM funding WHERE symbol = 'BTCUSDT'
                          AND time_ms >= %d AND time_ms < %d)
                    SELECT f.time_ms, b.b FROM f ASOF LEFT JOIN basis b ON f.time_ms >= b.t ORDER BY f.time_ms
                    """.formatted(from.toEpochMilli(), to.toEpochMilli());
            List<List<Object>> rows = store.sqlForTests(sql);
            assertEquals(c.size() + 1, rows.size());
            for (int k = 0; k < c.size(); k++) {
                assertEquals(((Number) rows.get(k).get(0)).longValue(), c.startMs(k));
                assertEquals(((Number) rows.get(k).get(1)).doubleValue(), c.basisStart(k), 0.0, "b_start " + k);
                assertEquals(((Number) rows.get(k + 1).get(1)).doubleValue(), c.basisEnd(k), 0.0, "b_end " + k);
            }
        }
    }

    @Test
    void reingestingEverythingTwice_leavesEveryTableByteForByteEqual() throws Exception {
        String before = dump();
        for (int i = 0; i < 2; i++) {
            Cli.Result r = Cli.run(ingestArgs.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertEquals(0, r.json().get("rowsAccepted").asLong());
        }
        assertEquals(before, dump());
    }

    private String dump() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Store store = Store.open(db)) {
            for (String t : List.of("bars", "funding", "rejected_rows", "conflicts")) {
                for (List<Object> row : store.sqlForTests("SELECT * FROM " + t + " ORDER BY ALL")) {
                    md.update(row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            md.update(String.valueOf(store.sqlForTests("SELECT count(*) FROM ingested_files")).getBytes());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void multiSymbolFundingFile_keepsPerSymbolIntervals_andCyclesCarry4hLengths() throws IOException {
        Path multi;
        try (Stream<Path> s = Files.list(SharedData.binance().resolve("funding/multi"))) {
            multi = s.filter(p -> p.toString().endsWith(".csv.gz")).findFirst().orElseThrow();
        }
        Path mdb = dir.resolve("multi.duckdb");
        assertEquals(0, Cli.run("ingest", multi.toString(), "--db", mdb.toString()).exit());
        JsonNode funding = Cli.run("info", "--db", mdb.toString(), "--json").json().get("funding");
        JsonNode ordi = find(funding, "ORDIUSDT", null);
        assertEquals("[4,8]", ordi.get("intervalsHours").toString());
        assertEquals("[8]", find(funding, "BTCUSDT", null).get("intervalsHours").toString());
        try (Store store = Store.open(mdb)) {
            var f = store.funding(Symbol.of("ORDIUSDT"), null, null);
            int fourHour = 0;
            for (int i = 1; i < f.size(); i++) {
                if (f.timeMs(i) - f.timeMs(i - 1) == 4 * 3_600_000L) {
                    fourHour++;
                    assertEquals(4 * 3_600_000L, f.intervalMs(i), "interval in force at " + Instant.ofEpochMilli(f.timeMs(i)));
                }
            }
            assertTrue(fourHour > 100, "ORDI switched to 4 h settlements: " + fourHour);
            BasisSeries none = new BasisSeries(f.symbol(), new long[0], new double[0], new byte[0], 0, 3_600_000L);
            FundingCycles c = io.thermocarry.core.series.CycleBuilder.build(f, none, null);
            int fourHourCycles = 0;
            for (int k = 0; k < c.size(); k++) {
                if (c.intervalHours(k) == 4.0) {
                    fourHourCycles++;
                }
            }
            assertEquals(fourHour, fourHourCycles, "cycles carry the actual 4 h lengths");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"BTCUSDT,2020-01-01", "ETHUSDT,2020-01-01", "SOLUSDT,2022-12-12"})
    void referenceMode_onTheProductsOwnIngest_reproducesEveryGoldenRegime(String symbol, String from) throws IOException {
        Path golden = SharedData.root().resolve("reference/" + symbol + ".reference-cycles.csv.gz");
        java.util.Map<String, String> regimes = new java.util.HashMap<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(golden)), java.nio.charset.StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            int t = header.indexOf("start_time");
            int reg = header.indexOf("regime");
            for (String line; (line = in.readLine()) != null;) {
                String[] f = line.split(",", -1);
                if (!f[reg].isEmpty()) {
                    regimes.put(f[t], f[reg]);
                }
            }
        }
        Cli.Result r = Cli.run("signals", "--symbol", symbol, "--from", from, "--to", "2026-03-31T00:00:01Z",
                "--compat", "reference", "--db", db.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode decisions = r.json().get("decisions");
        assertEquals(regimes.size(), decisions.size());
        int differ = 0;
        for (JsonNode d : decisions) {
            if (!d.get("regime").asText().equals(regimes.get(d.get("time").asText()))) {
                differ++;
            }
        }
        assertEquals(0, differ, "regimes differing from the reference code's on the same Binance data");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"naive", "physics"})
    void btcBacktest16bps_pnlEqualsAnIndependentDuckdbRecomputationFromTheCyclesTable(String strategy) {
        Path cycles = dir.resolve("cycles-" + strategy + ".csv");
        Path ledger = dir.resolve("ledger-" + strategy + ".csv");
        String[] range = {"--symbol", "BTCUSDT", "--from", "2020-01-01", "--to", "2026-03-31", "--db", db.toString()};
        Cli.Result c = Cli.run(concat(new String[] {"cycles", "--csv", cycles.toString()}, range));
        assertEquals(0, c.exit(), c.err());
        Cli.Result b = Cli.run(concat(new String[] {"backtest", "--strategy", strategy, "--fee-bps", "16", "--json",
                "--csv", ledger.toString()}, range));
        assertEquals(0, b.exit(), b.err());
        JsonNode pnl = b.json().get("tiers").get(0).get("pnl");
        // Independent route: the PnL model of SPEC §7 in SQL over the cycles table and the engine's notional path.
        // Causal funding: a position held through [t_k, t_k+1) is paid the rate settled at t_k+1.
        String sql = """
                WITH c AS (SELECT "start" AS s, fundingRate AS f, basisStartPct AS bs, basisEndPct AS be,
                                  LEAD(fundingRate) OVER (ORDER BY "start") AS f_end
                           FROM read_csv('%s', header = true, timestampformat = '%%Y-%%m-%%dT%%H:%%M:%%SZ')),
                     l AS (SELECT "start" AS s, side, notional, traded, funding, basis, fee
                           FROM read_csv('%s', header = true, timestampformat = '%%Y-%%m-%%dT%%H:%%M:%%SZ')),
                     x AS (SELECT l.*, CASE l.side WHEN 'SHORT_BASIS' THEN 1 WHEN 'LONG_BASIS' THEN -1 ELSE 0 END AS sgn,
                                  c.f_end, c.bs, c.be
                           FROM l JOIN c USING (s))
                SELECT sum(sgn * notional * coalesce(f_end, 0)),
                       sum(CASE WHEN sgn = 0 OR bs IS NULL OR be IS NULL THEN 0 ELSE -sgn * notional * (be - bs) / 100 END),
                       sum(traded * 16 / 2 / 10000),
                       max(abs(funding - sgn * notional * coalesce(f_end, 0))),
                       count(*)
                FROM x
                """.formatted(cycles.toAbsolutePath(), ledger.toAbsolutePath());
        try (Store store = Store.open(db)) {
            List<Object> row = store.sqlForTests(sql).get(0);
            double funding = ((Number) row.get(0)).doubleValue();
            double basis = ((Number) row.get(1)).doubleValue();
            double fees = ((Number) row.get(2)).doubleValue();
            assertEquals(pnl.get("funding").asDouble(), funding, 1e-9, "funding");
            assertEquals(pnl.get("basis").asDouble(), basis, 1e-9, "basis");
            assertEquals(pnl.get("fees").asDouble(), fees, 1e-9, "fees");
            assertTrue(((Number) row.get(3)).doubleValue() < 1e-12, "per-cycle funding");
            assertTrue(((Number) row.get(4)).longValue() > 6800, "rows joined: " + row.get(4));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"BTCUSDT,2020-01-01,5.869,4.684", "ETHUSDT,2020-01-01,5.049,4.494",
            "SOLUSDT,2022-12-12,1.781,0.355"})
    void referenceBacktest_onTheProductsOwnIngest_givesThePublishedSharpes(String symbol, String from, double physics,
            double naive) {
        for (String[] c : new String[][] {{"physics", Double.toString(physics)}, {"naive", Double.toString(naive)}}) {
            Cli.Result r = Cli.run("backtest", "--symbol", symbol, "--strategy", c[0], "--from", from, "--to",
                    "2026-03-31T00:00:01Z", "--compat", "reference", "--db", db.toString(), "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals(Double.parseDouble(c[1]), r.json().get("tiers").get(0).get("referenceSharpe").asDouble(), 5e-4,
                    symbol + " " + c[0] + " (reference README, 3 decimals)");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
