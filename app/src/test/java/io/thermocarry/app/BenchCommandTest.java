package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench} on a tiny synthetic market: every figure is printed, defined and positive (no timing checks). */
class BenchCommandTest {
    static final List<String> FIGURES = List.of("pipelineSecondsFirstRun", "evaluateSecondsFirstRun",
            "pipelineSeconds", "evaluateSeconds", "ingestRowsPerSecond", "parseRowsPerSecond", "cyclesPerSecond",
            "decisionsPerSecond", "backtestsPerSecond", "backtestsPerSecondAllCores", "cycles", "threads");

    @Test
    void synthetic_json_printsEveryFigure() {
        Cli.Result r = Cli.run("bench", "--synthetic", "--synthetic-symbols", "2", "--cycles", "600", "--seconds", "0",
                "--repeat", "1", "--threads", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode figures = r.json().get("figures");
        List<String> names = new ArrayList<>();
        for (JsonNode f : figures) {
            names.add(f.get("name").asText());
            assertTrue(f.get("value").isNumber() && f.get("value").asDouble() > 0, f.toString());
            assertTrue(!f.get("unit").asText().isEmpty(), f.toString());
        }
        assertEquals(FIGURES, names);
        assertEquals(2 * 600, figures.get(FIGURES.indexOf("cycles")).get("value").asInt());
        assertEquals(List.of("SYNTH1USDT", "SYNTH2USDT"), List.of(r.json().get("symbols").get(0).asText(),
                r.json().get("symbols").get(1).asText()));
    }

    @Test
    void synthetic_text_namesEveryFigure() {
        Cli.Result r = Cli.run("bench", "--synthetic", "--synthetic-symbols", "1", "--cycles", "500", "--seconds", "0",
                "--repeat", "1", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        for (String f : FIGURES) {
            assertTrue(r.out().contains(f), f + " in\n" + r.out());
        }
        assertEquals(2, Cli.run("bench", "--synthetic", "--threads", "0").exit());
        assertEquals(2, Cli.run("bench", "--synthetic", "--repeat", "0").exit());
    }

    @Test
    void anEmptyStore_failsWithAMessageNamingTheSymbol(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli.Result r = Cli.run("bench", "--db", dir.resolve("empty.duckdb").toString(), "--symbol", "BTCUSDT");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("BTCUSDT"), r.err());
    }
}
