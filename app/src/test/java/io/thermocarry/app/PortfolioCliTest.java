package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code portfolio} through the CLI on three simulated symbols: the CLI.md document, the store, usage errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioCliTest {
    @TempDir
    static Path dir;
    private String db;
    private JsonNode doc;
    private static final String[] FAST = {"--bootstrap", "400", "--rc-resamples", "300", "--min-history", "360",
            "--min-volume", "0", "--train-days", "60", "--test-days", "20"};

    private static String[] args(String db, String... more) {
        List<String> a = new ArrayList<>(List.of("portfolio", "--db", db));
        a.addAll(List.of(FAST));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @BeforeAll
    void simulateThreeSymbols() {
        db = dir.resolve("pf.duckdb").toString();
        String[][] sims = {{"AAAUSDT", "7", "realistic"}, {"BBBUSDT", "8", "realistic"}, {"CCCUSDT", "9", "realistic"}};
        for (String[] s : sims) {
            Cli.Result r = Cli.run("simulate", "--symbol", s[0], "--seed", s[1], "--preset", s[2], "--cycles", "1200",
                    "--db", db, "--json");
            assertEquals(0, r.exit(), r.err());
        }
        Cli.Result r = Cli.run(args(db, "--symbols", "AAAUSDT,BBBUSDT,CCCUSDT", "--allocation", "all", "--json"));
        assertEquals(0, r.exit(), r.err());
        doc = r.json();
    }

    @Test
    void json_hasTheCliFields_andThePnlOfTheSymbolsAddsUpToTheTotal() {
        assertEquals(List.of("AAAUSDT", "BBBUSDT", "CCCUSDT"), texts(doc.get("symbols")));
        assertEquals("equal", doc.get("allocation").asText());
        assertEquals(3, doc.get("allocations").size());
        JsonNode tiers = doc.get("tiers");
        assertEquals(3, tiers.size());
        double prevFees = -1;
        for (JsonNode t : tiers) {
            JsonNode oos = t.get("oos");
            double total = 0;
            double weights = 0;
            for (JsonNode s : t.get("perSymbol")) {
                total += s.get("pnl").get("total").asDouble();
                weights += s.get("weight").asDouble();
                assertTrue(s.get("weight").asDouble() <= 0.5 + 1e-12, "mean weight within the 0.5 symbol cap");
            }
            assertEquals(oos.get("pnl").get("total").asDouble(), total, 1e-12 * Math.max(1, Math.abs(total)),
                    "Σ per-symbol PnL = portfolio PnL");
            assertTrue(weights <= 1 + 1e-9);
            assertTrue(oos.get("pnl").get("fees").asDouble() > prevFees, "higher tier, higher fees");
            prevFees = oos.get("pnl").get("fees").asDouble();
            assertEquals("naive", t.get("baseline").get("strategy").asText());
            JsonNode v = t.get("versusBaseline");
            assertEquals(v.get("sharpe").asDouble() - v.get("sharpeBaseline").asDouble(), v.get("sharpeDiff").asDouble(),
                    1e-12);
        }
        for (JsonNode f : doc.get("rebalances")) {
            double w = 0;
            for (JsonNode m : f.get("members")) {
                w += m.get("weight").asDouble();
            }
            assertTrue(w <= 1 + 1e-12, "weights of fold " + f.get("fold") + " sum to " + w);
        }
    }

    @Test
    void multipleTesting_bhPerSymbolAndTier_andARealityCheckPerTier() {
        JsonNode mt = doc.get("multipleTesting");
        assertEquals(0.10, mt.get("fdrLevel").asDouble(), 0.0);
        assertEquals(9, mt.get("perSymbol").size(), "3 symbols × 3 tiers");
        for (JsonNode s : mt.get("perSymbol")) {
            double p = s.get("pValue").asDouble();
            double q = s.get("qValue").asDouble();
            assertTrue(p > 0 && p <= 1 && q >= p * (1 - 1e-12) && q <= 1, s.toString());
            assertEquals(q <= 0.10, s.get("discovery").asBoolean(), s.toString());
        }
        assertEquals(3, mt.get("realityCheck").size());
        for (JsonNode r : mt.get("realityCheck")) {
            assertTrue(r.get("method").asText().startsWith("Hansen's SPA"));
            double spa = r.get("spaPValue").asDouble();
            assertTrue(spa > 0 && spa <= 1);
            assertTrue(r.get("spaPValueLower").asDouble() <= spa && spa <= r.get("spaPValueUpper").asDouble());
            assertEquals(3 * 5, r.get("models").asInt(), "physics × 3 configurations, desk, threshold per symbol");
        }
    }

    @Test
    void store_holdsTheRun_andReRunningReplacesIt() {
        String runId = doc.get("runId").asText();
        long[] full = rows(runId);
        assertTrue(full[0] == 1 && full[1] > 0 && full[2] == 9 && full[4] == 3 * 15, java.util.Arrays.toString(full));
        String[] quick = args(db, "--symbols", "AAAUSDT,CCCUSDT", "--no-evaluation", "--json");
        Cli.Result first = Cli.run(quick);
        assertEquals(0, first.exit(), first.err());
        String quickId = first.json().get("runId").asText();
        long[] before = rows(quickId);
        assertTrue(before[0] == 1 && before[1] > 0 && before[2] == 0, java.util.Arrays.toString(before));
        Cli.Result again = Cli.run(quick);
        assertEquals(0, again.exit(), again.err());
        assertEquals(quickId, again.json().get("runId").asText());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(rows(quickId)), "replaced, not duplicated");
        assertEquals(java.util.Arrays.toString(full), java.util.Arrays.toString(rows(runId)), "another run untouched");
        String evalRun = doc.get("multipleTesting").get("evaluationRunId").asText();
        try (Store s = Store.open(Path.of(db))) {
            assertTrue(s.resultRows("significance", evalRun) > 0, "the per-symbol evaluation is in the evaluation tables");
        }
    }

    private long[] rows(String runId) {
        try (Store s = Store.open(Path.of(db))) {
            return new long[] {s.portfolioRows("portfolio_runs", runId), s.portfolioRows("portfolio_ledger", runId),
                    s.portfolioRows("multiple_testing", runId), s.portfolioRows("portfolio_folds", runId),
                    s.portfolioRows("reality_check", runId), s.portfolioRows("portfolio_symbols", runId)};
        }
    }

    @Test
    void autoUniverse_findsTheSimulatedCandidates_andTextOutputRuns() {
        Cli.Result r = Cli.run(args(db, "--universe", "auto", "--no-evaluation", "--json"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("AAAUSDT", "BBBUSDT", "CCCUSDT"), texts(r.json().get("symbols")));
        assertTrue(r.json().get("multipleTesting").get("skipped").asBoolean());
        Cli.Result text = Cli.run(args(db, "--symbols", "AAAUSDT,BBBUSDT", "--no-evaluation", "--csv",
                dir.resolve("per-symbol.csv").toString()));
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("out-of-sample portfolio"), text.out());
        assertTrue(java.nio.file.Files.exists(dir.resolve("per-symbol.csv")));
    }

    @Test
    void usageErrors_exitTwo_andAnUnknownSymbolIsReported() {
        assertEquals(2, Cli.run(args(db, "--allocation", "momentum")).exit());
        assertEquals(2, Cli.run(args(db, "--sleeve", "buy-hold")).exit());
        assertEquals(2, Cli.run(args(db, "--compat", "reference")).exit());
        assertEquals(2, Cli.run(args(db, "--universe", "top10")).exit());
        Cli.Result none = Cli.run(args(db, "--symbols", "ZZZUSDT", "--no-evaluation"));
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("ZZZUSDT"), none.err());
        assertFalse(none.err().contains("Exception"), none.err());
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
