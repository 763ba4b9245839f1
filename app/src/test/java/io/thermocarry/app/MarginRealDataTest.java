package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The margin path (SPEC §13, issue 15) on the real Binance history of {@code ../shared/data/binance}: the 1 h tree
 * and the funding files ingested once for the class, then {@code margin} for the seven symbols with 1 h spot,
 * perp and funding (physics strategy, 16 bps, futures share 0 — the wallet is the initial margin N/L —, 1 h
 * transfers, 1 M USDT of capital) at leverage 1, 2, 3, 5. Known episodes checked against the bar files: BTC's
 * 2021-07-26 01:00 short squeeze (the perp printed a wick to 48,168.6, the mark price only to 39,744.81: the
 * mark is what liquidates) and SOL's 2023-07-14 00:00 rally (26.018 → high 33.579 in one hour).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarginRealDataTest {
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "AVAXUSDT",
            "DOGEUSDT", "LINKUSDT");
    private Path dir;
    private Path data;
    private String db;
    private final Map<String, JsonNode> runs = new HashMap<>();

    @BeforeAll
    void ingestOnce_andRunTheMarginTable() throws IOException {
        data = SharedData.binance();
        dir = Files.createTempDirectory("thermocarry-margin-real");
        db = dir.resolve("real.duckdb").toString();
        Cli.Result in = Cli.run("ingest", data.resolve("klines/1h").toString(), data.resolve("funding").toString(),
                "--db", db, "--json");
        assertEquals(0, in.exit(), in.err());
        Cli.Result r = Cli.run("margin", "--db", db, "--symbols", String.join(",", SYMBOLS), "--leverage", "1,2,3,5",
                "--buffer-resamples", "200", "--json");
        assertEquals(0, r.exit(), r.err());
        for (JsonNode run : r.json().get("runs")) {
            runs.put(run.get("symbol").asText() + "@" + run.get("leverage").asInt(), run);
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everySymbolAndLeverage_hasTheContractFields_andOneTimesIsNeverLiquidated() {
        assertEquals(SYMBOLS.size() * 4, runs.size());
        for (JsonNode run : runs.values()) {
            for (String f : List.of("symbol", "minMarginRatio", "liquidations", "bufferNeeded",
                    "pnlLostToLiquidations")) {
                assertTrue(run.has(f), f + " in " + run);
            }
            JsonNode b = run.get("bufferNeeded");
            assertTrue(b.get("p95").asDouble() <= b.get("p99").asDouble()
                    && b.get("p99").asDouble() <= b.get("p999").asDouble(), b.toString());
            assertEquals(run.get("liquidations").asInt(), run.get("liquidationEvents").size());
            if (run.get("liquidations").asInt() == 0) {
                assertEquals(0.0, run.get("pnlLostToLiquidations").asDouble(), 1e-12, "transfers cost nothing");
                assertEquals(0.0, b.get("history").asDouble(), "the initial margin alone survived");
            }
        }
        for (String s : SYMBOLS) {
            assertEquals(0, runs.get(s + "@1").get("liquidations").asInt(), s + " at 1x");
        }
        for (int lev : new int[] {1, 2, 3}) {
            assertEquals(0, runs.get("BTCUSDT@" + lev).get("liquidations").asInt(), "BTC at " + lev + "x");
        }
    }

    @Test
    void btc5x_isLiquidatedOnce_bytheMarkPriceOf2021_07_26_01h_notByThePerpWick() throws IOException {
        JsonNode run = runs.get("BTCUSDT@5");
        assertEquals(1, run.get("liquidations").asInt());
        JsonNode e = run.get("liquidationEvents").get(0);
        assertEquals("2021-07-26T01:00:00Z", e.get("time").asText());
        assertEquals("short", e.get("leg").asText());
        double[] perp = bar(data.resolve("klines/1h/futures/BTCUSDT.csv.gz"), 1_627_261_200_000L);
        double[] mark = bar(data.resolve("klines/1h/mark/BTCUSDT.csv.gz"), 1_627_261_200_000L);
        assertEquals(48_168.6, perp[1], 1e-9, "the perp's wick");
        assertEquals(39_744.81240014, mark[1], 1e-6, "the mark's high");
        assertEquals(mark[1], e.get("worstPrice").asDouble(), 1e-6, "the worst case is the mark");
        double lp = e.get("liquidationPrice").asDouble();
        double strike = e.get("strikePrice").asDouble();
        assertTrue(lp > strike * 1.09 && lp < mark[1], "liquidation price " + lp + " between +9 % and the mark high");
        // the cycle (00:00-08:00 UTC) struck at the 00:00 perp open
        assertEquals(bar(data.resolve("klines/1h/futures/BTCUSDT.csv.gz"), 1_627_257_600_000L)[0], strike, 1e-9);
        assertTrue(run.get("pnlLostToLiquidations").asDouble() > 0);
        double buffer = run.get("bufferNeeded").get("history").asDouble();
        assertTrue(buffer > 0 && buffer < 0.2, "buffer " + buffer);
        // at the history's buffer the same book survives
        Cli.Result r = Cli.run("margin", "--db", db, "--symbol", "BTCUSDT", "--leverage", "5", "--futures-share",
                Double.toString(buffer), "--buffer-resamples", "0", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, r.json().get("liquidations").asInt());
    }

    @Test
    void sol2x_isLiquidatedInTheRallyOf2023_07_14() throws IOException {
        JsonNode run = runs.get("SOLUSDT@2");
        assertEquals(1, run.get("liquidations").asInt());
        JsonNode e = run.get("liquidationEvents").get(0);
        assertEquals("2023-07-14T00:00:00Z", e.get("time").asText());
        assertEquals(26.018, e.get("strikePrice").asDouble(), 1e-9);
        assertEquals(33.579, e.get("worstPrice").asDouble(), 1e-9);
        assertEquals("2023-07-14T00:00:00Z", run.get("worstBar").get("time").asText());
        assertTrue(e.get("liquidationPrice").asDouble() > 26.018 * 1.2, "2x short: a rise of more than 20 %");
    }

    /** {open, high, low, close} of the bar opened at {@code openMs} in a freqtrade-layout gz CSV, or a failure. */
    private static double[] bar(Path file, long openMs) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String prefix = openMs + ",";
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(prefix)) {
                    String[] f = line.split(",");
                    return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])};
                }
            }
        }
        throw new AssertionError("no bar at " + openMs + " in " + file);
    }
}
