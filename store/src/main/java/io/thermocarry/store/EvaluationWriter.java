package io.thermocarry.store;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.Diagnostics;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.RegimePnl;
import io.thermocarry.core.backtest.Trade;
import io.thermocarry.core.evaluation.BucketRow;
import io.thermocarry.core.evaluation.DecompositionRow;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.Fold;
import io.thermocarry.core.evaluation.FoldFit;
import io.thermocarry.core.evaluation.FoldLayout;
import io.thermocarry.core.evaluation.FoldPerformance;
import io.thermocarry.core.evaluation.SharpeComparison;
import io.thermocarry.core.evaluation.StrategyResult;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.TunedChoice;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.stats.ConfidenceInterval;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends one evaluation run's rows to the result tables (inside the caller's transaction), one DuckDB appender
 * per table. NaN becomes NULL; infinities are kept (a profit factor with no losing trade is +∞).
 */
final class EvaluationWriter {
    /** Tag values of result rows that have no strategy, configuration or tier of their own. */
    static final String ALL = "all";
    static final String UNIT_CARRY = "unit-short-basis";
    static final int STITCHED = -1;

    private final DuckDBConnection conn;
    private final String runId;
    private final long createdAtMs;

    EvaluationWriter(DuckDBConnection conn, String runId, long createdAtMs) {
        this.conn = conn;
        this.runId = runId;
        this.createdAtMs = createdAtMs;
    }

    /** Appends every row of one symbol's evaluation. */
    void write(EvaluationRequest request, SymbolEvaluation s) throws SQLException {
        try (DuckDBAppender runs = appender("runs"); DuckDBAppender metrics = appender("metrics");
                DuckDBAppender ledger = appender("ledger_books"); DuckDBAppender trades = appender("trades");
                DuckDBAppender buckets = appender("buckets"); DuckDBAppender sig = appender("significance");
                DuckDBAppender dec = appender("decomposition"); DuckDBAppender fits = appender("fold_fits")) {
            {
                for (FoldLayout l : s.layouts()) {
                    runRow(runs, request, s, l);
                }
                for (StrategyResult r : s.results()) {
                    metricRows(metrics, r);
                    ledgerRows(ledger, r);
                    tradeRows(trades, r);
                }
                for (BucketRow b : s.buckets()) {
                    bucketRow(buckets, b);
                }
                for (SharpeComparison c : s.significance()) {
                    significanceRow(sig, c);
                }
                for (DecompositionRow d : s.decomposition()) {
                    decompositionRow(dec, d);
                }
                for (FoldFit f : s.fits()) {
                    fitRows(fits, s, f);
                }
            }
        }
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, Schema.table(table).name());
    }

    private DuckDBAppender tags(DuckDBAppender a, String symbol, String strategy, String config, double feeBps,
            Compat compat, int fold) throws SQLException {
        a.beginRow().append(runId).append(symbol).append(strategy).append(config);
        num(a, feeBps);
        return a.append(compat.name().toLowerCase(Locale.ROOT)).append(fold);
    }

    private static DuckDBAppender num(DuckDBAppender a, double v) throws SQLException {
        return Double.isNaN(v) ? a.appendNull() : a.append(v);
    }

    private static DuckDBAppender text(DuckDBAppender a, String v) throws SQLException {
        return v == null ? a.appendNull() : a.append(v);
    }

    private void runRow(DuckDBAppender a, EvaluationRequest req, SymbolEvaluation s, FoldLayout l)
            throws SQLException {
        EvaluationSpec spec = req.spec();
        tags(a, s.symbol().name(), ALL, ALL, Double.NaN, l.compat(), STITCHED);
        a.append(req.canonical()).append(createdAtMs);
        if (req.from() == null) {
            a.appendNull();
        } else {
            a.append(req.from().toEpochMilli());
        }
        if (req.to() == null) {
            a.appendNull();
        } else {
            a.append(req.to().toEpochMilli());
        }
        a.append(spec.walkForward().trainCycles()).append(spec.walkForward().testCycles())
                .append(spec.bootstrap().resamples()).append(spec.bootstrap().blockLength()).append(spec.bootstrap().seed());
        text(a, spec.tune() == null ? null : spec.tune().canonical());
        a.append(l.cycles()).append(l.firstDecision()).append(l.folds().size()).append(l.oosCycles());
        if (l.folds().isEmpty()) {
            a.appendNull().appendNull();
        } else {
            a.append(l.startMs()).append(l.endMs());
        }
        a.append(s.settlementsAfterBasis()).endRow();
    }

    private void metricRows(DuckDBAppender a, StrategyResult r) throws SQLException {
        Ledger l = r.result().ledger();
        int first = l.firstCycle();
        metricRow(a, r, STITCHED, r.oos(), first < l.size() ? l.startMs(first) : 0, l.size() > 0 ? l.endMs(l.size() - 1) : 0,
                r.sharpeInterval(), r.result().diagnostics());
        for (FoldPerformance fp : r.folds()) {
            Fold f = fp.fold();
            metricRow(a, r, f.index(), fp.performance(), l.startMs(f.testStart()), l.endMs(f.testEnd() - 1), null, null);
        }
    }

    private void metricRow(DuckDBAppender a, StrategyResult r, int fold, Performance p, long startMs, long endMs,
            ConfidenceInterval ci, Diagnostics d) throws SQLException {
        tags(a, r.symbol().name(), r.strategy(), r.config(), r.tier().roundTripBps(), r.compat(), fold);
        a.append(p.cycles()).append(startMs).append(endMs);
        num(a, p.years());
        num(a, p.totalReturn());
        num(a, p.annualReturn());
        num(a, p.sharpe());
        num(a, ci == null ? Double.NaN : ci.low());
        num(a, ci == null ? Double.NaN : ci.high());
        num(a, p.sortino());
        num(a, p.sharpePerCycle());
        num(a, p.referenceSharpe());
        num(a, p.maxDrawdown());
        num(a, p.calmar());
        num(a, p.worstCycle());
        num(a, p.cvar5());
        num(a, p.winRate());
        num(a, p.profitFactor());
        a.append(p.tradeCount());
        num(a, p.averageHoldCycles());
        num(a, p.turnover());
        num(a, p.feeDrag());
        num(a, p.pnl().funding());
        num(a, p.pnl().basis());
        num(a, p.pnl().price());
        num(a, p.pnl().fees());
        num(a, p.pnl().total());
        for (RegimePnl rp : p.byRegime()) {
            a.append(rp.cycles());
            num(a, rp.pnl().funding());
            num(a, rp.pnl().basis());
            num(a, rp.pnl().fees());
            num(a, rp.pnl().total());
        }
        a.append(d != null && d.ruined()).append(d == null ? 0 : d.basisNotEvaluated())
                .append(d == null ? 0 : d.fundingNotEvaluated()).endRow();
    }

    /** One {@code ledger_books} row: the book's out-of-sample cycles as lists. */
    private void ledgerRows(DuckDBAppender a, StrategyResult r) throws SQLException {
        Ledger l = r.result().ledger();
        int from = l.firstCycle();
        int to = l.size();
        int m = Math.max(to - from, 0);
        int[] fold = new int[m];
        int[] cycle = new int[m];
        List<String> side = new java.util.ArrayList<>(m);
        List<String> regime = new java.util.ArrayList<>(m);
        List<FoldPerformance> folds = r.folds();
        int fi = 0;
        for (int i = 0; i < m; i++) {
            int k = from + i;
            while (fi + 1 < folds.size() && k >= folds.get(fi).fold().testEnd()) {
                fi++;
            }
            fold[i] = folds.isEmpty() ? STITCHED : folds.get(fi).fold().index();
            cycle[i] = k;
            side.add(l.side(k).name());
            Regime g = l.regime(k);
            regime.add(g == null ? null : g.name());
        }
        a.beginRow().append(runId).append(r.symbol().name()).append(r.strategy()).append(r.config());
        num(a, r.tier().roundTripBps());
        a.append(r.compat().name().toLowerCase(Locale.ROOT)).append(fold).append(cycle)
                .append(Arrays.copyOfRange(l.starts(), from, to)).append(Arrays.copyOfRange(l.ends(), from, to))
                .append(side).append(Arrays.copyOfRange(l.notionals(), from, to))
                .append(Arrays.copyOfRange(l.tradedNotionals(), from, to))
                .append(Arrays.copyOfRange(l.fundings(), from, to)).append(Arrays.copyOfRange(l.bases(), from, to))
                .append(Arrays.copyOfRange(l.prices(), from, to)).append(Arrays.copyOfRange(l.fees(), from, to))
                .append(Arrays.copyOfRange(l.totals(), from, to)).append(Arrays.copyOfRange(l.equities(), from, to))
                .append(regime).endRow();
    }

    private static int foldOf(List<FoldPerformance> folds, int cycle) {
        for (FoldPerformance fp : folds) {
            if (fp.fold().inTest(cycle)) {
                return fp.fold().index();
            }
        }
        return STITCHED;
    }

    private void tradeRows(DuckDBAppender a, StrategyResult r) throws SQLException {
        int i = 0;
        for (Trade t : r.result().trades()) {
            tags(a, r.symbol().name(), r.strategy(), r.config(), r.tier().roundTripBps(), r.compat(),
                    foldOf(r.folds(), t.entryCycle()));
            a.append(i++).append(t.entryTime().toEpochMilli()).append(t.exitTime().toEpochMilli())
                    .append(t.entryCycle()).append(t.exitCycle()).append(t.side().name()).append(t.entryNotional())
                    .append(t.averageNotional()).append(t.fundingPnl()).append(t.basisPnl()).append(t.pricePnl())
                    .append(t.fees()).append(t.totalPnl()).append(t.cyclesHeld());
            text(a, t.regimeAtEntry() == null ? null : t.regimeAtEntry().name());
            a.append(t.exitReason().name()).endRow();
        }
    }

    private void bucketRow(DuckDBAppender a, BucketRow b) throws SQLException {
        tags(a, b.symbol().name(), UNIT_CARRY, EvaluationSpec.NO_CONFIG, FeeTier.ZERO.roundTripBps(), b.compat(),
                STITCHED);
        a.append(b.scheme().name()).append(b.bucket()).append(b.entropyBucket()).append(b.label());
        num(a, b.relaxationLow());
        num(a, b.relaxationHigh());
        num(a, b.entropyLow());
        num(a, b.entropyHigh());
        a.append(b.count());
        num(a, b.meanTotal());
        num(a, b.meanFunding());
        num(a, b.meanBasis());
        num(a, b.medianTotal());
        num(a, b.medianFunding());
        num(a, b.medianBasis());
        num(a, b.hitRate());
        num(a, b.convergenceShare());
        num(a, b.worstDecile());
        num(a, b.worstDecileMean()).endRow();
    }

    private void significanceRow(DuckDBAppender a, SharpeComparison c) throws SQLException {
        tags(a, c.symbol().name(), c.strategy(), c.config(), c.tier().roundTripBps(), c.compat(), STITCHED);
        a.append(c.versus()).append(c.versusConfig());
        num(a, c.sharpe());
        num(a, c.sharpeVersus());
        num(a, c.sharpeDiff());
        num(a, c.ciLow());
        num(a, c.ciHigh());
        a.append(c.level());
        num(a, c.pValue());
        a.append(c.resamples()).append(c.blockLength()).append(c.cycles()).endRow();
    }

    private void decompositionRow(DuckDBAppender a, DecompositionRow d) throws SQLException {
        Performance p = d.performance();
        tags(a, d.symbol().name(), d.strategy(), RegimeConfig.FULL.cliName(), d.tier().roundTripBps(),
                d.engineRules(), STITCHED);
        a.append(d.step().ordinal() + 1).append(d.step().name()).append(d.step().label()).append(d.firstCycleTimeMs())
                .append(p.cycles());
        num(a, p.sharpe());
        num(a, p.referenceSharpe());
        num(a, p.totalReturn());
        num(a, p.annualReturn());
        num(a, p.maxDrawdown());
        num(a, p.pnl().funding());
        num(a, p.pnl().basis());
        num(a, p.pnl().fees());
        num(a, p.pnl().total());
        a.append(p.tradeCount());
        num(a, p.turnover()).endRow();
    }

    private void fitRows(DuckDBAppender a, SymbolEvaluation s, FoldFit f) throws SQLException {
        if (f.tuned().isEmpty()) {
            fitRow(a, s, f, null);
        }
        for (TunedChoice c : f.tuned()) {
            fitRow(a, s, f, c);
        }
    }

    private void fitRow(DuckDBAppender a, SymbolEvaluation s, FoldFit f, TunedChoice c) throws SQLException {
        Fold fold = f.fold();
        tags(a, s.symbol().name(), "physics", c == null ? RegimeConfig.FULL.cliName() : EvaluationSpec.TUNED_CONFIG,
                c == null ? Double.NaN : c.tier().roundTripBps(), f.compat(), fold.index());
        a.append(f.trainStartMs()).append(f.decisionTimeMs()).append(f.testEndMs()).append(fold.trainCycles())
                .append(fold.testCycles());
        num(a, f.entropyNessThreshold());
        num(a, f.entropyEquilibriumThreshold());
        num(a, f.jeDangerThreshold());
        num(a, c == null ? Double.NaN : c.relaxationDanger());
        num(a, c == null ? Double.NaN : c.baseFraction());
        num(a, c == null ? Double.NaN : c.trainingReturn());
        num(a, c == null ? Double.NaN : c.trainingMaxDrawdown());
        num(a, c == null ? Double.NaN : c.trainingSharpe());
        if (c == null) {
            a.appendNull();
        } else {
            a.append(c.withinBudget());
        }
        a.endRow();
    }
}
