package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** simulate → physics → signals → backtest through the CLI on the realistic synthetic OU market. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticFlowTest {
    @TempDir
    static Path dir;
    private String db;
    private JsonNode truth;

    @BeforeAll
    void simulate() {
        db = dir.resolve("syn.duckdb").toString();
        Cli.Result r = Cli.run("simulate", "--preset", "realistic", "--seed", "7", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        truth = r.json().get("truth");
        assertEquals(5000, r.json().get("cycles").asInt());
    }

    @Test
    void physics_recoversTheAnalyticTruth_ofTheSimulatedMarket() {
        Cli.Result r = Cli.run("physics", "--symbol", "SYNTHUSDT", "--db", db, "--json", "--resamples", "1000");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = r.json();
        double kappa = truth.get("kappaPerHour").asDouble();
        double beta = truth.get("beta").asDouble();
        assertEquals(kappa, p.get("kappaPerHour").asDouble(), 0.05 * kappa, "κ within 5 %");
        assertEquals(beta, p.get("beta").asDouble(), 0.05 * beta, "β within 5 %");
        assertEquals(5000, p.get("cycles").asInt() + p.get("cyclesSkipped").asInt());
    }

    @Test
    void signals_decideAtEverySettlementAfterWarmup_andSharesSumToOne() {
        Cli.Result r = Cli.run("signals", "--symbol", "SYNTHUSDT", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = r.json().get("decisions");
        assertEquals(5000 - 360, d.size(), "one decision per cycle after 360 cycles of warm-up");
        JsonNode share = r.json().get("regimeShare");
        double sum = share.get("EQUILIBRIUM").asDouble() + share.get("WARM").asDouble() + share.get("NESS").asDouble();
        assertEquals(1.0, sum, 1e-12);
        assertEquals(2, Cli.run("signals", "--symbol", "SYNTHUSDT", "--db", db, "--config", "bogus").exit());
        Cli.Result veto = Cli.run("signals", "--symbol", "SYNTHUSDT", "--db", db, "--config", "full+veto");
        assertEquals(1, veto.exit());
        assertTrue(veto.err().contains("veto"), veto.err());
    }

    @Test
    void backtest_everyTier_pnlSplitAddsUp_andHigherFeesCostMore() {
        Cli.Result r = Cli.run("backtest", "--symbol", "SYNTHUSDT", "--strategy", "physics", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode tiers = r.json().get("tiers");
        assertEquals(3, tiers.size());
        double prevFees = -1;
        for (JsonNode t : tiers) {
            JsonNode p = t.get("pnl");
            assertEquals(p.get("total").asDouble(),
                    p.get("funding").asDouble() + p.get("basis").asDouble() + p.get("price").asDouble()
                            - p.get("fees").asDouble(), 1e-12);
            assertTrue(p.get("fees").asDouble() > prevFees);
            prevFees = p.get("fees").asDouble();
        }
        assertEquals(2, Cli.run("backtest", "--symbol", "SYNTHUSDT", "--db", db, "--strategy", "martingale").exit());
    }
}
