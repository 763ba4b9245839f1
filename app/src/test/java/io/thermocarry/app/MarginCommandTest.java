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

/**
 * {@code margin} and the margin flags of {@code backtest} through the CLI on a synthetic market (420 cycles, the
 * last 40 with 1 m bars).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarginCommandTest {
    @TempDir
    static Path dir;
    private String db;

    @BeforeAll
    void simulate() {
        db = dir.resolve("margin.duckdb").toString();
        Cli.Result r = Cli.run("simulate", "--cycles", "420", "--seed", "3", "--intraday", "1m",
                "--intraday-cycles", "40", "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void backtest_leverageZero_isTheBacktestWithoutFlags() {
        Cli.Result plain = Cli.run("backtest", "--db", db, "--symbol", "SYNTHUSDT", "--json");
        Cli.Result off = Cli.run("backtest", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "0", "--json");
        assertEquals(0, plain.exit(), plain.err());
        assertEquals(plain.out(), off.out());
    }

    @Test
    void backtest_withLeverage_reportsTheMarginPathPerTier() {
        Cli.Result r = Cli.run("backtest", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "3", "--futures-share",
                "0.2", "--buffer-resamples", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode tiers = r.json().get("tiers");
        assertEquals(3, tiers.size());
        for (JsonNode t : tiers) {
            JsonNode m = t.get("margin");
            assertTrue(m.get("minMarginRatio").asDouble() > 1, m.toString());
            assertEquals(0, m.get("liquidations").asInt());
            assertEquals(3.0, m.get("leverage").asDouble());
            assertEquals(0.2, m.get("futuresShare").asDouble());
            assertEquals(50, m.get("bufferNeeded").get("resamples").asInt());
        }
    }

    @Test
    void margin_json_hasTheContractFields_forOneRun_andEveryRunInRuns() {
        Cli.Result r = Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "2,50",
                "--transfer-delay", "30m", "--buffer-resamples", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = r.json();
        assertEquals("SYNTHUSDT", doc.get("symbol").asText());
        for (String f : new String[] {"minMarginRatio", "liquidations", "pnlLostToLiquidations"}) {
            assertTrue(doc.has(f), f);
        }
        for (String f : new String[] {"p95", "p99", "p999"}) {
            assertTrue(doc.get("bufferNeeded").has(f), f);
        }
        assertEquals(2, doc.get("runs").size());
        assertEquals("PT30M", doc.get("runs").get(1).get("transferDelay").asText());
        assertTrue(doc.get("runs").get(1).get("minMarginRatio").asDouble()
                < doc.get("runs").get(0).get("minMarginRatio").asDouble(), "50x is closer to maintenance than 2x");
    }

    @Test
    void margin_onMinuteBars_walksTheMinutes() {
        Cli.Result r = Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "5", "--margin-bars", "1m",
                "--buffer-resamples", "0", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.json().get("barsWalked").asLong() > 10_000, r.json().toString());
        assertTrue(r.json().get("cyclesWithoutBars").asInt() > 0, "the cycles before the minute bars are not walked");
    }

    @Test
    void execute_withLeverage_walksTheStateBars_andLeverageZeroIsThePlainRun() {
        Cli.Result plain = Cli.run("execute", "--db", db, "--symbol", "SYNTHUSDT", "--child", "5m", "--json");
        Cli.Result off = Cli.run("execute", "--db", db, "--symbol", "SYNTHUSDT", "--child", "5m", "--leverage", "0",
                "--json");
        assertEquals(0, plain.exit(), plain.err());
        assertEquals(plain.json().get("children"), off.json().get("children"));
        Cli.Result r = Cli.run("execute", "--db", db, "--symbol", "SYNTHUSDT", "--child", "5m", "--leverage", "3",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode m = r.json().get("margin");
        assertEquals(2 * 3, m.size(), "settlement-only and 5m, three tiers");
        for (JsonNode x : m) {
            assertTrue(x.has("minMarginRatio") && x.has("liquidations"), x.toString());
        }
        assertEquals(2, Cli.run("execute", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "3", "--model",
                "cycle-model").exit());
    }

    @Test
    void badInput_usageAndFileErrors() throws IOException {
        assertEquals(2, Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "0").exit());
        assertEquals(2, Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--leverage", "200").exit());
        assertEquals(2, Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--futures-share", "1.5").exit());
        Path bad = dir.resolve("brackets.json");
        Files.writeString(bad, "[{\"symbol\":\"SYNTHUSDT\",\"brackets\":[\n{\"bracket\":1,\"initialLeverage\":20,"
                + "\"notionalCap\":5000,\"notionalFloor\":0,\"maintMarginRatio\":\"x\"}]}]");
        Cli.Result r = Cli.run("margin", "--db", db, "--symbol", "SYNTHUSDT", "--brackets", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("brackets.json:2:"), r.err());
    }
}
