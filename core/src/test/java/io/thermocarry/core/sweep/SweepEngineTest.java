package io.thermocarry.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.strategy.SignalPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SweepEngineTest {
    private static ExecutorService pool;
    private static List<SweepMarket> markets;

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(3);
        markets = SweepFixtures.markets();
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    private static List<SweepRow> collect(SweepSpec spec, int parallelism, int batch, SweepOutcome[] outcome) {
        List<SweepRow> rows = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        long[] last = {0, 0};
        SweepOutcome o = SweepEngine.run(spec, markets, pool, parallelism, batch, b -> {
            batchSizes.add(b.size());
            rows.addAll(b);
        }, (done, total) -> {
            assertTrue(done >= last[0] && done <= total, done + " after " + last[0] + " of " + total);
            last[0] = done;
            last[1] = total;
        });
        assertEquals(rows.size(), last[0], "the last progress call reports every backtest");
        assertEquals(rows.size(), last[1]);
        for (int i = 0; i + 1 < batchSizes.size(); i++) {
            assertEquals(batch, batchSizes.get(i), "every batch but the last is full");
        }
        if (outcome != null) {
            outcome[0] = o;
        }
        rows.sort(Comparator.comparingInt(SweepRow::point).thenComparing(r -> r.symbol().name()));
        return rows;
    }

    @Test
    void everyPointAndSymbol_givesOneRow_equalToAFullIndependentBacktest() {
        SweepSpec spec = SweepFixtures.spec();
        SweepOutcome[] out = new SweepOutcome[1];
        List<SweepRow> rows = collect(spec, 3, 7, out);
        SweepGrid grid = spec.grid();
        assertEquals(grid.size() * markets.size(), rows.size());
        assertEquals(rows.size(), out[0].backtests());
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.point() + "/" + r.symbol()));
        assertEquals(rows.size(), keys.size(), "no (point, symbol) twice");
        // shared work: one signal run per window pair and symbol, not per point
        assertEquals(4 * markets.size(), out[0].signalRuns());

        double[] meanSharpe = new double[grid.size()];
        for (SweepRow row : rows) {
            SweepPoint p = grid.point(row.point());
            assertEquals(p, row.parameters());
            SweepMarket m = markets.stream().filter(x -> x.symbol().equals(row.symbol())).findFirst().orElseThrow();
            // the brute-force route: a full signal run under the point's own regime spec, no sharing
            SignalRun run = SignalRunner.run(m.cycles(), m.basis(), p.signalSpec(KappaMethod.THROUGH_ORIGIN),
                    p.regimeSpec(), RegimeConfig.FULL, Compat.CAUSAL);
            int n = m.cycles().size();
            assertEquals(120, out[0].layouts().get(0).oosStart(), "warm-up 60 + 60 training cycles");
            BacktestResult res = BacktestEngine.run(new BacktestRequest(m.cycles(), SignalPath.of(run, n),
                    p.strategy(), p.fee(), Compat.CAUSAL, 1.0, 120, m.accrual()));
            Performance perf = res.performance();
            assertEquals(perf.sharpe(), row.sharpe(), 0.0);
            assertEquals(perf.totalReturn(), row.totalReturn(), 0.0);
            assertEquals(perf.maxDrawdown(), row.maxDrawdown(), 0.0);
            assertEquals(perf.pnl().funding(), row.pnlFunding(), 0.0);
            assertEquals(perf.pnl().basis(), row.pnlBasis(), 0.0);
            assertEquals(perf.pnl().fees(), row.pnlFees(), 0.0);
            assertEquals(perf.pnl().total(), row.pnlTotal(), 0.0);
            assertEquals(perf.tradeCount(), row.trades());
            assertEquals(n - 120, row.cycles());
            assertEquals(10, row.folds(), "280 test cycles in folds of 30");
            checkFolds(res, row);
            checkShares(run, n, row);
            meanSharpe[row.point()] += row.sharpe() / markets.size();
        }
        int best = 0;
        for (int q = 1; q < meanSharpe.length; q++) {
            if (meanSharpe[q] > meanSharpe[best]) {
                best = q;
            }
        }
        assertEquals(best, out[0].robustness().best());
        assertArrayEquals(meanSharpe, out[0].scores().sharpe(), 1e-12);
        assertEquals(grid.point(best), out[0].bestPoint());
    }

    /** Fold figures against Performance of each fold's own slice of the ledger. */
    private static void checkFolds(BacktestResult res, SweepRow row) {
        Ledger l = res.ledger();
        double[] eq = l.equities();
        List<Double> sharpes = new ArrayList<>();
        int positive = 0;
        for (int a = 120; a < l.size(); a += 30) {
            int z = Math.min(a + 30, l.size());
            double before = a == 120 ? 1.0 : eq[a - 1];
            Ledger slice = new Ledger(Arrays.copyOfRange(l.starts(), a, z), Arrays.copyOfRange(l.ends(), a, z),
                    Arrays.copyOfRange(l.sides(), a, z), Arrays.copyOfRange(l.notionals(), a, z),
                    Arrays.copyOfRange(l.tradedNotionals(), a, z), Arrays.copyOfRange(l.fundings(), a, z),
                    Arrays.copyOfRange(l.bases(), a, z), Arrays.copyOfRange(l.prices(), a, z),
                    Arrays.copyOfRange(l.fees(), a, z), Arrays.copyOfRange(l.totals(), a, z),
                    Arrays.copyOfRange(l.equities(), a, z), Arrays.copyOfRange(l.regimes(), a, z), 0);
            double s = Performance.of(slice, List.of(), before).sharpe();
            if (Double.isFinite(s)) {
                sharpes.add(s);
            }
            positive += eq[z - 1] > before ? 1 : 0;
        }
        sharpes.sort(null);
        assertEquals(sharpes.get(0), row.foldSharpeMin(), 1e-9);
        int k = sharpes.size();
        double median = k % 2 == 1 ? sharpes.get(k / 2) : (sharpes.get(k / 2 - 1) + sharpes.get(k / 2)) / 2;
        assertEquals(median, row.foldSharpeMedian(), 1e-9);
        assertEquals(positive / 10.0, row.foldsPositive(), 0.0);
    }

    private static void checkShares(SignalRun run, int n, SweepRow row) {
        SignalPath path = SignalPath.of(run, n);
        int eq = 0;
        int ness = 0;
        for (int k = 120; k < n; k++) {
            eq += path.regime(k) == Regime.EQUILIBRIUM ? 1 : 0;
            ness += path.regime(k) == Regime.NESS ? 1 : 0;
        }
        assertEquals(eq / (double) (n - 120), row.equilibriumShare(), 1e-12);
        assertEquals(ness / (double) (n - 120), row.nessShare(), 1e-12);
    }

    @Test
    void theThresholdsMatter_onThisMarket_soTheSharingIsReallyTested() {
        List<SweepRow> rows = collect(SweepFixtures.spec(), 3, 100, null);
        Set<Double> nessShares = new HashSet<>();
        for (SweepRow r : rows) {
            if (r.symbol().name().equals("SYNAUSDT") && r.parameters().basisWindow() == 120
                    && r.parameters().entropyWindow() == 30) {
                nessShares.add(r.nessShare());
            }
        }
        assertEquals(3, nessShares.size(), "each NESS threshold classifies differently: " + nessShares);
    }

    @Test
    void results_doNotDependOnTheNumberOfThreads_orTheBatchSize() {
        List<SweepRow> one = collect(SweepFixtures.spec(), 1, 1, null);
        List<SweepRow> many = collect(SweepFixtures.spec(), 3, 1000, null);
        assertEquals(one, many);
    }

    @Test
    void aFailingSink_stopsTheSweep_withTheCause_andLeavesThePoolUsable() {
        RuntimeException boom = new IllegalStateException("disk full");
        SweepFailedException e = assertThrows(SweepFailedException.class, () -> SweepEngine.run(SweepFixtures.spec(),
                markets, pool, 3, 5, b -> {
                    throw boom;
                }, (d, t) -> {
                }));
        assertEquals(boom, e.getCause());
        assertEquals(SweepFixtures.grid().size() * 2, collect(SweepFixtures.spec(), 3, 50, null).size());
    }

    @Test
    void aMarketTooShortForOneFold_isRefusedBeforeAnyWork() {
        SweepSpec spec = new SweepSpec(SweepFixtures.grid(), new WalkForwardSpec(400, 30), RegimeConfig.FULL,
                KappaMethod.THROUGH_ORIGIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepEngine.run(spec,
                markets, pool, 2, 10, b -> {
                }, (d, t) -> {
                }));
        assertTrue(e.getMessage().contains("SYNAUSDT"), e.getMessage());
    }

    @Test
    void theRangeStart_movesTheFolds_whenItIsLaterThanTheWarmup() {
        SweepMarket m = markets.get(0);
        SweepMarket later = new SweepMarket(m.cycles(), m.basis(), 100, m.accrual());
        SweepOutcome.Layout l = SweepEngine.layout(later, 60, new WalkForwardSpec(60, 30));
        assertEquals(100, l.first());
        assertEquals(160, l.oosStart());
        assertEquals(new WalkForwardSpec(60, 30).folds(100, 400), l.folds());
        assertEquals((400 - 160 + 29) / 30, l.folds().size());
        assertEquals(400, l.folds().get(l.folds().size() - 1).testEnd());
        assertEquals(m.cycles().startMs(160), l.oosStartMs());
        assertEquals(m.cycles().endMs(399), l.oosEndMs());
    }
}
