package io.thermocarry.store;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.portfolio.AllocationFit;
import io.thermocarry.core.portfolio.AllocationRun;
import io.thermocarry.core.portfolio.BookComparison;
import io.thermocarry.core.portfolio.Correlations;
import io.thermocarry.core.portfolio.CycleHole;
import io.thermocarry.core.portfolio.Exclusion;
import io.thermocarry.core.portfolio.MultipleTesting;
import io.thermocarry.core.portfolio.PortfolioFold;
import io.thermocarry.core.portfolio.PortfolioRequest;
import io.thermocarry.core.portfolio.PortfolioResult;
import io.thermocarry.core.portfolio.PortfolioRun;
import io.thermocarry.core.portfolio.RealityCheckOutcome;
import io.thermocarry.core.portfolio.SleeveResult;
import io.thermocarry.core.portfolio.SymbolMarket;
import io.thermocarry.core.portfolio.SymbolTest;
import io.thermocarry.core.portfolio.UniverseMember;
import io.thermocarry.core.stats.RealityCheck;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends one portfolio study's rows to the portfolio tables ({@link PortfolioTables}) inside the caller's
 * transaction, one DuckDB appender per table. NaN becomes NULL.
 */
final class PortfolioWriter {
    /** Allocation tag of rows that belong to no allocation (the unit-carry correlation). */
    static final String ALL = "all";

    private final DuckDBConnection conn;
    private final String runId;
    private final long createdAtMs;

    PortfolioWriter(DuckDBConnection conn, String runId, long createdAtMs) {
        this.conn = conn;
        this.runId = runId;
        this.createdAtMs = createdAtMs;
    }

    void write(PortfolioRun run, String evaluationRunId) throws SQLException {
        try (DuckDBAppender runs = appender(PortfolioTables.RUNS); DuckDBAppender folds = appender(PortfolioTables.FOLDS);
                DuckDBAppender metrics = appender(PortfolioTables.METRICS);
                DuckDBAppender symbols = appender(PortfolioTables.SYMBOLS);
                DuckDBAppender ledger = appender(PortfolioTables.LEDGER);
                DuckDBAppender corr = appender(PortfolioTables.CORRELATION);
                DuckDBAppender holes = appender(PortfolioTables.HOLES);
                DuckDBAppender mt = appender(PortfolioTables.MULTIPLE_TESTING);
                DuckDBAppender rc = appender(PortfolioTables.REALITY_CHECK)) {
            runRow(runs, run, evaluationRunId);
            for (AllocationRun a : run.allocations()) {
                String alloc = a.allocation().method().cliName();
                for (PortfolioFold f : a.plan().folds()) {
                    foldRows(folds, alloc, f);
                }
                for (int i = 0; i < a.results().size(); i++) {
                    PortfolioResult r = a.results().get(i);
                    BookComparison c = a.comparisons().isEmpty() ? null : a.comparisons().get(i);
                    String sleeve = run.request().spec().sleeve().name();
                    book(metrics, symbols, ledger, alloc, sleeve, r, c);
                    if (!a.baseline().isEmpty()) {
                        book(metrics, symbols, ledger, alloc, "naive", a.baseline().get(i), null);
                    }
                }
                correlationRows(corr, alloc, a.sleeveCorrelation());
            }
            correlationRows(corr, ALL, run.carryCorrelation());
            for (SymbolMarket m : run.markets()) {
                for (CycleHole h : m.holes()) {
                    holes.beginRow().append(runId).append(m.symbol().name()).append(h.firstCycle())
                            .append(h.kind().name()).append(h.cycles()).append(h.startMs()).append(h.endMs()).endRow();
                }
            }
            MultipleTesting t = run.multipleTesting();
            if (t != null) {
                for (SymbolTest s : t.symbolTests()) {
                    mt.beginRow().append(runId).append(s.tier().roundTripBps()).append(s.symbol().name())
                            .append(s.cycles());
                    num(mt, s.sharpePhysics());
                    num(mt, s.sharpeNaive());
                    num(mt, s.sharpeDiff());
                    num(mt, s.ciLow());
                    num(mt, s.ciHigh());
                    num(mt, s.pTwoSided());
                    num(mt, s.pOneSided());
                    num(mt, s.qValue());
                    mt.append(s.discovery()).append(t.fdrLevel()).endRow();
                }
                for (RealityCheckOutcome o : t.realityChecks()) {
                    realityRows(rc, o);
                }
            }
        }
    }

    private DuckDBAppender appender(Schema.TableDef t) throws SQLException {
        return conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, Schema.table(t.name()).name());
    }

    private static DuckDBAppender num(DuckDBAppender a, double v) throws SQLException {
        return Double.isNaN(v) ? a.appendNull() : a.append(v);
    }

    private static DuckDBAppender text(DuckDBAppender a, String v) throws SQLException {
        return v == null ? a.appendNull() : a.append(v);
    }

    private void runRow(DuckDBAppender a, PortfolioRun run, String evaluationRunId) throws SQLException {
        PortfolioRequest req = run.request();
        a.beginRow().append(runId).append(req.canonical()).append(createdAtMs)
                .append(req.automatic() ? "auto" : req.symbols().stream().map(Object::toString)
                        .collect(Collectors.joining(",")))
                .append(run.candidates().stream().map(Object::toString).collect(Collectors.joining(",")));
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
        a.append(req.spec().sleeve().name())
                .append(req.allocations().stream().map(x -> x.method().cliName()).collect(Collectors.joining(",")))
                .append(req.tiers().stream().map(x -> Double.toString(x.roundTripBps())).collect(Collectors.joining(",")));
        text(a, evaluationRunId).endRow();
    }

    private void foldRows(DuckDBAppender a, String alloc, PortfolioFold f) throws SQLException {
        List<UniverseMember> members = f.selection().members();
        for (int i = 0; i < members.size(); i++) {
            UniverseMember m = members.get(i);
            AllocationFit fit = f.fits().get(i);
            a.beginRow().append(runId).append(alloc).append(f.index()).append(f.startMs()).append(f.endMs())
                    .append(m.symbol().name()).append(true).appendNull().appendNull().append(fit.weight())
                    .append(fit.capped()).append(fit.trainingCycles());
            num(a, fit.basisVolatility());
            num(a, fit.carry());
            num(a, fit.score());
            a.append(m.historyCycles());
            num(a, m.fundingCoverage());
            num(a, m.basisCoverage());
            num(a, m.perpQuoteVolume());
            num(a, m.spotQuoteVolume()).endRow();
        }
        for (Exclusion x : f.selection().exclusions()) {
            a.beginRow().append(runId).append(alloc).append(f.index()).append(f.startMs()).append(f.endMs())
                    .append(x.symbol().name()).append(false).append(x.reason().name()).append(x.detail()).append(0.0)
                    .append(false).appendNull().appendNull().appendNull().appendNull().appendNull().appendNull()
                    .appendNull().appendNull().appendNull().endRow();
        }
    }

    private void book(DuckDBAppender metrics, DuckDBAppender symbols, DuckDBAppender ledger, String alloc,
            String strategy, PortfolioResult r, BookComparison c) throws SQLException {
        double bps = r.tier().roundTripBps();
        Performance p = r.performance();
        Ledger l = r.ledger();
        metrics.beginRow().append(runId).append(alloc).append(strategy).append(bps).append(p.cycles());
        if (l.size() == 0) {
            metrics.appendNull().appendNull();
        } else {
            metrics.append(l.startMs(0)).append(l.endMs(l.size() - 1));
        }
        num(metrics, p.years());
        num(metrics, p.totalReturn());
        num(metrics, p.annualReturn());
        num(metrics, p.sharpe());
        num(metrics, p.sortino());
        num(metrics, p.sharpePerCycle());
        num(metrics, p.maxDrawdown());
        num(metrics, p.calmar());
        num(metrics, p.worstCycle());
        num(metrics, p.cvar5());
        num(metrics, p.winRate());
        num(metrics, p.profitFactor());
        metrics.append(p.tradeCount());
        num(metrics, p.turnover());
        num(metrics, p.feeDrag());
        num(metrics, p.pnl().funding());
        num(metrics, p.pnl().basis());
        num(metrics, p.pnl().fees());
        num(metrics, p.pnl().total());
        metrics.append(r.ruined());
        if (c == null) {
            metrics.appendNull().appendNull().appendNull().appendNull().appendNull();
        } else {
            metrics.append("naive");
            num(metrics, c.sharpeDiff());
            num(metrics, c.ciLow());
            num(metrics, c.ciHigh());
            num(metrics, c.pValue());
        }
        metrics.endRow();
        for (SleeveResult s : r.sleeves()) {
            SleeveResult.Diagnostics d = s.diagnostics();
            symbols.beginRow().append(runId).append(alloc).append(strategy).append(bps).append(s.symbol().name())
                    .append(s.firstCycle()).append(s.size()).append(s.cyclesHeld()).append(s.meanWeight())
                    .append(s.trades().size()).append(s.pnl().funding()).append(s.pnl().basis()).append(s.pnl().fees())
                    .append(s.pnl().total()).append(d.holeCycles()).append(d.excludedCycles()).append(d.symbolCapCuts())
                    .append(d.grossCapCuts()).append(d.fundingNotEvaluated()).append(d.basisNotEvaluated()).endRow();
        }
        for (int j = 0; j < l.size(); j++) {
            ledger.beginRow().append(runId).append(alloc).append(strategy).append(bps).append(j).append(l.startMs(j))
                    .append(l.endMs(j)).append(l.side(j).name()).append(l.notional(j)).append(l.traded(j))
                    .append(l.funding(j)).append(l.basis(j)).append(l.fee(j)).append(l.total(j)).append(l.equity(j))
                    .endRow();
        }
    }

    private void correlationRows(DuckDBAppender a, String alloc, Correlations.Matrix m) throws SQLException {
        if (m == null) {
            return;
        }
        for (int i = 0; i < m.symbols().size(); i++) {
            for (int j = 0; j < m.symbols().size(); j++) {
                a.beginRow().append(runId).append(alloc).append(m.what()).append(m.symbols().get(i).name())
                        .append(m.symbols().get(j).name());
                num(a, m.get(i, j));
                a.append(m.overlap()[i][j]).endRow();
            }
        }
    }

    private void realityRows(DuckDBAppender a, RealityCheckOutcome o) throws SQLException {
        RealityCheck.Result r = o.result();
        double[] means = r.means();
        double[] t = r.tStatistics();
        FeeTier tier = o.tier();
        for (int m = 0; m < o.models().size(); m++) {
            a.beginRow().append(runId).append(tier.roundTripBps()).append(o.models().get(m)).append(m == r.bestByT())
                    .append(means[m]);
            num(a, t[m]);
            a.append(r.models()).append(r.periods()).append(o.bucketHours()).append(r.whiteStatistic())
                    .append(r.whitePValue()).append(r.spaStatistic()).append(r.spaPValueConsistent())
                    .append(r.spaPValueLower()).append(r.spaPValueUpper()).append(r.spec().resamples())
                    .append(r.spec().meanBlockLength()).endRow();
        }
    }
}
