package io.thermocarry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.evaluation.BlockBootstrapSpec;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.EvaluationRun;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.StrategyResult;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.evaluation.TuneGrid;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation runs in the store: replaced, never duplicated; atomic; tagged; exported as CSV. */
class EvaluationStoreTest {
    private static EvaluationRun run;
    private static EvaluationRun other;

    @BeforeAll
    static void evaluate() {
        SyntheticSpec s = SyntheticSpec.REALISTIC.withCycles(1_300);
        SyntheticMarket m = SyntheticOuMarket.simulate(s);
        SymbolData data = new SymbolData(s.symbol(), m.funding(), m.basis(), null, null);
        EvaluationSpec spec = EvaluationSpec.defaults().withTiers(List.of(FeeTier.BPS_8, FeeTier.BPS_16))
                .withWalkForward(new WalkForwardSpec(360, 150)).withBootstrap(new BlockBootstrapSpec(100, 12, 1L, 0.95))
                .withTune(TuneGrid.parse("relaxationDanger=1.4;baseFraction=0.25,0.5"));
        run = new EvaluationRun(new EvaluationRequest(List.of(s.symbol()), null, null, spec),
                List.of(SymbolEvaluator.evaluate(data, spec, null)));
        EvaluationSpec spec2 = spec.withCompats(List.of(Compat.CAUSAL));
        other = new EvaluationRun(new EvaluationRequest(List.of(s.symbol()), null, null, spec2),
                List.of(SymbolEvaluator.evaluate(data, spec2, null)));
    }

    private static long[] counts(Store store, String runId) {
        return Store.resultTables().stream().mapToLong(t -> store.resultRows(t, runId)).toArray();
    }

    @Test
    void rerunningTheSameRequest_replacesItsRun_neverDuplicates(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("e.duckdb"))) {
            store.replaceEvaluation(run);
            long[] once = counts(store, run.runId());
            store.replaceEvaluation(run);
            assertEquals(java.util.Arrays.toString(once), java.util.Arrays.toString(counts(store, run.runId())));
            store.replaceEvaluation(other);
            assertEquals(java.util.Arrays.toString(once), java.util.Arrays.toString(counts(store, run.runId())),
                    "another request is another run");
            assertEquals(List.of(run.runId(), other.runId()).stream().sorted().toList(), store.runIds());
            SymbolEvaluation e = run.symbols().get(0);
            long ledgerRows = e.results().stream().mapToLong(r -> r.oos().cycles()).sum();
            assertEquals(ledgerRows, store.resultRows("ledger", run.runId()), "one ledger row per book and OOS cycle");
            long metricRows = e.results().stream().mapToLong(r -> 1 + r.folds().size()).sum();
            assertEquals(metricRows, store.resultRows("metrics", run.runId()), "stitched + per fold");
            assertEquals(e.buckets().size(), store.resultRows("buckets", run.runId()));
            assertEquals(e.significance().size(), store.resultRows("significance", run.runId()));
            assertEquals(e.decomposition().size(), store.resultRows("decomposition", run.runId()));
            assertEquals(e.fits().stream().mapToLong(f -> Math.max(1, f.tuned().size())).sum(),
                    store.resultRows("fold_fits", run.runId()));
            assertEquals(0, store.sqlForTests("SELECT count(*) FROM (SELECT run_id, symbol, strategy, config, fee_bps,"
                    + " compat, fold, cycle, count(*) c FROM ledger GROUP BY ALL HAVING c > 1)").get(0).get(0) instanceof Number n
                    ? n.longValue() : -1, "ledger keys unique");
        }
    }

    @Test
    void storedRows_carryTheTags_andTheBooksNumbers() {
        try (Store store = Store.inMemory()) {
            store.replaceEvaluation(run);
            StrategyResult physics = run.symbols().get(0).results().stream().filter(r -> r.strategy().equals("physics")
                    && r.config().equals("full") && r.tier().equals(FeeTier.BPS_16) && r.compat() == Compat.CAUSAL)
                    .findFirst().orElseThrow();
            List<List<Object>> m = store.sqlForTests("SELECT total_return, sharpe, pnl_funding, cycles FROM metrics"
                    + " WHERE run_id = '" + run.runId() + "' AND strategy = 'physics' AND config = 'full'"
                    + " AND fee_bps = 16 AND compat = 'causal' AND fold = -1");
            assertEquals(1, m.size());
            assertEquals(physics.oos().totalReturn(), ((Number) m.get(0).get(0)).doubleValue(), 0.0);
            assertEquals(physics.oos().sharpe(), ((Number) m.get(0).get(1)).doubleValue(), 0.0);
            assertEquals(physics.oos().pnl().funding(), ((Number) m.get(0).get(2)).doubleValue(), 0.0);
            List<List<Object>> sums = store.sqlForTests("SELECT sum(funding + basis + price - fee - total),"
                    + " max(abs(funding + basis + price - fee - total)), min(fold), max(fold) FROM ledger WHERE run_id = '"
                    + run.runId() + "'");
            assertTrue(((Number) sums.get(0).get(1)).doubleValue() < 1e-12, "funding + basis + price − fee = total");
            assertEquals(0, ((Number) sums.get(0).get(2)).intValue(), "every OOS ledger row lies in a fold");
            List<List<Object>> nulls = store.sqlForTests("SELECT count(*) FROM metrics WHERE sharpe_ci_low IS NULL"
                    + " AND sharpe IS NOT NULL AND fold = -1");
            assertEquals(0L, ((Number) nulls.get(0).get(0)).longValue(), "every book with a Sharpe has its interval");
        }
    }

    @Test
    void anAbandonedSession_leavesThePreviousCopy() {
        try (Store store = Store.inMemory()) {
            store.replaceEvaluation(run);
            long[] before = counts(store, run.runId());
            try (Store.EvaluationSession s = store.beginEvaluation(run.request())) {
                s.add(run.symbols().get(0));
            }
            assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(counts(store, run.runId())));
            Store.EvaluationSession s = store.beginEvaluation(run.request());
            s.commit();
            assertEquals(0, store.resultRows("ledger", run.runId()), "committing an empty session empties the run");
            assertThrows(IllegalArgumentException.class, s::commit);
        }
    }

    @Test
    void csvExport_writesTheRunsRowsWithAHeader(@TempDir Path dir) throws IOException {
        try (Store store = Store.inMemory()) {
            store.replaceEvaluation(run);
            store.replaceEvaluation(other);
            for (String t : Store.resultTables()) {
                Path f = dir.resolve(t + ".csv");
                store.exportCsv(t, run.runId(), f);
                List<String> lines = Files.readAllLines(f);
                assertTrue(lines.get(0).startsWith("run_id,symbol,strategy,config,fee_bps,compat,fold"), lines.get(0));
                assertEquals(store.resultRows(t, run.runId()) + 1, lines.size(), t);
                assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith(run.runId() + ",")), t);
            }
            assertThrows(IllegalArgumentException.class, () -> store.exportCsv("bars", run.runId(), dir.resolve("x")));
            assertThrows(IllegalArgumentException.class, () -> store.exportCsv("ledger", "x'; DROP", dir.resolve("x")));
        }
    }

    @Test
    void migration6_movesAStoredLedgerTableIntoBooks_andTheViewShowsTheSameRows(@TempDir Path dir) {
        Path db = dir.resolve("v5.duckdb");
        List<List<Object>> rows;
        try (Store store = Store.open(db)) {
            store.replaceEvaluation(run);
            rows = store.sqlForTests("SELECT * FROM ledger ORDER BY ALL");
            // the store as schema version 5 left it: a ledger table with the same rows
            store.sqlForTests("CREATE TABLE ledger_v5 AS SELECT * FROM ledger");
            store.sqlForTests("DROP VIEW ledger");
            store.sqlForTests("DROP TABLE ledger_books");
            store.sqlForTests(Schema.LEDGER.ddl());
            store.sqlForTests("INSERT INTO ledger SELECT * FROM ledger_v5");
            store.sqlForTests("DROP TABLE ledger_v5");
            // later migrations (7: microstructure) are rolled back too, so that the store is exactly at version 5
            for (Schema.Migration mig : Schema.MIGRATIONS) {
                if (mig.version() > 6) {
                    for (Schema.TableDef t : mig.tables()) {
                        store.sqlForTests("DROP TABLE " + t.name());
                    }
                }
            }
            store.sqlForTests("DELETE FROM schema_version WHERE version >= 6");
        }
        try (Store store = Store.open(db)) {
            assertEquals(Schema.latestVersion(), store.schemaVersion());
            assertEquals(rows, store.sqlForTests("SELECT * FROM ledger ORDER BY ALL"));
            assertEquals(run.symbols().get(0).results().size(),
                    ((Number) store.sqlForTests("SELECT count(*) FROM ledger_books").get(0).get(0)).intValue());
            assertTrue(!store.tables().contains("ledger"), "ledger is a view now");
        }
    }
}
