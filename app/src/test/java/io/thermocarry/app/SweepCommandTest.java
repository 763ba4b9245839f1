package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.core.sweep.SweepParameter;
import io.thermocarry.core.sweep.SweepRow;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} end to end on two small simulated markets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepCommandTest {
    @TempDir
    static Path dir;
    private String db;

    private static final String[] GRID = {"--grid", "betaHistory=59", "--grid", "entropyWindow=30", "--grid",
            "jeWindow=60", "--grid", "basisWindow=120,240", "--grid", "nessR=1.2,1.4", "--grid",
            "baseFraction=0.25,0.5"};

    @BeforeAll
    void simulate() {
        db = dir.resolve("sweep.duckdb").toString();
        for (String[] s : new String[][] {{"SYNAUSDT", "1"}, {"SYNBUSDT", "2"}}) {
            Cli.Result r = Cli.run("simulate", "--symbol", s[0], "--seed", s[1], "--cycles", "500", "--slow",
                    "0:150:0.2,350:500:0.1", "--db", db);
            assertEquals(0, r.exit(), r.err());
        }
    }

    private Cli.Result sweep(String... extra) {
        String[] base = {"sweep", "--db", db, "--symbols", "SYNAUSDT,SYNBUSDT", "--train", "60", "--test", "30",
                "--threads", "2"};
        String[] args = new String[base.length + GRID.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(GRID, 0, args, base.length, GRID.length);
        System.arraycopy(extra, 0, args, base.length + GRID.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void sweep_writesPointsTimesSymbolsRows_namesTheBruteForceBest_andItsNeighbourRobustness() throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Cli.Result r = sweep("--json", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(8, j.get("points").asInt());
        assertEquals(16, j.get("backtests").asInt());
        assertTrue(j.get("seconds").asDouble() > 0);
        assertTrue(j.get("backtestsPerMinute").asDouble() > 0);
        assertEquals(2 * 2, j.get("signalRuns").asInt(), "one signal run per basis window and symbol");
        String id = j.get("sweepId").asText();
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 16, lines.size());
        assertTrue(lines.get(0).startsWith("point,symbol,basisWindow,"), lines.get(0));

        List<SweepRow> rows;
        try (Store store = Store.open(Path.of(db))) {
            rows = store.sweeps().rows(id);
        }
        assertEquals(16, rows.size());
        double[] mean = new double[8];
        for (SweepRow row : rows) {
            mean[row.point()] += row.sharpe() / 2;
        }
        int best = 0;
        for (int p = 1; p < 8; p++) {
            if (mean[p] > mean[best]) {
                best = p;
            }
        }
        JsonNode b = j.get("best");
        assertEquals(best, b.get("point").asInt());
        assertEquals(mean[best], b.get("sharpe").asDouble(), 1e-12);
        assertEquals(2, b.get("perSymbol").size());

        // neighbours: the 3 points that differ from the best in exactly one of the three swept parameters
        Map<Integer, SweepRow> byPoint = new HashMap<>();
        rows.forEach(x -> byPoint.putIfAbsent(x.point(), x));
        int neighbours = 0;
        int within = 0;
        for (int q = 0; q < 8; q++) {
            int differ = 0;
            for (SweepParameter p : List.of(SweepParameter.BASIS_WINDOW, SweepParameter.NESS_R,
                    SweepParameter.BASE_FRACTION)) {
                differ += byPoint.get(q).parameters().value(p) != byPoint.get(best).parameters().value(p) ? 1 : 0;
            }
            if (differ == 1) {
                neighbours++;
                within += Math.abs(mean[q] - mean[best]) <= 0.2 * Math.abs(mean[best]) ? 1 : 0;
            }
        }
        JsonNode rob = j.get("robustness");
        assertEquals(3, neighbours);
        assertEquals(neighbours, rob.get("neighbours").asInt());
        assertEquals(within / 3.0, rob.get("fractionOfNeighboursWithin20pct").asDouble(), 1e-12);
        assertEquals(3, rob.get("neighbourDetail").size());
    }

    @Test
    void rerunningTheSameRequest_replacesItsRows_andAGridFileIsTheSameRequest() throws IOException {
        Cli.Result first = sweep("--json");
        assertEquals(0, first.exit(), first.err());
        Path file = dir.resolve("grid.json");
        Files.writeString(file, "{\"grid\": {\"betaHistory\": [59], \"entropyWindow\": 30, \"jeWindow\": [60],"
                + " \"basisWindow\": [240, 120], \"nessR\": \"1.2:1.4:0.2\", \"baseFraction\": [0.25, 0.5]}}");
        Cli.Result second = Cli.run("sweep", "--db", db, "--symbols", "SYNAUSDT,SYNBUSDT", "--train", "60",
                "--test", "30", "--grid-file", file.toString(), "--json", "--threads", "1");
        assertEquals(0, second.exit(), second.err());
        String id = first.json().get("sweepId").asText();
        assertEquals(id, second.json().get("sweepId").asText());
        assertEquals(first.json().get("best"), second.json().get("best"));
        try (Store store = Store.open(Path.of(db))) {
            assertEquals(16L, store.sqlForTests("SELECT count(*) FROM sweep WHERE sweep_id = '" + id + "'").get(0)
                    .get(0));
            assertEquals(1L, store.sqlForTests("SELECT count(*) FROM sweep_runs WHERE sweep_id = '" + id + "'").get(0)
                    .get(0));
            assertEquals(0L, store.sqlForTests("SELECT count(*) FROM (SELECT point, symbol FROM sweep WHERE sweep_id"
                    + " = '" + id + "' GROUP BY ALL HAVING count(*) > 1)").get(0).get(0));
        }
    }

    @Test
    void textOutput_listsTheTopPoints_andTheRobustnessLine() {
        Cli.Result r = sweep("--top", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("8 points x 2 symbols = 16 backtests"), r.out());
        assertTrue(r.out().contains("robustness of point"), r.out());
        assertTrue(r.out().contains("nessR"), r.out());
    }

    @Test
    void badRequests_areUsageErrorsOrClearFailures() {
        assertEquals(2, sweep("--compat", "reference").exit());
        assertEquals(2, Cli.run("sweep", "--db", db, "--grid", "nessR=1.2,x").exit());
        assertEquals(2, Cli.run("sweep", "--db", db, "--grid", "bogus=1").exit());
        Cli.Result missing = Cli.run("sweep", "--db", db, "--symbols", "NOPEUSDT");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("NOPEUSDT"), missing.err());
        Cli.Result tooShort = Cli.run("sweep", "--db", db, "--symbols", "SYNAUSDT");
        assertEquals(1, tooShort.exit(), "500 cycles cannot hold the default warm-up of 360 plus 360 training");
        assertTrue(tooShort.err().contains("walk-forward"), tooShort.err());
    }
}
