package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sample flow on the market kept in the repo, end to end through the CLI. */
class SampleFlowTest {
    private static final Path SAMPLES = Path.of("../samples/binance");

    @TempDir
    Path dir;

    @Test
    void ingestThenCycles_onTheSampleArchives_givesOneCyclePerConsecutiveSettlementPair() {
        String db = dir.resolve("t.duckdb").toString();
        Cli.Result r = Cli.run("ingest", SAMPLES.toString(), "--db", db, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(9, j.get("files").asInt(), "3 months × (spot, perp, funding)");
        long hours = 24L * (31 + 29 + 31);
        long settlements = hours / 8;
        assertEquals(2 * hours + settlements, j.get("rowsAccepted").asLong());
        assertEquals(0, j.get("rowsRejected").asLong());

        Cli.Result again = Cli.run("ingest", SAMPLES.toString(), "--db", db, "--json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(0, again.json().get("rowsAccepted").asLong(), "re-ingest adds nothing");

        Cli.Result c = Cli.run("cycles", "--symbol", "SAMPLEUSDT", "--db", db, "--json");
        assertEquals(0, c.exit(), c.err());
        JsonNode cycles = c.json().get("cycles");
        assertEquals(settlements - 1, cycles.size());
        assertEquals(0, c.json().get("hoursWithoutPartner").asInt());
        JsonNode first = cycles.get(0);
        assertEquals("2024-01-01T00:00:00Z", first.get("start").asText());
        assertTrue(first.get("basisStartPct").isNull(), "nothing available at the very first settlement");
        JsonNode second = cycles.get(1);
        assertEquals(8.0, second.get("intervalHours").asDouble());
        assertEquals(8, second.get("basisObs").asInt());
        Instant s = Instant.parse(second.get("start").asText());
        assertEquals(Duration.ofHours(8), Duration.between(s, Instant.parse(second.get("end").asText())));
    }

    @Test
    void cyclesRange_fromTo_keepsSettlementsInsideHalfOpenRange() {
        String db = dir.resolve("r.duckdb").toString();
        assertEquals(0, Cli.run("ingest", SAMPLES.toString(), "--db", db).exit());
        Cli.Result c = Cli.run("cycles", "--symbol", "SAMPLEUSDT", "--db", db, "--from", "2024-02-01", "--to",
                "2024-03-01", "--json");
        assertEquals(0, c.exit(), c.err());
        JsonNode cycles = c.json().get("cycles");
        assertEquals(29 * 3 - 1, cycles.size(), "settlements in Feb 2024 minus one");
        assertTrue(!cycles.get(0).get("basisStartPct").isNull(), "history before --from feeds the as-of join");
    }

    @Test
    void cyclesCsv_writesOneLinePerCyclePlusHeader() throws Exception {
        String db = dir.resolve("c.duckdb").toString();
        assertEquals(0, Cli.run("ingest", SAMPLES.toString(), "--db", db).exit());
        Path csv = dir.resolve("cycles.csv");
        Cli.Result c = Cli.run("cycles", "--symbol", "SAMPLEUSDT", "--db", db, "--csv", csv.toString());
        assertEquals(0, c.exit(), c.err());
        assertEquals(272 + 1, Files.readAllLines(csv).size());
        assertTrue(c.out().contains("272 cycles"), c.out());
    }

    @Test
    void usageErrors_exitWith2_andJobFailures_with1() {
        String db = dir.resolve("u.duckdb").toString();
        assertEquals(2, Cli.run("cycles", "--db", db).exit(), "no symbol");
        assertEquals(2, Cli.run("cycles", "--symbol", "BTCUSDT", "--from", "yesterday", "--db", db).exit());
        Cli.Result missing = Cli.run("cycles", "--symbol", "BTCUSDT", "--db", db);
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no funding events for BTCUSDT"), missing.err());
        assertEquals(1, Cli.run("ingest", dir.resolve("nope").toString(), "--db", db).exit());
    }

    @Test
    void parquetExportThenImport_intoAFreshStore_givesTheSameCycles() {
        String db = dir.resolve("p.duckdb").toString();
        String db2 = dir.resolve("p2.duckdb").toString();
        assertEquals(0, Cli.run("ingest", SAMPLES.toString(), "--db", db).exit());
        for (String t : new String[] {"bars", "funding"}) {
            Path f = dir.resolve(t + ".parquet");
            Cli.Result e = Cli.run("export", "--table", t, f.toString(), "--db", db);
            assertEquals(0, e.exit(), e.err());
            Cli.Result i = Cli.run("import", "--table", t, f.toString(), "--db", db2, "--json");
            assertEquals(0, i.exit(), i.err());
            assertTrue(i.json().get("rowsInserted").asLong() > 0);
            Cli.Result again = Cli.run("import", "--table", t, f.toString(), "--db", db2, "--json");
            assertEquals(0, again.json().get("rowsInserted").asLong(), "import is idempotent");
        }
        String a = Cli.run("cycles", "--symbol", "SAMPLEUSDT", "--db", db, "--json").out();
        String b = Cli.run("cycles", "--symbol", "SAMPLEUSDT", "--db", db2, "--json").out();
        assertEquals(a, b);
        assertEquals(2, Cli.run("export", "--table", "nope", dir.resolve("x.parquet").toString(), "--db", db).exit());
    }
}
