package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The microstructure layer on the real files of {@code ../shared/data/binance} (micro/, open_interest/, funding,
 * BTC 1 m and SOL 5 m klines for the premium proxy), through the CLI. The figures asserted are the ones the data
 * gives (documented in docs/ARCHITECTURE.md); the data is thin, and most features are "not evaluated" most of the
 * time, which is part of what is checked. Skipped when the data is absent (see {@link SharedData}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicroRealDataFlowTest {
    private Path dir;
    private String db;
    private JsonNode ingest;

    @BeforeAll
    void ingestOnce() throws IOException {
        Path data = SharedData.binance();
        dir = Files.createTempDirectory("thermocarry-micro");
        db = dir.resolve("micro.duckdb").toString();
        List<String> args = new ArrayList<>(List.of("ingest", data.resolve("micro").toString(),
                data.resolve("open_interest").toString(), data.resolve("funding/BTCUSDT.csv.gz").toString(),
                data.resolve("funding/ETHUSDT.csv.gz").toString(), data.resolve("funding/SOLUSDT.part-tamilsanmia.csv.gz")
                        .toString(), data.resolve("funding/SOLUSDT.part-roshan.csv.gz").toString()));
        for (String leg : new String[] {"futures", "spot"}) {
            try (Stream<Path> s = Files.list(data.resolve("klines/1m/" + leg))) {
                s.filter(p -> p.getFileName().toString().startsWith("BTCUSDT")).sorted()
                        .forEach(p -> args.add(p.toString()));
            }
            args.add(data.resolve("klines/5m/" + leg + "/SOLUSDT.part-harthor.csv.gz").toString());
        }
        args.addAll(List.of("--db", db, "--json"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        ingest = r.json();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private JsonNode features(String... extra) {
        List<String> a = new ArrayList<>(List.of("features", "--db", db, "--json"));
        a.addAll(Arrays.asList(extra));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.json();
    }

    @Test
    void everyMicrostructureFile_ingestsWithoutARejectedRow() {
        assertEquals(0, ingest.get("rowsRejected").asLong(), ingest.get("rejected").toString());
        assertEquals(0, ingest.get("filesRefused").asLong());
        assertTrue(ingest.get("skipped").isEmpty(), ingest.get("skipped").toString());
    }

    /** Two whole bookDepth days: the ±1 % depth and its percentile against the day's own past; no book ticker. */
    @Test
    void bookDepthDays_giveDepthAtEveryHalfHour_butNoSpread_andSaySo() {
        JsonNode f = features("--symbol", "BTCUSDT", "--from", "2023-10-16", "--to", "2023-10-17", "--every", "30m");
        assertEquals(48, f.get("decisionCount").asInt());
        // 00:00 comes before the first snapshot (00:00:13); every other half hour has a fresh one
        assertEquals(1, f.get("noData").get("depth").asInt());
        assertEquals(48, f.get("noData").get("spreadPerp").asInt(), "no book ticker that day: spread not evaluated");
        assertEquals(48, f.get("noData").get("spreadSpot").asInt());
        double min = Double.MAX_VALUE;
        double max = 0;
        for (JsonNode d : f.get("decisions")) {
            if (!d.get("depthNotional1pct").isNull()) {
                double v = d.get("depthNotional1pct").asDouble();
                min = Math.min(min, v);
                max = Math.max(max, v);
                assertTrue(d.get("depthNotional5pct").asDouble() > v);
            }
        }
        // ±1 % of mid held 99–232 M USDT of BTCUSDT on 2023-10-16
        assertEquals(98.9e6, min, 0.5e6);
        assertEquals(232.3e6, max, 0.5e6);
    }

    /** 28 seconds of book ticker: the spread and, after ten 1-second samples of history, its percentile. */
    @Test
    void bookTickerSeconds_giveASpreadPercentileOnlyAfterTenSecondsOfHistory() {
        JsonNode f = features("--symbol", "BTCUSDT", "--from", "2023-10-02T00:00:00Z", "--to",
                "2023-10-02T00:00:30Z", "--every", "1s", "--vetoes", "spread-perp");
        assertEquals(30, f.get("decisionCount").asInt());
        assertEquals(1, f.get("noData").get("spreadPerp").asInt(), "00:00:00 precedes the first quote");
        assertEquals(11, f.get("notEvaluated").get("spreadPerp").asInt());
        JsonNode d0 = f.get("decisions").get(1);
        // 27981.3 / 27981.4: one 0.1 tick = 0.0357 bp
        assertEquals(0.1 / 27981.35 * 1e4, d0.get("spreadBps").asDouble(), 1e-9);
    }

    /** One month of 4 h open interest for BTC, ETH and SOL: the change over each 8 h interval and its z-score. */
    @Test
    void fourHourOpenInterest_isEvaluatedAfterTenChanges_andRarelyVetoes() {
        for (String s : new String[] {"BTCUSDT", "ETHUSDT", "SOLUSDT"}) {
            JsonNode f = features("--symbol", s, "--from", "2026-02-20", "--to", "2026-03-20", "--vetoes", "oi");
            assertEquals(84, f.get("decisionCount").asInt(), s);
            assertEquals(7, f.get("notEvaluated").get("oiChange").asInt(), s);
            int fired = f.get("fired").get("oiChange").asInt();
            assertTrue(fired >= 1 && fired <= 4, s + " fired " + fired);
        }
    }

    /** Coinalyze's daily BTC open interest and liquidations, with 1-day horizons. */
    @Test
    void dailyAggregatorSeries_evaluateOiEverywhere_andLiquidationsOnlyAtMidnight() {
        JsonNode f = features("--symbol", "BTCUSDT", "--from", "2022-02-01", "--to", "2024-09-20", "--vetoes",
                "oi,liquidations", "--oi-horizon", "1d", "--oi-max-age", "1d", "--liq-horizon", "1d");
        int n = f.get("decisionCount").asInt();
        assertEquals(962 * 3, n);
        assertEquals(0, f.get("notEvaluated").get("oiChange").asInt());
        // a 1-day window ending at 08:00 or 16:00 cuts through two daily totals: not evaluable
        assertEquals(962 * 2, f.get("notEvaluated").get("liquidations").asInt(), f.get("notEvaluated").toString());
        assertEquals(78, f.get("fired").get("oiChange").asInt());
    }

    /**
     * The predicted funding from the perp−spot proxy (labelled so) against each settled BTC rate, 1 m bars, five
     * minutes before each settlement: Binance's formula lands on the settled rate within a fraction of a bp.
     */
    @Test
    void proxyPredictedFunding_btc1m_fiveMinutesBeforeEachSettlement() {
        double[] s = leadStats("BTCUSDT", "2025-05-20", "2025-06-24T08:00:00Z", 5);
        System.out.printf(Locale.ROOT, "BTC 1m proxy, 5 min before settlement: n=%.0f median |err| %.3f bp, sign %.1f%%%n",
                s[0], s[1], 100 * s[2]);
        assertEquals(105, s[0], 0.0);
        assertTrue(s[1] < 0.1, "median |error| bp " + s[1]);
        assertTrue(s[2] > 0.95, "sign agreement " + s[2]);
    }

    @Test
    void proxyPredictedFunding_sol5m_weakerThanBtc_butMostSignsRight() {
        double[] end = leadStats("SOLUSDT", "2025-01-01", "2026-02-19", 5);
        double start = leadStats("SOLUSDT", "2025-01-01", "2026-02-19", 0)[2];
        System.out.printf(Locale.ROOT, "SOL 5m proxy, 5 min before settlement: n=%.0f median |err| %.3f bp, sign %.1f%%;"
                + " at the settlement (persistence) sign %.1f%%%n", end[0], end[1], 100 * end[2], 100 * start);
        assertEquals(1_242, end[0], 0.0);
        assertTrue(end[1] < 0.5, "median |error| bp " + end[1]);
        assertTrue(end[2] > 0.8, "sign agreement " + end[2]);
        assertTrue(start < end[2], "the persistence forecast at the settlement is worse than the full interval's");
    }

    /**
     * Decisions {@code leadMinutes} before each settlement in the range ({@code features --lead}): n, median
     * |F̂ − F| in bp against the rate settled at that settlement, sign agreement. Lead 0 decides at the settlement
     * itself and is judged against the next one (the persistence forecast the settlement-time veto uses).
     */
    private double[] leadStats(String symbol, String from, String to, int leadMinutes) {
        JsonNode f = features("--symbol", symbol, "--from", from, "--to", to, "--lead", leadMinutes + "m", "--vetoes",
                "flip");
        assertEquals("perp-spot proxy", f.get("premiumSource").asText());
        List<Double> err = new ArrayList<>();
        int agree = 0;
        for (JsonNode d : f.get("decisions")) {
            if (d.get("predictedFunding").isNull() || d.get("settledFunding").isNull()) {
                continue;
            }
            assertTrue(d.get("predictedFundingProxy").asBoolean());
            double p = d.get("predictedFunding").asDouble();
            double s = d.get("settledFunding").asDouble();
            err.add(Math.abs(p - s) * 1e4);
            agree += Math.signum(p) == Math.signum(s) ? 1 : 0;
        }
        double[] e = err.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {e.length, e.length == 0 ? Double.NaN : e[e.length / 2], agree / (double) e.length};
    }
}
