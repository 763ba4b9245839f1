package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The universe and the portfolio of carries on the real Binance history of {@code ../shared/data/binance}: the
 * 1 h kline tree and every funding file (the multi-symbol zushen168 file included) are ingested once for the
 * class. Facts checked against SOURCES.md: the candidates with 1 h spot, 1 h perp and funding are BTC, ETH, SOL,
 * BNB, AVAX, DOGE and LINK (DOT has perp and funding but no spot; the other alts have perp or funding only); each
 * overlaps at least a year (LINK the least: funding and the roshan perp part from 2025-05-01); DOGE's perp comes
 * in two parts with a 7.5-month gap before its funding starts (2025-02-01).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioRealDataTest {
    private static final List<String> CANDIDATES = List.of("AVAXUSDT", "BNBUSDT", "BTCUSDT", "DOGEUSDT", "ETHUSDT",
            "LINKUSDT", "SOLUSDT");
    private Path dir;
    private String db;
    private JsonNode portfolio;

    @BeforeAll
    void ingestOnce_andRunTheAutomaticUniverse() throws IOException {
        Path data = SharedData.binance();
        dir = Files.createTempDirectory("thermocarry-portfolio-real");
        db = dir.resolve("real.duckdb").toString();
        Cli.Result in = Cli.run("ingest", data.resolve("klines/1h").toString(), data.resolve("funding").toString(),
                "--db", db, "--json");
        assertEquals(0, in.exit(), in.err());
        Cli.Result r = Cli.run("portfolio", "--db", db, "--universe", "auto", "--allocation", "all", "--bootstrap",
                "1000", "--rc-resamples", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        portfolio = r.json();
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
    void info_showsTheCandidates_theirOverlap_holesAndStitchedParts() {
        Cli.Result r = Cli.run("info", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        Map<String, JsonNode> cov = new HashMap<>();
        List<String> candidates = new ArrayList<>();
        for (JsonNode c : r.json().get("coverage")) {
            cov.put(c.get("symbol").asText(), c);
            if (c.get("candidate").asBoolean()) {
                candidates.add(c.get("symbol").asText());
                assertTrue(c.get("overlapDays").asDouble() >= 365, c.get("symbol") + " overlaps a year");
            }
        }
        assertEquals(CANDIDATES, candidates);
        assertEquals("NO_SPOT", cov.get("DOTUSDT").get("reason").asText());
        assertEquals("NO_SPOT", cov.get("APTUSDT").get("reason").asText(), "funding-only symbol of the multi file");
        assertEquals("2025-02-01T00:00:00Z", cov.get("DOGEUSDT").get("overlapFrom").asText());
        assertEquals("2025-05-01T00:00:00Z", cov.get("LINKUSDT").get("overlapFrom").asText());
        long dogePerpParts = 0;
        for (JsonNode p : cov.get("DOGEUSDT").get("parts")) {
            if (p.get("series").asText().equals("perp")) {
                dogePerpParts++;
            }
        }
        assertEquals(2, dogePerpParts, "DOGE perp: emanuelgoldman (to 2024-06) + roshan (from 2025-02)");
        assertEquals(0, cov.get("DOGEUSDT").get("holes").size(), "the gap between DOGE's parts precedes its funding");
        // BTC spot outages (e.g. 2020-02-19, 6 h) are holes inside BTC's overlap
        boolean outage = false;
        for (JsonNode h : cov.get("BTCUSDT").get("holes")) {
            outage |= h.get("series").asText().equals("spot") && h.get("after").asText().startsWith("2020-02-19");
        }
        assertTrue(outage, cov.get("BTCUSDT").get("holes").toString());
    }

    @Test
    void universe_isSelectedCausally_withAReasonForEveryExclusion() {
        assertEquals(CANDIDATES, texts(portfolio.get("symbols")));
        boolean dot = false;
        for (JsonNode x : portfolio.get("excluded")) {
            dot |= x.get("symbol").asText().equals("DOTUSDT") && x.get("reason").asText().equals("NO_SPOT");
        }
        assertTrue(dot, "DOT excluded for want of spot klines");
        JsonNode folds = portfolio.get("rebalances");
        JsonNode first = folds.get(0);
        // BTC is the first with 720 cycles of history (funding from 2019-09-10: 240 days later)
        assertEquals(List.of("BTCUSDT"), members(first));
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode x : first.get("excluded")) {
            reasons.put(x.get("symbol").asText(), x.get("reason").asText());
        }
        assertEquals("SHORT_HISTORY", reasons.get("ETHUSDT"));
        assertEquals("NOT_LISTED", reasons.get("SOLUSDT"), "SOL funding in the data starts 2022-12-12");
        int withAll = 0;
        for (JsonNode f : folds) {
            List<String> m = members(f);
            assertEquals(CANDIDATES.size(), m.size() + f.get("excluded").size(), "every candidate accounted for");
            Instant start = Instant.parse(f.get("start").asText());
            if (start.isAfter(Instant.parse("2025-12-02T00:00:00Z"))) {
                assertTrue(!m.contains("BNBUSDT"), "BNB spot ends 2025-12-01: stale after");
            }
            if (m.containsAll(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "AVAXUSDT", "DOGEUSDT"))) {
                withAll++;
            }
            double w = 0;
            for (JsonNode x : f.get("members")) {
                w += x.get("weight").asDouble();
                assertTrue(x.get("weight").asDouble() <= 0.5 + 1e-12);
            }
            assertTrue(w <= 1 + 1e-12);
        }
        assertTrue(withAll > 0, "BTC, ETH, SOL and the alts with history are held together at some rebalance");
    }

    @Test
    void portfolio_perSymbolPnlAddsUp_atEveryTierAndAllocation_andMultipleTestingCoversTheUniverse() {
        assertEquals(3, portfolio.get("allocations").size());
        for (JsonNode a : portfolio.get("allocations")) {
            for (JsonNode t : a.get("tiers")) {
                double sum = 0;
                for (JsonNode s : t.get("perSymbol")) {
                    sum += s.get("pnl").get("total").asDouble();
                }
                assertEquals(t.get("oos").get("pnl").get("total").asDouble(), sum, 1e-12, a.get("allocation") + " "
                        + t.get("feeBps"));
                assertTrue(t.get("oos").get("years").asDouble() > 5, "out of sample from 2020-05 to 2026-05");
            }
        }
        JsonNode mt = portfolio.get("multipleTesting");
        assertEquals(CANDIDATES.size() * 3, mt.get("perSymbol").size());
        for (JsonNode s : mt.get("perSymbol")) {
            assertTrue(s.get("cycles").asInt() > 300, s.toString());
            assertEquals(s.get("qValue").asDouble() <= 0.10, s.get("discovery").asBoolean());
        }
        assertEquals(3, mt.get("realityCheck").size());
        for (JsonNode r : mt.get("realityCheck")) {
            assertEquals(CANDIDATES.size() * 5, r.get("models").asInt());
            // 8 h buckets from BTC's first out-of-sample cycle (2020-05) to 2026-05
            assertTrue(r.get("periods").asInt() > 6000, r.toString());
        }
    }

    /**
     * A one-symbol portfolio at weight 1 with caps that never bind is the single-symbol backtest: SOL, physics,
     * from the portfolio's first rebalance, every tier, to the last bit of every figure.
     */
    @Test
    void oneSymbolPortfolio_onSol_equalsTheBacktestCommand() {
        String[] common = {"--db", db, "--to", "2026-05-01", "--json"};
        List<String> p = new ArrayList<>(List.of("portfolio", "--symbols", "SOLUSDT", "--symbol-cap", "1",
                "--gross-cap", "1", "--min-volume", "0", "--min-funding-coverage", "0", "--min-basis-coverage", "0",
                "--no-evaluation"));
        p.addAll(List.of(common));
        Cli.Result pr = Cli.run(p.toArray(String[]::new));
        assertEquals(0, pr.exit(), pr.err());
        JsonNode pj = pr.json();
        assertEquals(0, pj.get("holes").size(), "no data hole in SOL's causal cycles");
        String from = pj.get("walkForward").get("oosStart").asText();
        List<String> b = new ArrayList<>(List.of("backtest", "--symbol", "SOLUSDT", "--strategy", "physics", "--from",
                from));
        b.addAll(List.of(common));
        Cli.Result br = Cli.run(b.toArray(String[]::new));
        assertEquals(0, br.exit(), br.err());
        JsonNode bj = br.json();
        for (int i = 0; i < 3; i++) {
            JsonNode po = pj.get("tiers").get(i).get("oos");
            JsonNode bo = bj.get("tiers").get(i);
            for (String f : List.of("totalReturn", "annualReturn", "sharpe", "sortino", "maxDrawdown", "turnover",
                    "trades", "cycles")) {
                assertEquals(bo.get(f).asDouble(), po.get(f).asDouble(), 0.0, f + " at tier " + i);
            }
            for (String f : List.of("funding", "basis", "fees", "total")) {
                assertEquals(bo.get("pnl").get(f).asDouble(), po.get("pnl").get(f).asDouble(), 0.0, f);
            }
        }
    }

    private static List<String> members(JsonNode fold) {
        List<String> out = new ArrayList<>();
        fold.get("members").forEach(m -> out.add(m.get("symbol").asText()));
        out.sort(null);
        return out;
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
