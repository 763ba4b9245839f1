package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.evaluation.BlockBootstrapSpec;
import io.thermocarry.core.evaluation.DecompositionMode;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.EvaluationRun;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.FoldLayout;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.evaluation.TuneGrid;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.marginrisk.MarginReport;
import io.thermocarry.core.marginrisk.MarginStudy;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: walk-forward out-of-sample evaluation of every strategy and ablation, relaxation buckets,
 * block-bootstrap significance and the edge decomposition (SPEC §9), into the store's result tables and CSV.
 * Wiring only: the evaluation is {@link SymbolEvaluator}'s, the tables are {@link Store#replaceEvaluation}'s.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Walk-forward evaluation (train 360 / test 90 cycles) of every strategy and regime ablation at "
                + "every fee tier, out of sample; relaxation-bucket test; paired block-bootstrap significance of Sharpe "
                + "differences; the decomposition of the published edge. Results replace the run's rows in the store "
                + "tables runs, metrics, ledger, trades, buckets, significance, decomposition, fold_fits; --csv DIR "
                + "writes each table as DIR/<table>.csv.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    MarginOptions margin;

    @Option(names = "--db", paramLabel = "PATH", defaultValue = "thermocarry.duckdb",
            description = "the DuckDB store (default: ${DEFAULT-VALUE})")
    Path db;

    @Option(names = {"--symbols", "--symbol"}, paramLabel = "S,S", split = ",",
            defaultValue = "BTCUSDT,ETHUSDT,SOLUSDT", description = "symbols (default ${DEFAULT-VALUE})")
    List<String> symbols;

    @Option(names = "--from", paramLabel = "DATE", description = "UTC start, inclusive (folds start no earlier)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "UTC end, exclusive")
    String to;

    @Option(names = "--compat", paramLabel = "causal|reference|both", defaultValue = "causal",
            description = "rules to evaluate under (default ${DEFAULT-VALUE}); the edge decomposition always spans both")
    String compat;

    @Option(names = "--fee-bps", paramLabel = "8,16,25", defaultValue = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default ${DEFAULT-VALUE})")
    String feeBps;

    @Option(names = "--configs", paramLabel = "full,relaxation-only,...", split = ",",
            defaultValue = "full,relaxation-only,relaxation+entropy",
            description = "regime configurations (ablations) physics runs under; desk runs under full (default ${DEFAULT-VALUE})")
    List<String> configs;

    @Option(names = "--folds-train", paramLabel = "CYCLES", defaultValue = "360",
            description = "training cycles per fold (default ${DEFAULT-VALUE})")
    int foldsTrain;

    @Option(names = "--folds-test", paramLabel = "CYCLES", defaultValue = "90",
            description = "test cycles per fold and roll step (default ${DEFAULT-VALUE})")
    int foldsTest;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "5000",
            description = "block-bootstrap resamples (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--block", paramLabel = "CYCLES", defaultValue = "12",
            description = "bootstrap block length in cycles (default ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tune", arity = "0..1", paramLabel = "GRID", fallbackValue = "default",
            description = "tune physics per fold on its training cycles over a grid, e.g. "
                    + "'relaxationDanger=1.2,1.4,1.8;baseFraction=0.25,0.5,0.75;drawdownBudget=0.02' (bare --tune: that "
                    + "grid); the point with the highest training return within the drawdown budget wins")
    String tune;

    @Option(names = "--json", description = "print one JSON document on stdout instead of tables")
    boolean json;

    @Option(names = "--csv", paramLabel = "DIR", description = "also write each result table of the run as DIR/<table>.csv")
    Path csv;

    @Override
    public Integer call() throws Exception {
        EvaluationRequest request = request();
        EvaluationSpec spec = request.spec();
        int steps = request.symbols().size() * SymbolEvaluator.steps(spec) + 1;
        Progress progress = new Progress("evaluate", steps);
        int[] done = {0};
        SymbolEvaluator.Listener listener = (sym, what) -> {
            synchronized (done) {
                progress.update(++done[0], sym + " " + what);
            }
        };
        double leverage = margin.single();
        EvaluationRun run;
        List<Map<String, Object>> marginDocs = new ArrayList<>();
        List<List<String>> marginRows = new ArrayList<>();
        try (Store store = Stores.open(db)) {
            run = evaluateInto(store, request, listener);
            if (leverage > 0) {
                marginStudies(store, run, leverage, marginDocs, marginRows);
            }
            if (csv != null) {
                for (String t : Store.resultTables()) {
                    store.exportCsv(t, run.runId(), csv.resolve(t + ".csv"));
                }
            }
            listener.stepDone("store", "run " + run.runId());
        }
        if (json) {
            Map<String, Object> doc = EvaluationJson.document(run);
            if (leverage > 0) {
                doc.put("margin", marginDocs);
            }
            Out.json(System.out, doc);
        } else {
            EvaluationSummary.print(System.out, run);
            if (leverage > 0) {
                List<String> header = new ArrayList<>(List.of("fee bps"));
                header.addAll(MarginJson.header());
                System.out.println("margin path of the physics book over the out-of-sample window ("
                        + margin.interval().code() + " bars): " + MarginJson.DEFINITION);
                System.out.print(Out.table(header, marginRows));
            }
        }
        return 0;
    }

    /**
     * The margin path (SPEC §13) of each symbol's physics book (causal, full configuration) from its first
     * out-of-sample cycle on, at every tier: liquidations, minimum margin ratio, PnL lost and the buffer needed.
     */
    private void marginStudies(Store store, EvaluationRun run, double leverage, List<Map<String, Object>> docs,
            List<List<String>> rows) {
        StrategySpec physics = Strategies.parse("physics");
        for (SymbolEvaluation e : run.symbols()) {
            FoldLayout layout = e.layouts().stream().filter(l -> l.compat() == Compat.CAUSAL).findFirst().orElse(null);
            if (layout == null || layout.folds().isEmpty()) {
                continue;
            }
            // the stitched test folds' window: cycles are rebuilt up to its end, signals warmed up on all history
            Instant oosFrom = Instant.ofEpochMilli(layout.startMs());
            Instant oosTo = Instant.ofEpochMilli(layout.endMs());
            MarketLoader.Loaded market = MarketLoader.load(store, e.symbol(), null, oosTo);
            Prepared p = Prepared.causal(store, market, oosFrom, oosTo, SignalOptions.defaults());
            MarginInputs inputs = new MarginInputs(margin.spec(e.symbol(), leverage), margin.bars(store, market,
                    oosFrom, oosTo));
            for (FeeTier tier : run.request().spec().tiers()) {
                BacktestRequest req = new BacktestRequest(p.cycles(), p.path(), physics, tier, Compat.CAUSAL, 1.0,
                        p.firstCycle(), p.accrual());
                MarginReport r = MarginStudy.run(req, inputs, margin.study());
                Map<String, Object> o = MarginJson.report(e.symbol().name(), r);
                o.put("strategy", physics.name());
                o.put("feeBps", tier.roundTripBps());
                o.put("from", oosFrom.toString());
                o.put("to", oosTo.toString());
                docs.add(o);
                List<String> row = new ArrayList<>(List.of(Out.fmt(tier.roundTripBps(), 0)));
                row.addAll(MarginJson.row(e.symbol().name(), r));
                rows.add(row);
            }
        }
    }

    /**
     * Evaluates every symbol of the request and stores each symbol's results as soon as it is done, in one
     * evaluation session (re-running the same request replaces its run). Every symbol's parts (each compat mode, the
     * decomposition) are tasks on one two-thread pool, so the symbols' unequal sizes balance. Shared with
     * {@code demo}.
     */
    static EvaluationRun evaluateInto(Store store, EvaluationRequest request, SymbolEvaluator.Listener listener)
            throws InterruptedException {
        EvaluationSpec spec = request.spec();
        List<SymbolEvaluation> evaluated = new ArrayList<>();
        // two threads (the desk's machines have two cores) shared by every symbol's parts
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SymbolEvaluation>> futures = new ArrayList<>();
            for (Symbol s : request.symbols()) {
                SymbolData data = load(store, s, request);
                futures.add(SymbolEvaluator.evaluateAsync(data, spec, listener, pool));
            }
            // each symbol's rows are appended as soon as it is done, while the others are still computed
            try (Store.EvaluationSession session = store.beginEvaluation(request)) {
                for (Future<SymbolEvaluation> f : futures) {
                    SymbolEvaluation e = f.get();
                    session.add(e);
                    evaluated.add(e);
                }
                session.commit();
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new JobFailed("evaluation failed: " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
        return new EvaluationRun(request, evaluated);
    }

    /** The request the options describe. */
    EvaluationRequest request() {
        List<Symbol> syms = new ArrayList<>();
        for (String s : symbols) {
            try {
                Symbol sym = Symbol.of(s.trim());
                if (!syms.contains(sym)) {
                    syms.add(sym);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageError("--symbols: " + e.getMessage());
            }
        }
        List<Compat> compats = switch (compat.trim().toLowerCase(Locale.ROOT)) {
            case "causal" -> List.of(Compat.CAUSAL);
            case "reference" -> List.of(Compat.REFERENCE);
            case "both" -> List.of(Compat.CAUSAL, Compat.REFERENCE);
            default -> throw new UsageError("--compat '" + compat + "': causal, reference or both");
        };
        try {
            List<RegimeConfig> cfg = new ArrayList<>();
            for (String c : configs) {
                RegimeConfig rc = RegimeConfig.parse(c);
                if (rc == RegimeConfig.FULL_VETO) {
                    throw new UsageError("--configs: full+veto needs the veto layer (microstructure data), not "
                            + "available yet");
                }
                if (!cfg.contains(rc)) {
                    cfg.add(rc);
                }
            }
            if (!cfg.contains(RegimeConfig.FULL)) {
                cfg.add(0, RegimeConfig.FULL);
            }
            List<FeeTier> tiers = FeeTier.parseList(feeBps);
            TuneGrid grid = tune == null ? null : tune.equals("default") ? TuneGrid.defaults() : TuneGrid.parse(tune);
            EvaluationSpec d = EvaluationSpec.defaults();
            EvaluationSpec spec = new EvaluationSpec(new WalkForwardSpec(foldsTrain, foldsTest), tiers, compats, cfg,
                    d.signalSpec(), d.regimeSpec(), d.physics(), d.desk(), d.naive(), d.threshold(), d.buyHold(),
                    new BlockBootstrapSpec(bootstrap, block, seed, 0.95), grid, DecompositionMode.RUN);
            Instant f = CommonOptions.parseTime(from, "--from");
            Instant t = CommonOptions.parseTime(to, "--to");
            return new EvaluationRequest(syms, f, t, spec);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The symbol's funding and hourly basis up to {@code --to} (all history: the causal signals warm up on it). */
    private static SymbolData load(Store store, Symbol symbol, EvaluationRequest request) {
        MarketLoader.Loaded l = MarketLoader.load(store, symbol, null, request.to());
        return new SymbolData(symbol, l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(), request.from());
    }
}
