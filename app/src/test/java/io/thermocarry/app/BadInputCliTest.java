package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file with a bad row is refused whole through the CLI: exit 1, file:line named, store unchanged. */
class BadInputCliTest {
    @TempDir
    Path dir;

    private Path write(String rel, String content) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void badRow_refusesTheFile_namesFileAndLine_andLeavesTheStoreAsItWas() throws Exception {
        String db = dir.resolve("s.duckdb").toString();
        Path good = write("data/klines/1h/spot/TESTUSDT.csv", "open_time_ms,date,open,high,low,close,volume\n"
                + "1704067200000,2024-01-01T00:00:00Z,100,101,99,100.5,10\n"
                + "1704070800000,2024-01-01T01:00:00Z,100.5,102,100,101,12\n");
        assertEquals(0, Cli.run("ingest", good.toString(), "--db", db).exit());
        String before = Cli.run("info", "--db", db, "--json").out();

        Path bad = write("data/klines/1h/futures/TESTUSDT.csv", "open_time_ms,date,open,high,low,close,volume\n"
                + "1704067200000,2024-01-01T00:00:00Z,100,101,99,100.4,10\n"
                + "1704070800000,2024-01-01T01:00:00Z,100.5,102,100,abc,12\n");
        Cli.Result r = Cli.run("ingest", bad.toString(), "--db", db, "--json");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("TESTUSDT.csv:3"), r.err());
        assertTrue(r.err().contains("--keep-good-rows"), "the message says what to do next: " + r.err());
        JsonNode j = r.json();
        assertEquals(1, j.get("rejected").size());
        assertEquals(3, j.get("rejected").get(0).get("line").asInt());
        assertEquals(before, Cli.run("info", "--db", db, "--json").out(), "store unchanged");

        Cli.Result keep = Cli.run("ingest", bad.toString(), "--db", db, "--json", "--keep-good-rows");
        assertEquals(0, keep.exit(), keep.err());
        assertEquals(1, keep.json().get("rowsAccepted").asLong());
        assertEquals(1, Cli.run("info", "--db", db, "--json").json().get("rejectedRows").asLong());
    }
}
