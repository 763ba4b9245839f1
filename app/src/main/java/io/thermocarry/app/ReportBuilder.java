package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.Diagnostics;
import io.thermocarry.core.backtest.EquityCurve;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.PhysicsAnalyzer;
import io.thermocarry.core.physics.PhysicsReport;
import io.thermocarry.core.physics.PhysicsSpec;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.Unevaluated;
import io.thermocarry.report.Block;
import io.thermocarry.report.CarrySections;
import io.thermocarry.report.Cell;
import io.thermocarry.report.DataHealth;
import io.thermocarry.report.EvaluationSections;
import io.thermocarry.report.EvaluationStats;
import io.thermocarry.report.NumFormat;
import io.thermocarry.report.ReportModel;
import io.thermocarry.report.StrategyResult;
import io.thermocarry.store.Store;
import io.thermocarry.store.StoreInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Wiring of the {@code report} and {@code demo} commands: loads each symbol's market from the store, recomputes
 * cycles, signals and the whole-range physics through the existing loaders, takes the strategy results, and
 * hands everything to {@link CarrySections} to make the {@link ReportModel}.
 */
final class ReportBuilder {
    /** Strategies the report shows (buy-hold is not carry: left out). */
    static final List<String> STRATEGIES = List.of("physics", "desk", "naive", "threshold");
    /** Points per time chart before min/max downsampling. */
    static final int MAX_POINTS = 2400;
    /**
     * Bootstrap resamples of the report's descriptive physics table: 1,000 for the JE intervals (two-decimal
     * CIs), 20 each for BAR and the DFT slope (each resample re-solves Bennett's equation or redoes the KDE);
     * the {@code physics} command gives the full 10,000 / 200 / 200.
     */
    static final int JE_RESAMPLES = 1000;
    /** BAR and DFT resamples of the report's physics table. */
    static final int SLOW_RESAMPLES = 20;

    private ReportBuilder() {
    }

    /**
     * What to report.
     *
     * @param symbols symbols in order
     * @param from evaluation start (null = all)
     * @param to end, exclusive (null = all)
     * @param compat compat mode
     * @param signal signal options
     * @param tiers fee tiers
     * @param subtitle line under the title
     * @param truthRatio per symbol, the known relaxation ratio at a decision time (synthetic markets), or null
     */
    record Request(List<Symbol> symbols, Instant from, Instant to, Compat compat, SignalOptions signal,
            List<FeeTier> tiers, String subtitle, java.util.function.BiFunction<Symbol, Long, Double> truthRatio) {
    }

    /**
     * One symbol's computed inputs.
     *
     * @param evaluation what {@code evaluate} stored for it (null: none, {@code results} are in-sample backtests)
     * @param results the strategy books the report shows
     * @param backtests the in-sample backtests behind {@code results} when there is no evaluation (else empty)
     */
    record SymbolRun(Symbol symbol, MarketLoader.Loaded market, Prepared prepared, PhysicsReport physics,
            StoredEvaluation evaluation, List<StrategyResult> results, List<BacktestResult> backtests) {

        /** Whether the books are out-of-sample results of an evaluation. */
        boolean evaluated() {
            return evaluation != null;
        }

        /** The books the charts show: one compat mode (causal when present), carry strategies, physics as {@code full}. */
        List<StrategyResult> chartResults() {
            String compat = results.stream().anyMatch(r -> r.compat().equals("causal")) ? "causal" : "reference";
            return results.stream().filter(r -> r.compat().equals(compat) && !r.strategy().equals("buy-hold")
                    && (!r.strategy().equals("physics") || r.config().equals("full"))).toList();
        }
    }

    static ReportModel build(Store store, Request req, Progress progress) {
        StoreInfo info = store.info();
        List<SymbolRun> runs = new ArrayList<>();
        int done = 0;
        for (Symbol s : req.symbols()) {
            runs.add(run(store, s, req));
            progress.update(++done, s.name());
        }
        return model(runs, info, req);
    }

    static SymbolRun run(Store store, Symbol symbol, Request req) {
        MarketLoader.Loaded market = MarketLoader.load(store, symbol, req.compat() == Compat.CAUSAL ? null : req.from(),
                req.to());
        Prepared p = req.compat() == Compat.CAUSAL ? Prepared.causal(market, req.from(), req.signal())
                : Prepared.of(store, symbol, req.from(), req.to(), req.compat(), req.signal());
        PhysicsSpec ps = PhysicsSpec.defaults().withKappaMethod(req.signal().kappa())
                .withResamples(JE_RESAMPLES, SLOW_RESAMPLES, SLOW_RESAMPLES);
        PhysicsReport physics = PhysicsAnalyzer.analyze(market.basis(), market.cycles(), ps);
        StoredEvaluation stored = StoredEvaluation.read(store, symbol).orElse(null);
        if (stored != null) {
            return new SymbolRun(symbol, market, p, physics, stored, stored.results(), List.of());
        }
        List<StrategyResult> results = new ArrayList<>();
        List<BacktestResult> backtests = new ArrayList<>();
        for (String name : STRATEGIES) {
            StrategySpec spec = Strategies.parse(name);
            BacktestRequest br = new BacktestRequest(p.cycles(), p.path(), spec, req.tiers().get(0), req.compat(), 1.0,
                    p.firstCycle(), p.accrual());
            for (BacktestResult r : BacktestEngine.runTiers(br, req.tiers())) {
                EquityCurve e = r.equityCurve();
                results.add(new StrategyResult(symbol.name(), name, req.signal().regimeConfig().cliName(),
                        req.compat().name().toLowerCase(Locale.ROOT), r.request().fee().roundTripBps(), e.timeMs(), e.equity(), r.performance(), List.of()));
                backtests.add(r);
            }
        }
        return new SymbolRun(symbol, market, p, physics, null, results, backtests);
    }

    static ReportModel model(List<SymbolRun> runs, StoreInfo info, Request req) {
        List<ReportModel.Section> sections = new ArrayList<>();
        sections.add(summary(runs, req));
        for (SymbolRun r : runs) {
            sections.add(symbolSection(r, req));
        }
        List<EvaluationStats.Significance> sig = new ArrayList<>();
        List<Block> edges = new ArrayList<>();
        for (SymbolRun r : runs) {
            if (r.evaluated()) {
                sig.addAll(r.evaluation().significance());
                if (!r.evaluation().edge().isEmpty()) {
                    edges.add(EvaluationSections.decomposition(r.symbol().name(), r.evaluation().edge()));
                }
            }
        }
        if (runs.stream().anyMatch(SymbolRun::evaluated)) {
            List<Block> eval = new ArrayList<>();
            eval.add(EvaluationSections.significance(sig));
            eval.addAll(edges);
            sections.add(1, new ReportModel.Section("evaluation", "Out of sample: significance and the published edge",
                    "The desk's honest verdict (SPEC §9): does regime sizing beat the baselines out of sample, after fees,"
                            + " with uncertainty; and how much of the published edge survives each honest change.",
                    eval));
        }
        List<Block> physicsBlocks = new ArrayList<>();
        physicsBlocks.add(CarrySections.physics(runs.stream().map(SymbolRun::physics).toList()));
        sections.add(new ReportModel.Section("physics", "Physics of the whole range",
                "Descriptive thermodynamics of each symbol's full basis history (SPEC §3, §11); the charts above use"
                        + " the causal per-decision values instead.", physicsBlocks));
        List<Block> data = new ArrayList<>();
        for (SymbolRun r : runs) {
            data.addAll(CarrySections.integrity(health(r, info)));
        }
        sections.add(new ReportModel.Section("data", "Data integrity",
                "What the store holds behind each figure: gaps, funding intervals, placeholder candles, and every gate"
                        + " or input that could not be evaluated.", data));
        SymbolRun any = runs.get(0);
        sections.add(new ReportModel.Section("methods", "Methods",
                "Enough to reproduce every number: formulas, windows, thresholds, fee tiers and the compat mode of this"
                        + " run.", CarrySections.methods(req.signal().signalSpec(), req.signal().regimeSpec(),
                        runParameters(any, req))));
        return new ReportModel("thermocarry — funding carry report", req.subtitle(), Instant.now(), sections);
    }

    private static Map<String, String> runParameters(SymbolRun any, Request req) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("compat mode", req.compat().name().toLowerCase(Locale.ROOT)
                + (req.compat() == Compat.CAUSAL ? " (nothing at a decision uses data published after it)"
                        : " (the reference code's flawed rules, to reproduce its numbers)"));
        m.put("funding accrual", any.prepared().accrual().name());
        m.put("regime configuration", req.signal().regimeConfig().cliName());
        m.put("fee tiers", String.join(", ", req.tiers().stream().map(t -> fmt(t.roundTripBps()) + " bps").toList())
                + " round trip of notional");
        if (any.evaluated()) {
            Map<String, Object> run = any.evaluation().run();
            m.put("evaluation", "walk-forward (SPEC §9): folds of " + run.get("train_cycles") + " training then "
                    + run.get("test_cycles") + " test cycles, thresholds fitted on training data only; test folds"
                    + " stitched into one out-of-sample book per strategy, configuration, tier and compat mode");
            m.put("significance", "paired circular block bootstrap of the Sharpe difference: " + run.get("resamples")
                    + " resamples, blocks of " + run.get("block_length") + " cycles, seed " + run.get("seed"));
            m.put("evaluation run", any.evaluation().runId() + " (newest run in the store holding the symbol; "
                    + "request: " + run.get("request") + ")");
        } else {
            m.put("evaluation", "no 'thermocarry evaluate' run in the store: one backtest per strategy and tier over"
                    + " the evaluation window (in sample, not walk-forward)");
        }
        m.put("range", (req.from() == null ? "all data" : "from " + req.from()) + (req.to() == null ? ""
                : " to " + req.to() + " (exclusive)"));
        for (String name : STRATEGIES) {
            m.put("strategy " + name, Strategies.parse(name).toString());
        }
        m.put("physics table", "κ method " + req.signal().kappa() + "; " + JE_RESAMPLES
                + " bootstrap resamples for the JE intervals, " + SLOW_RESAMPLES + " for BAR and the DFT slope, seed "
                + PhysicsSpec.DEFAULT_SEED + " ('thermocarry physics' gives the full 10,000 / 200 / 200)");
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static ReportModel.Section summary(List<SymbolRun> runs, Request req) {
        List<Block> blocks = new ArrayList<>();
        for (SymbolRun r : runs) {
            double mid = CarrySections.middleTier(r.results());
            List<Block.KeyFigure> figures = new ArrayList<>(CarrySections.headline(r.symbol().name(),
                    r.prepared().run(), r.chartResults(), mid));
            if (r.evaluated()) {
                figures.add(verdict(r, mid));
            }
            blocks.add(new Block.KeyFigures(figures));
        }
        blocks.add(summaryTable(runs));
        boolean all = runs.stream().allMatch(SymbolRun::evaluated);
        boolean none = runs.stream().noneMatch(SymbolRun::evaluated);
        return new ReportModel.Section("summary", "Summary",
                "Is the carry there, which regime are we in, did regime sizing help after fees, and where did the PnL"
                        + " come from. " + (all ? "Strategy figures are out of sample (walk-forward test folds)."
                                : none ? "Strategy figures are in-sample backtests over the evaluation window: run"
                                        + " 'thermocarry evaluate' for the out-of-sample verdict."
                                        : "Symbols with a stored evaluation show out-of-sample figures, the others"
                                                + " in-sample backtests."),
                blocks);
    }

    /** The headline significance: physics against naive at the tier, causal when the run has it. */
    private static Block.KeyFigure verdict(SymbolRun r, double tier) {
        EvaluationStats.Significance best = null;
        for (EvaluationStats.Significance s : r.evaluation().significance()) {
            if (s.strategy().equals("physics") && s.config().equals("full") && s.versus().equals("naive")
                    && s.feeBps() == tier && (best == null || s.compat().equals("causal"))) {
                best = s;
            }
        }
        String sym = r.symbol().name();
        if (best == null) {
            return new Block.KeyFigure(sym + " physics − naive Sharpe", "–", "no significance row at " + fmt(tier)
                    + " bps", Block.Tone.NEUTRAL);
        }
        int v = best.verdict();
        return new Block.KeyFigure(sym + " physics − naive Sharpe (" + fmt(tier) + " bps, out of sample)",
                NumFormat.FIXED2.format(best.sharpeDiff()),
                String.format(Locale.ROOT, "%.0f %% CI [%s, %s], p = %s: %s", best.level() * 100,
                        NumFormat.FIXED2.format(best.ciLow()), NumFormat.FIXED2.format(best.ciHigh()),
                        NumFormat.FIXED3.format(best.pValue()), v > 0 ? "regime sizing better" : v < 0
                                ? "regime sizing worse" : "no difference shown"),
                v > 0 ? Block.Tone.GOOD : v < 0 ? Block.Tone.BAD : Block.Tone.NEUTRAL);
    }

    private static Block.Table summaryTable(List<SymbolRun> runs) {
        List<Block.Column> cols = List.of(new Block.Column("symbol", ""), new Block.Column("strategy", ""),
                new Block.Column("fee tier", "bps"), new Block.Column("annual return", "%"),
                new Block.Column("max drawdown", "%"), new Block.Column("Sharpe", "annualised"),
                new Block.Column("CVaR 5 %", "% / cycle"), new Block.Column("funding", "%"),
                new Block.Column("basis", "%"), new Block.Column("fees", "%"), new Block.Column("total", "%"));
        List<List<Cell>> rows = new ArrayList<>();
        for (SymbolRun r : runs) {
            double mid = CarrySections.middleTier(r.results());
            for (StrategyResult s : r.chartResults()) {
                if (s.feeBps() != mid) {
                    continue;
                }
                var p = s.performance();
                rows.add(List.of(Cell.text(r.symbol().name()), Cell.text(s.strategy()), Cell.num(s.feeBps(),
                        NumFormat.fixed(0)), Cell.num(p.annualReturn(), NumFormat.PERCENT),
                        Cell.num(p.maxDrawdown(), NumFormat.PERCENT), Cell.num(p.sharpe(), NumFormat.FIXED2),
                        Cell.num(p.cvar5(), new NumFormat(100, 3)), Cell.num(p.pnl().funding(), NumFormat.PERCENT),
                        Cell.num(p.pnl().basis(), NumFormat.PERCENT), Cell.num(p.pnl().fees(), NumFormat.PERCENT),
                        Cell.num(p.pnl().total(), NumFormat.PERCENT)));
            }
        }
        return new Block.Table("summary-table", "Strategies at the middle fee tier",
                "Annual return, drawdown and Sharpe side by side (Sharpe is never the headline alone); PnL split in %"
                        + " of starting capital. Every tier is in each symbol's metrics table.", cols, rows);
    }

    private static ReportModel.Section symbolSection(SymbolRun r, Request req) {
        String sym = r.symbol().name();
        var run = r.prepared().run();
        var rs = req.signal().regimeSpec();
        List<Block> b = new ArrayList<>();
        b.add(CarrySections.basis(sym, r.market().basis(), r.market().cycles(), MAX_POINTS));
        double[] truth = null;
        if (req.truthRatio() != null) {
            truth = new double[run.size()];
            for (int i = 0; i < run.size(); i++) {
                Double v = req.truthRatio().apply(r.symbol(), run.timeMs(i));
                truth[i] = v == null ? Double.NaN : v;
            }
        }
        b.add(CarrySections.relaxation(sym, run, rs, truth, MAX_POINTS));
        b.add(CarrySections.temperature(sym, run, rs, MAX_POINTS));
        b.add(CarrySections.entropy(sym, run, MAX_POINTS));
        b.add(CarrySections.jeConvergence(sym, r.market().cycles(), r.physics(), MAX_POINTS));
        b.add(CarrySections.regimeTimeline(sym, run, MAX_POINTS));
        List<StrategyResult> shown = r.chartResults();
        b.addAll(CarrySections.equity(sym, shown, MAX_POINTS));
        double mid = CarrySections.middleTier(shown);
        b.add(CarrySections.pnlByStrategy(sym, shown, mid));
        StrategyResult phys = CarrySections.find(shown, "physics", mid);
        if (phys != null) {
            b.add(CarrySections.pnlByRegime(sym, phys));
        }
        if (r.evaluated() && !r.evaluation().buckets().isEmpty()) {
            List<EvaluationStats.Bucket> buckets = r.evaluation().buckets();
            b.add(EvaluationSections.bucketChart(sym, "fixed", buckets));
            b.add(EvaluationSections.bucketHeatMap(sym, buckets));
            b.add(EvaluationSections.bucketChart(sym, "quintile", buckets));
            b.add(EvaluationSections.bucketTable(sym, buckets));
        }
        b.add(CarrySections.metrics(sym, r.results()));
        b.add(CarrySections.regimePnl(sym, shown, mid));
        return new ReportModel.Section(CarrySections.key(sym), sym,
                sym + ": " + r.market().cycles().size() + " funding cycles, " + run.size() + " decisions from "
                        + (run.size() > 0 ? Instant.ofEpochMilli(run.timeMs(0)).toString().substring(0, 10) : "–")
                        + ". Time charts zoom together (drag to zoom, double-click to reset).", b);
    }

    static DataHealth health(SymbolRun r, StoreInfo info) {
        List<DataHealth.SeriesHealth> series = new ArrayList<>();
        for (StoreInfo.SeriesInfo s : info.series()) {
            if (s.symbol().equals(r.symbol())) {
                series.add(new DataHealth.SeriesHealth(s.market().name().toLowerCase(Locale.ROOT),
                        s.interval().code(), s.first(), s.last(), s.rows(), s.gaps(), s.missingBars(),
                        s.placeholders()));
            }
        }
        DataHealth.FundingHealth funding = null;
        for (StoreInfo.FundingInfo f : info.funding()) {
            if (f.symbol().equals(r.symbol())) {
                funding = new DataHealth.FundingHealth(f.first(), f.last(), f.events(), f.intervalsHours(), f.gaps(),
                        f.missingSettlements(), f.intervalChangeCount());
            }
        }
        List<String> notes = new ArrayList<>();
        IntFunction<String> plural = n -> n == 1 ? "" : "s";
        for (BacktestResult b : r.backtests()) {
            if (b.request().fee().roundTripBps() != r.backtests().get(0).request().fee().roundTripBps()) {
                continue;
            }
            Diagnostics d = b.diagnostics();
            String who = b.request().strategy().name();
            List<String> parts = new ArrayList<>();
            var run = r.prepared().run();
            int warmup = Math.max(0, (run.size() > 0 ? run.cycleIndex(0) : r.prepared().cycles().size())
                    - r.prepared().firstCycle());
            for (Unevaluated u : Unevaluated.values()) {
                int n = d.unevaluated(u);
                if (n > 0) {
                    parts.add(u.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " not evaluated at " + n
                            + " decision" + plural.apply(n) + (u == Unevaluated.SIGNAL && warmup > 0
                                    ? " (" + Math.min(n, warmup) + " of them in the signal warm-up)" : ""));
                }
            }
            if (d.basisNotEvaluated() > 0) {
                parts.add("basis PnL not evaluated in " + d.basisNotEvaluated() + " held cycle"
                        + plural.apply(d.basisNotEvaluated()));
            }
            if (d.fundingNotEvaluated() > 0) {
                parts.add("funding not evaluated in " + d.fundingNotEvaluated() + " held cycle"
                        + plural.apply(d.fundingNotEvaluated()));
            }
            if (d.clippedFundingCycles() + d.clippedBasisCycles() > 0) {
                parts.add("PnL clipped in " + (d.clippedFundingCycles() + d.clippedBasisCycles()) + " cycle(s) (reference mode)");
            }
            if (d.ruined()) {
                parts.add("capital ruined at " + d.ruinTime());
            }
            if (!parts.isEmpty()) {
                notes.add(who + ": " + String.join("; ", parts) + ".");
            }
        }
        if (r.evaluated()) {
            for (int i = 0; i < r.results().size(); i++) {
                StrategyResult s = r.results().get(i);
                Map<String, Object> m = r.evaluation().metricsRows().get(i);
                List<String> parts = new ArrayList<>();
                long basisNot = StoredEvaluation.lng(m, "basis_not_evaluated");
                long fundingNot = StoredEvaluation.lng(m, "funding_not_evaluated");
                if (basisNot > 0) {
                    parts.add("basis PnL not evaluated in " + basisNot + " held cycle" + plural.apply((int) basisNot));
                }
                if (fundingNot > 0) {
                    parts.add("funding not evaluated in " + fundingNot + " held cycle" + plural.apply((int) fundingNot));
                }
                if (Boolean.TRUE.equals(m.get("ruined"))) {
                    parts.add("capital ruined");
                }
                if (!parts.isEmpty()) {
                    notes.add(s.strategy() + " (" + s.config() + ", " + s.compat() + ", " + fmt(s.feeBps()) + " bps): "
                            + String.join("; ", parts) + ".");
                }
            }
            Object after = r.evaluation().run().get("settlements_after_basis");
            if (after instanceof Number n && n.longValue() > 0) {
                notes.add(n + " settlement(s) after the last basis observation left out of the evaluation.");
            }
        }
        long rejected = info.rejectedRows();
        if (rejected > 0) {
            notes.add(rejected + " rejected row(s) recorded in the store (all symbols): see 'thermocarry info'.");
        }
        return new DataHealth(r.symbol().name(), series, funding, r.market().cycles().hoursWithoutPartner(),
                r.prepared().run().cyclesWithoutBasis(), notes);
    }
}
