package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --intraday 1m} then {@code execute} through the CLI: the strong-driving preset (its relaxation
 * ratio passes the desk's gate), 420 cycles of hourly history (the signal warm-up) with the last 40 cycles also as
 * 1 m perp, spot, mark and index bars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecuteCommandTest {
    @TempDir
    static Path dir;
    private String db;

    @BeforeAll
    void simulate() {
        db = dir.resolve("intraday.duckdb").toString();
        Cli.Result r = Cli.run("simulate", "--preset", "strong", "--cycles", "420", "--seed", "6", "--intraday", "1m",
                "--intraday-cycles", "40", "--spread-bps", "1", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(40 * 480 + 1, r.json().get("intradayBarsPerLeg").asInt());
    }

    private JsonNode execute(String... extra) {
        String[] base = {"execute", "--symbol", "SYNTHUSDT", "--db", db, "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return r.json();
    }

    @Test
    void everyChildAndTier_besideTheSettlementOnlyRun_withTheSplitAddingUp() {
        JsonNode doc = execute();
        assertEquals("1m", doc.get("resolution").asText(), "1 m bars are in the store: the state uses them");
        assertEquals(40, doc.get("cycles").asInt());
        assertEquals(40 / 3.0, doc.get("days").asDouble(), 1e-12);
        JsonNode children = doc.get("children");
        assertEquals(9, children.size(), "settlement, 5m, 15m × 8, 16, 25 bps");
        Map<String, double[]> fees = new HashMap<>();
        for (JsonNode c : children) {
            JsonNode p = c.get("pnl");
            assertEquals(p.get("total").asDouble(), p.get("funding").asDouble() + p.get("basis").asDouble()
                    - p.get("fees").asDouble(), 1e-12);
            assertEquals(c.get("feeDrag").asDouble(), p.get("fees").asDouble(), 1e-15);
            assertEquals(c.get("turnover").asDouble() * c.get("feeBps").asDouble() / 2 / 1e4, c.get("feeDrag").asDouble(),
                    1e-12, "fees = turnover × tier/2");
            assertEquals(c.get("trades").asInt() / (40 / 3.0), c.get("tradesPerDay").asDouble(), 1e-12);
            String child = c.get("child").asText();
            if (child.equals("settlement")) {
                assertEquals(0.0, c.get("vsSettlement").get("total").asDouble(), 0.0);
                assertEquals(40, c.get("decisions").asInt(), "one decision per settlement");
                assertTrue(c.get("trades").asInt() > 0, "the settlement-only child trades");
            }
            fees.computeIfAbsent(child, k -> new double[3])[(int) (c.get("feeBps").asDouble() / 8.5)] =
                    p.get("fees").asDouble();
        }
        assertEquals(List.of("settlement", "5m", "15m"), List.of(children.get(0).get("child").asText(),
                children.get(3).get("child").asText(), children.get(6).get("child").asText()));
        JsonNode five = children.get(3);
        assertEquals(40 * 96, five.get("decisions").asInt(), "a decision at every 5 m close");
        assertEquals(40 * 32, children.get(6).get("decisions").asInt(), "and at every 15 m close");
        assertTrue(five.get("trades").asInt() > 0, "the 5 m child trades");
        assertEquals(children.get(3).get("pnl").get("total").asDouble() - children.get(0).get("pnl").get("total").asDouble(),
                five.get("vsSettlement").get("total").asDouble(), 1e-15);
        for (double[] f : fees.values()) {
            assertTrue(f[0] <= f[1] && f[1] <= f[2], "fees grow with the tier");
        }
        assertEquals(3, doc.get("cycleEngine").size());
    }

    @Test
    void cycleModel_settlementOnly_equalsTheCycleEngineItPrints() {
        JsonNode doc = execute("--model", "cycle-model", "--child", "5m");
        JsonNode children = doc.get("children");
        for (int t = 0; t < 3; t++) {
            JsonNode settle = children.get(t);
            JsonNode cycle = doc.get("cycleEngine").get(t);
            assertEquals("settlement", settle.get("child").asText());
            assertEquals(cycle.get("pnl").get("total").asDouble(), settle.get("pnl").get("total").asDouble(), 1e-12);
            assertEquals(cycle.get("pnl").get("funding").asDouble(), settle.get("pnl").get("funding").asDouble(), 1e-12);
            assertEquals(cycle.get("trades").asInt(), settle.get("trades").asInt());
            assertTrue(settle.get("trades").asInt() > 0);
        }
    }

    @Test
    void textTable_andCsv() throws Exception {
        Path csv = dir.resolve("execute.csv");
        Cli.Result r = Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--csv", csv.toString(), "--fee-bps", "16");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trades/day") && r.out().contains("vs settle"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), "header + settlement, 5m, 15m at one tier");
        assertTrue(lines.get(1).startsWith("settlement,16,"), lines.get(1));
    }

    @Test
    void badInput_isAUsageErrorOrAClearFailure() {
        assertEquals(2, Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--child", "7m").exit());
        assertEquals(2, Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--compat", "reference").exit());
        assertEquals(2, Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--resolution", "1h").exit());
        assertEquals(2, Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--sizing", "double").exit());
        Cli.Result none = Cli.run("execute", "--symbol", "SYNTHUSDT", "--db", db, "--resolution", "5m");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no 5m perp and spot bars"), none.err());
    }
}
