package io.thermocarry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code evaluate} end to end on the real Binance history of BTC, ETH and SOL ({@code ../shared/data/binance}: 1 h
 * perp, spot and mark klines and the per-symbol funding files, ingested once for the class through the CLI),
 * both compat modes, the three tiers, 5,000 resamples. Checks structure and invariants, not the verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateRealDataTest {
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private Path dir;
    private String db;
    private JsonNode doc;

    @BeforeAll
    void ingestAndEvaluate() throws IOException {
        Path data = SharedData.binance();
        dir = Files.createTempDirectory("thermocarry-eval-real");
        db = dir.resolve("real.duckdb").toString();
        List<String> args = new ArrayList<>(List.of("ingest"));
        for (String sub : List.of("klines/1h/futures", "klines/1h/spot", "klines/1h/mark", "funding")) {
            try (Stream<Path> s = Files.list(data.resolve(sub))) {
                s.filter(p -> SYMBOLS.stream().anyMatch(sym -> p.getFileName().toString().startsWith(sym + ".")))
                        .sorted().forEach(p -> args.add(p.toString()));
            }
        }
        args.addAll(List.of("--db", db));
        Cli.Result in = Cli.run(args.toArray(String[]::new));
        assertEquals(0, in.exit(), in.err());
        Cli.Result r = Cli.run("evaluate", "--symbols", String.join(",", SYMBOLS), "--compat", "both", "--db", db,
                "--json", "--csv", dir.resolve("csv").toString());
        assertEquals(0, r.exit(), r.err());
        doc = r.json();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Map<String, JsonNode> layouts() {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode l : doc.get("layouts")) {
            m.put(l.get("symbol").asText() + "/" + l.get("compat").asText(), l);
        }
        return m;
    }

    @Test
    void everySymbolAndMode_hasFolds_andEveryBookSpansExactlyTheStitchedTestFolds() {
        assertEquals(SYMBOLS.toString().replace(" ", ""), doc.get("symbols").toString().replace("\"", ""));
        Map<String, JsonNode> layouts = layouts();
        assertEquals(6, layouts.size());
        for (JsonNode l : layouts.values()) {
            int folds = l.get("folds").asInt();
            assertTrue(folds >= 20, l.toString());
            // full folds of 90 except the last: (folds − 1)·90 < OOS cycles ≤ folds·90
            int oos = l.get("oosCycles").asInt();
            assertTrue(oos > (folds - 1) * 90 && oos <= folds * 90, l.toString());
        }
        assertEquals(3 * 2 * 7 * 3, doc.get("results").size(), "symbols × modes × books × tiers");
        for (JsonNode r : doc.get("results")) {
            JsonNode l = layouts.get(r.get("symbol").asText() + "/" + r.get("compat").asText());
            JsonNode oos = r.get("oos");
            assertEquals(l.get("oosCycles").asInt(), oos.get("cycles").asInt(), r.toString());
            JsonNode p = oos.get("pnl");
            assertEquals(p.get("total").asDouble(), p.get("funding").asDouble() + p.get("basis").asDouble()
                    + p.get("price").asDouble() - p.get("fees").asDouble(), 1e-12, "PnL identity " + r);
            if (!r.get("strategy").asText().equals("buy-hold")) {
                assertEquals(0.0, p.get("price").asDouble(), 0.0, "carry books have no price PnL");
                assertTrue(oos.get("maxDrawdown").asDouble() < 0.5, "no carry book loses half: " + r);
            }
        }
    }

    @Test
    void higherFees_costMore_forEveryBook() {
        Map<String, double[]> fees = new HashMap<>();
        for (JsonNode r : doc.get("results")) {
            String key = r.get("symbol").asText() + r.get("compat").asText() + r.get("strategy").asText()
                    + r.get("config").asText();
            double[] f = fees.computeIfAbsent(key, k -> new double[3]);
            int i = switch ((int) r.get("feeBps").asDouble()) {
                case 8 -> 0;
                case 16 -> 1;
                default -> 2;
            };
            f[i] = r.get("oos").get("pnl").get("fees").asDouble();
        }
        for (Map.Entry<String, double[]> e : fees.entrySet()) {
            double[] f = e.getValue();
            assertTrue(f[0] <= f[1] && f[1] <= f[2], e.getKey() + " " + java.util.Arrays.toString(f));
        }
    }

    @Test
    void significance_bucketsAndDecomposition_haveEveryLine() {
        assertEquals(3 * 2 * 3 * 5, doc.get("significance").size(), "symbols × modes × tiers × comparisons");
        for (JsonNode c : doc.get("significance")) {
            double d = c.get("sharpeDiff").asDouble();
            assertTrue(c.get("ciLow").asDouble() <= d + 0.5 && d - 0.5 <= c.get("ciHigh").asDouble(), c.toString());
            assertEquals(5000, c.get("resamples").asInt());
        }
        assertEquals(3 * 2 * (6 + 5 + 18), doc.get("buckets").size());
        Map<String, Integer> fixed = new HashMap<>();
        Map<String, Integer> quint = new HashMap<>();
        for (JsonNode b : doc.get("buckets")) {
            String key = b.get("symbol").asText() + b.get("compat").asText();
            if (b.get("scheme").asText().equals("relaxation_fixed")) {
                fixed.merge(key, b.get("count").asInt(), Integer::sum);
            } else if (b.get("scheme").asText().equals("relaxation_quintile")) {
                quint.merge(key, b.get("count").asInt(), Integer::sum);
            }
        }
        assertEquals(fixed, quint, "each scheme partitions the same decisions");
        assertEquals(3 * (5 * 2 * 2 + 2 * 4 * 2), doc.get("decomposition").size());
        for (JsonNode d : doc.get("decomposition")) {
            if (d.get("feeBps").asDouble() == 0) {
                assertEquals(0.0, d.get("pnl").get("fees").asDouble(), 0.0);
            }
        }
    }

    @Test
    void rerun_replacesTheRun_rowCountsUnchanged() {
        String runId = doc.get("runId").asText();
        long[] before;
        try (Store store = Store.open(Path.of(db))) {
            before = Store.resultTables().stream().mapToLong(t -> store.resultRows(t, runId)).toArray();
        }
        Cli.Result again = Cli.run("evaluate", "--symbols", String.join(",", SYMBOLS), "--compat", "both", "--db", db,
                "--json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(runId, again.json().get("runId").asText());
        try (Store store = Store.open(Path.of(db))) {
            long[] after = Store.resultTables().stream().mapToLong(t -> store.resultRows(t, runId)).toArray();
            assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));
            assertTrue(before[2] > 500_000, "the ledger holds every book's out-of-sample cycles: " + before[2]);
        }
        assertTrue(Files.exists(dir.resolve("csv").resolve("ledger.csv")));
    }
}
