package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} through the CLI on a simulated regime-switching market: JSON shape, CSV, usage errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateCliTest {
    @TempDir
    static Path dir;
    private String db;
    private JsonNode doc;

    @BeforeAll
    void simulateAndEvaluate() {
        db = dir.resolve("ev.duckdb").toString();
        Cli.Result s = Cli.run("simulate", "--preset", "realistic", "--seed", "3", "--cycles", "1400", "--slow",
                "400:800:0.01", "--db", db, "--json");
        assertEquals(0, s.exit(), s.err());
        Cli.Result r = Cli.run("evaluate", "--symbols", "SYNTHUSDT", "--compat", "both", "--bootstrap", "200",
                "--fee-bps", "8,25", "--db", db, "--json", "--csv", dir.resolve("csv").toString());
        assertEquals(0, r.exit(), r.err());
        doc = r.json();
    }

    @Test
    void json_hasTheCliMdShape_andEveryBookCoversTheStitchedFolds() {
        assertEquals("[\"SYNTHUSDT\"]", doc.get("symbols").toString());
        JsonNode layouts = doc.get("layouts");
        assertEquals(2, layouts.size());
        int folds = 0;
        for (JsonNode l : layouts) {
            folds += l.get("folds").asInt();
        }
        assertEquals(folds, doc.get("folds").asInt());
        assertEquals(7 * 2 * 2, doc.get("results").size(), "7 books × 2 tiers × 2 modes");
        for (JsonNode r : doc.get("results")) {
            for (String f : new String[] {"symbol", "strategy", "config", "feeBps", "compat"}) {
                assertTrue(r.hasNonNull(f), f);
            }
            JsonNode oos = r.get("oos");
            JsonNode layout = null;
            for (JsonNode l : layouts) {
                if (l.get("compat").equals(r.get("compat"))) {
                    layout = l;
                }
            }
            assertEquals(layout.get("oosCycles").asInt(), oos.get("cycles").asInt());
            JsonNode p = oos.get("pnl");
            assertEquals(p.get("total").asDouble(), p.get("funding").asDouble() + p.get("basis").asDouble()
                    + p.get("price").asDouble() - p.get("fees").asDouble(), 1e-12);
            assertTrue(oos.has("sharpeCiLow") && oos.has("maxDrawdown") && oos.has("totalReturn"));
        }
        for (JsonNode c : doc.get("significance")) {
            for (String f : new String[] {"symbol", "versus", "sharpeDiff", "ciLow", "ciHigh", "pValue"}) {
                assertTrue(c.has(f), f);
            }
        }
        assertEquals(5 * 2 * 2, doc.get("significance").size(), "5 comparisons × 2 tiers × 2 modes");
        assertEquals(29 * 2, doc.get("buckets").size());
        assertEquals(5 * 2 * 2 + 2 * 3 * 2, doc.get("decomposition").size());
    }

    @Test
    void csv_writesEveryResultTable() throws IOException {
        for (String t : new String[] {"runs", "metrics", "ledger", "trades", "buckets", "significance",
                "decomposition", "fold_fits"}) {
            Path f = dir.resolve("csv").resolve(t + ".csv");
            assertTrue(Files.exists(f), t);
            assertTrue(Files.readAllLines(f).get(0).startsWith("run_id,symbol,strategy,config,fee_bps,compat,fold"));
        }
    }

    @Test
    void theSameRequestAgain_isTheSameRun() {
        Cli.Result r = Cli.run("evaluate", "--symbols", "SYNTHUSDT", "--compat", "both", "--bootstrap", "200",
                "--fee-bps", "8,25", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(doc.get("runId"), r.json().get("runId"));
        assertEquals(doc.get("significance").toString(), r.json().get("significance").toString(), "seeded");
    }

    @Test
    void textSummary_leadsWithMoneyThenSharpeWithItsInterval() {
        Cli.Result r = Cli.run("evaluate", "--symbols", "SYNTHUSDT", "--bootstrap", "100", "--fee-bps", "16",
                "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("total %") && r.out().contains("maxDD %") && r.out().contains("funding %")
                && r.out().contains("Sharpe [95% CI]"), r.out());
        assertTrue(r.out().indexOf("total %") < r.out().indexOf("Sharpe [95% CI]"));
        assertTrue(r.out().contains("where the published edge comes from"));
    }

    @Test
    void badArguments_areUsageErrors_andAMissingSymbolFailsTheJob() {
        assertEquals(2, Cli.run("evaluate", "--db", db, "--symbols", "SYNTHUSDT", "--compat", "sideways").exit());
        assertEquals(2, Cli.run("evaluate", "--db", db, "--symbols", "SYNTHUSDT", "--tune", "speed=1").exit());
        assertEquals(2, Cli.run("evaluate", "--db", db, "--symbols", "SYNTHUSDT", "--configs", "full+veto").exit());
        assertEquals(2, Cli.run("evaluate", "--db", db, "--symbols", "SYNTHUSDT", "--fee-bps", "x").exit());
        Cli.Result missing = Cli.run("evaluate", "--db", db, "--symbols", "NOPEUSDT");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("NOPEUSDT"), missing.err());
    }
}
