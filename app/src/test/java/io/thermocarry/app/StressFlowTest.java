package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** simulate --preset stress → features → signals / backtest with --config full+veto, through the CLI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StressFlowTest {
    @TempDir
    static Path dir;
    private String db;
    private JsonNode truth;

    @BeforeAll
    void simulate() {
        db = dir.resolve("stress.duckdb").toString();
        Cli.Result r = Cli.run("simulate", "--preset", "stress", "--cycles", "900", "--seed", "5", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        truth = r.json().get("truth");
        assertTrue(truth.get("crises").size() > 0);
        Cli.Result again = Cli.run("simulate", "--preset", "stress", "--cycles", "900", "--seed", "5", "--db", db, "--json");
        assertEquals(0, again.exit(), again.err());
    }

    @Test
    void features_areEvaluatedOnceTheirHistoryExists_andVetoFireAtPrecededCrises() {
        Cli.Result r = Cli.run("features", "--symbol", "SYNTHUSDT", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode f = r.json();
        assertEquals("premium index", f.get("premiumSource").asText());
        // the first settlement precedes every series' first sample; after that, all have data
        for (String x : new String[] {"spreadPerp", "spreadSpot", "depth", "oiChange", "liquidations"}) {
            assertTrue(f.get("noData").get(x).asInt() <= 2, x + " " + f.get("noData"));
        }
        int vetoedAtPreceded = 0;
        int preceded = 0;
        for (JsonNode c : truth.get("crises")) {
            if (c.get("precursorStart").isNull()) {
                continue;
            }
            preceded++;
            for (JsonNode d : f.get("decisions")) {
                if (d.get("time").asText().equals(c.get("time").asText()) && d.get("veto").size() > 0) {
                    vetoedAtPreceded++;
                }
            }
        }
        assertTrue(preceded > 0 && vetoedAtPreceded >= preceded / 2, vetoedAtPreceded + " of " + preceded);
    }

    @Test
    void fullVeto_signalsCutExposureOnlyDownwards_andBacktestReportsTheVetoEffectPerTier() {
        Cli.Result v = Cli.run("signals", "--symbol", "SYNTHUSDT", "--db", db, "--config", "full+veto", "--json");
        assertEquals(0, v.exit(), v.err());
        int vetoed = 0;
        for (JsonNode d : v.json().get("decisions")) {
            assertTrue(d.get("exposure").asDouble() <= d.get("exposureBeforeVeto").asDouble());
            if (d.get("veto").size() > 0) {
                vetoed++;
                assertEquals(Math.min(0.25, d.get("exposureBeforeVeto").asDouble()), d.get("exposure").asDouble(), 0.0);
            }
        }
        assertEquals(vetoed, v.json().get("vetoes").get("vetoed").asInt());
        assertTrue(vetoed > 0);
        Cli.Result b = Cli.run("backtest", "--symbol", "SYNTHUSDT", "--db", db, "--config", "full+veto", "--json",
                "--veto-resamples", "200", "--veto-action", "zero");
        assertEquals(0, b.exit(), b.err());
        for (JsonNode t : b.json().get("tiers")) {
            JsonNode e = t.get("vetoEffect");
            for (String m : new String[] {"maxDrawdown", "worstCycle", "cvar5", "totalReturn"}) {
                JsonNode x = e.get(m);
                assertEquals(x.get("fullVeto").asDouble() - x.get("full").asDouble(), x.get("diff").asDouble(), 1e-12);
                assertTrue(x.get("ciLow").asDouble() <= x.get("ciHigh").asDouble());
            }
            assertEquals(t.get("withoutVetoes").get("maxDrawdown").asDouble(),
                    e.get("maxDrawdown").get("full").asDouble(), 1e-12);
        }
        assertEquals(2, Cli.run("backtest", "--symbol", "SYNTHUSDT", "--db", db, "--config", "full+veto", "--compat",
                "reference").exit(), "full+veto is causal only");
    }
}
