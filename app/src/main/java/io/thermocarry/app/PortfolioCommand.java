package io.thermocarry.app;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.evaluation.BlockBootstrapSpec;
import io.thermocarry.core.evaluation.DecompositionMode;
import io.thermocarry.core.evaluation.EvaluationRequest;
import io.thermocarry.core.evaluation.EvaluationSpec;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.evaluation.WalkForwardSpec;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.portfolio.AllocationMethod;
import io.thermocarry.core.portfolio.AllocationSpec;
import io.thermocarry.core.portfolio.Coverage;
import io.thermocarry.core.portfolio.Exclusion;
import io.thermocarry.core.portfolio.PortfolioRequest;
import io.thermocarry.core.portfolio.PortfolioRun;
import io.thermocarry.core.portfolio.PortfolioSpec;
import io.thermocarry.core.portfolio.PortfolioStudy;
import io.thermocarry.core.portfolio.SymbolMarket;
import io.thermocarry.core.portfolio.Universe;
import io.thermocarry.core.portfolio.UniverseSpec;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.stats.RealityCheck;
import io.thermocarry.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code portfolio}: the alt-perp universe and a portfolio of carries over it (SPEC §12), walk-forward like
 * {@code evaluate}, with the per-symbol evaluation of the universe and its multiple-testing layer. Wiring only:
 * the study is {@link PortfolioStudy}'s, the tables are {@link Store#replacePortfolio} and
 * {@link Store#beginEvaluation}'s.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "A portfolio of carries over a universe (--symbols S,S or --universe auto: every symbol of the "
                + "store with 1h spot, 1h perp and funding), one capital, each symbol sized by its own regime. "
                + "Walk-forward: at each rebalance (every --test-days) the universe is selected causally and the "
                + "weights fitted on the last --train-days only. Also evaluates every symbol (evaluate's walk-forward, "
                + "all strategies, configurations, tiers, on all cores) and tests 'physics beats fair naive' across "
                + "symbols (Benjamini-Hochberg) and the best (symbol, strategy, configuration) (Hansen's SPA, with "
                + "White's reality check). Results into the store tables portfolio_* , multiple_testing, "
                + "reality_check and the evaluation tables; --csv FILE writes the per-symbol table.")
final class PortfolioCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Option(names = "--universe", paramLabel = "auto|list", defaultValue = "auto",
            description = "auto: every candidate of the store (ignored when --symbols is given); default ${DEFAULT-VALUE}")
    String universe;

    @Option(names = "--allocation", paramLabel = "equal|inverse-vol|carry-risk[,...]|all", defaultValue = "equal",
            description = "allocation(s); the first is the headline, 'all' runs the three (default ${DEFAULT-VALUE})")
    String allocation;

    @Option(names = "--symbol-cap", paramLabel = "FRACTION", defaultValue = "0.5",
            description = "largest weight of one symbol, and largest notional over equity of one symbol "
                    + "(default ${DEFAULT-VALUE})")
    double symbolCap;

    @Option(names = "--gross-cap", paramLabel = "FRACTION", defaultValue = "1.0",
            description = "largest total notional over equity (default ${DEFAULT-VALUE})")
    double grossCap;

    @Option(names = "--carry-risk-cap", paramLabel = "RATIO", defaultValue = "3.0",
            description = "largest annualised carry-to-risk a symbol counts with under carry-risk (default ${DEFAULT-VALUE})")
    double carryRiskCap;

    @Option(names = "--sleeve", paramLabel = "physics|naive|desk|threshold", defaultValue = "physics",
            description = "strategy of every symbol's sleeve; the naive portfolio on the same plan is the baseline "
                    + "(default ${DEFAULT-VALUE})")
    String sleeve;

    @Option(names = "--fee-bps", paramLabel = "8,16,25", defaultValue = "8,16,25",
            description = "round-trip fee tiers in bps of notional (default ${DEFAULT-VALUE})")
    String feeBps;

    @Option(names = "--train-days", paramLabel = "DAYS", defaultValue = "120",
            description = "training window of the weights (default ${DEFAULT-VALUE} = 360 cycles of 8 h)")
    int trainDays;

    @Option(names = "--test-days", paramLabel = "DAYS", defaultValue = "30",
            description = "test fold and rebalance period (default ${DEFAULT-VALUE} = 90 cycles of 8 h)")
    int testDays;

    @Option(names = "--min-history", paramLabel = "CYCLES", defaultValue = "720",
            description = "universe: completed cycles with basis a symbol needs (default ${DEFAULT-VALUE})")
    int minHistory;

    @Option(names = "--min-volume", paramLabel = "QUOTE", defaultValue = "1e7",
            description = "universe: median daily quote volume of the thinner leg over the look-back (default ${DEFAULT-VALUE})")
    double minVolume;

    @Option(names = "--min-funding-coverage", paramLabel = "FRACTION", defaultValue = "0.9",
            description = "universe: settlements present over expected in the look-back (default ${DEFAULT-VALUE})")
    double minFundingCoverage;

    @Option(names = "--min-basis-coverage", paramLabel = "FRACTION", defaultValue = "0.9",
            description = "universe: hours with a basis over hours in the look-back (default ${DEFAULT-VALUE})")
    double minBasisCoverage;

    @Option(names = "--lookback-days", paramLabel = "DAYS", defaultValue = "30",
            description = "universe: look-back of the coverage and volume tests (default ${DEFAULT-VALUE})")
    int lookbackDays;

    @Option(names = "--min-depth", paramLabel = "QUOTE",
            description = "universe: median ±1%% book depth; symbols without depth data are then excluded as not "
                    + "evaluated (default: depth not used)")
    Double minDepth;

    @Option(names = "--max-symbols", paramLabel = "N", defaultValue = "0",
            description = "universe: keep the N most liquid (default ${DEFAULT-VALUE} = all)")
    int maxSymbols;

    @Option(names = "--fdr", paramLabel = "LEVEL", defaultValue = "0.10",
            description = "false discovery rate of Benjamini-Hochberg across symbols (default ${DEFAULT-VALUE})")
    double fdr;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "5000",
            description = "block-bootstrap resamples of the Sharpe differences (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--block", paramLabel = "CYCLES", defaultValue = "12",
            description = "bootstrap block length, and mean block of the SPA's stationary bootstrap (default ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--rc-resamples", paramLabel = "N", defaultValue = "2000",
            description = "resamples of the reality check / SPA (default ${DEFAULT-VALUE})")
    int rcResamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-evaluation",
            description = "skip the per-symbol evaluation and the multiple testing (portfolio only)")
    boolean noEvaluation;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        if (common.compatMode() != Compat.CAUSAL) {
            throw new UsageError("--compat: the portfolio runs under the causal rules only");
        }
        RegimeConfig config = signal.regimeConfig();
        PortfolioRequest request = request();
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        PortfolioRun run;
        String evaluationRunId = null;
        try (Store store = Stores.open(common.db)) {
            List<Exclusion> excluded = new ArrayList<>();
            List<Symbol> candidates = candidates(store, request, excluded);
            int evalSteps = request.evaluation() == null ? 0 : SymbolEvaluator.steps(request.evaluation());
            Progress progress = new Progress("portfolio", candidates.size() * (1L + evalSteps)
                    + PortfolioStudy.steps(request) + 1);
            int[] done = {0};
            SymbolEvaluator.Listener listener = (sym, what) -> {
                synchronized (done) {
                    progress.update(++done[0], sym + " " + what);
                }
            };
            List<MarketLoader.Loaded> loaded = new ArrayList<>();
            for (Symbol s : candidates) {
                MarketLoader.Loaded l = MarketLoader.load(store, s, null, request.to());
                listener.stepDone(s.name(), "loaded");
                if (l.basis().size() == 0) {
                    excluded.add(new Exclusion(s, io.thermocarry.core.portfolio.ExclusionReason.NO_OVERLAP,
                            "spot and perp klines never share an hour"));
                } else {
                    loaded.add(l);
                }
            }
            // cycles and signals of each symbol are independent: built on all cores, in candidate order
            List<SymbolMarket> built = loaded.parallelStream().map(l -> SymbolMarket.build(l.funding(), l.basis(),
                    l.perp(), l.spot(), l.mark().isEmpty() ? null : l.mark(), signal.signalSpec(), signal.regimeSpec(),
                    config)).toList();
            List<SymbolMarket> markets = new ArrayList<>();
            List<SymbolData> data = new ArrayList<>();
            for (int i = 0; i < built.size(); i++) {
                SymbolMarket m = built.get(i);
                MarketLoader.Loaded l = loaded.get(i);
                Exclusion none = Universe.withoutOverlap(m);
                if (none != null) {
                    excluded.add(none);
                    continue;
                }
                markets.add(m);
                data.add(new SymbolData(m.symbol(), l.funding(), l.basis(), l.mark().isEmpty() ? null : l.mark(),
                        request.from()));
            }
            if (markets.isEmpty()) {
                throw new JobFailed("no symbol in the store has 1h spot, 1h perp and funding overlapping"
                        + (excluded.isEmpty() ? "" : ": " + excluded) + "; run 'thermocarry info' to see what it holds");
            }
            run = PortfolioStudy.run(request, markets, excluded, data, workers, listener);
            if (request.evaluation() != null && !run.evaluations().isEmpty()) {
                EvaluationRequest er = new EvaluationRequest(run.candidates(), request.from(), request.to(),
                        request.evaluation());
                try (Store.EvaluationSession session = store.beginEvaluation(er)) {
                    for (SymbolEvaluation e : run.evaluations()) {
                        session.add(e);
                    }
                    session.commit();
                }
                evaluationRunId = er.runId();
            }
            store.replacePortfolio(run, evaluationRunId);
            listener.stepDone("store", "run " + run.runId());
        }
        if (common.csv != null) {
            PortfolioOutput.csv(common.csv, run);
        }
        if (common.json) {
            Out.json(System.out, PortfolioOutput.document(run, evaluationRunId, config));
        } else {
            PortfolioOutput.print(System.out, run, evaluationRunId);
        }
        return 0;
    }

    /** Candidates: the given symbols or every symbol of the store, those without spot/perp/funding excluded. */
    private List<Symbol> candidates(Store store, PortfolioRequest request, List<Exclusion> excluded) {
        Map<Symbol, Coverage> coverage = new LinkedHashMap<>();
        for (Coverages.Entry e : Coverages.of(store.coverage())) {
            coverage.put(e.coverage().symbol(), e.coverage());
        }
        List<Symbol> wanted = request.automatic() ? new ArrayList<>(coverage.keySet()) : request.symbols();
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : wanted) {
            Coverage c = coverage.get(s);
            if (c == null) {
                excluded.add(new Exclusion(s, io.thermocarry.core.portfolio.ExclusionReason.NO_FUNDING,
                        "nothing of " + s + " in the store"));
            } else if (!c.candidate()) {
                excluded.add(new Exclusion(s, c.reason(), reasonText(c)));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static String reasonText(Coverage c) {
        return switch (c.reason()) {
            case NO_SPOT -> "no 1h spot klines";
            case NO_PERP -> "no 1h perp klines";
            case NO_FUNDING -> "no funding settlements";
            default -> "spot, perp and funding never overlap";
        };
    }

    private PortfolioRequest request() {
        try {
            List<Symbol> syms = new ArrayList<>();
            boolean listed = common.symbols != null || common.symbol != null;
            if (!listed && !universe.trim().equalsIgnoreCase("auto")) {
                throw new UsageError("--universe '" + universe + "': auto, or give --symbols S,S");
            }
            if (listed) {
                syms.addAll(common.symbolList());
            }
            List<FeeTier> tiers = FeeTier.parseList(feeBps);
            List<AllocationSpec> allocations = new ArrayList<>();
            List<String> names = allocation.trim().equalsIgnoreCase("all")
                    ? List.of("equal", "inverse-vol", "carry-risk") : List.of(allocation.split(","));
            for (String a : names) {
                AllocationSpec spec = new AllocationSpec(AllocationMethod.parse(a), symbolCap, grossCap, carryRiskCap);
                if (!allocations.contains(spec)) {
                    allocations.add(spec);
                }
            }
            UniverseSpec u = new UniverseSpec(minHistory, Duration.ofDays(lookbackDays), Duration.ofDays(1),
                    minFundingCoverage, minBasisCoverage, minVolume, minDepth == null ? Double.NaN : minDepth, maxSymbols);
            Instant from = common.fromInstant();
            Instant to = common.toInstant();
            String sl = sleeve.trim().toLowerCase(Locale.ROOT);
            if (!List.of("physics", "naive", "desk", "threshold").contains(sl)) {
                throw new UsageError("--sleeve '" + sleeve + "': physics, naive, desk or threshold (a sleeve is a"
                        + " delta-neutral carry)");
            }
            PortfolioSpec spec = new PortfolioSpec(Duration.ofDays(trainDays), Duration.ofDays(testDays), u,
                    allocations.get(0), Strategies.parse(sl), 1.0, from == null ? Long.MIN_VALUE : from.toEpochMilli());
            EvaluationSpec evaluation = null;
            if (!noEvaluation) {
                EvaluationSpec d = EvaluationSpec.defaults();
                List<RegimeConfig> configs = List.of(RegimeConfig.FULL, RegimeConfig.RELAXATION_ONLY,
                        RegimeConfig.RELAXATION_ENTROPY);
                evaluation = new EvaluationSpec(WalkForwardSpec.defaults(), tiers, List.of(Compat.CAUSAL), configs,
                        signal.signalSpec(), signal.regimeSpec(), d.physics(), d.desk(), d.naive(), d.threshold(),
                        d.buyHold(), new BlockBootstrapSpec(bootstrap, block, seed, 0.95), null,
                        DecompositionMode.SKIP);
            }
            return new PortfolioRequest(syms, from, to, spec, allocations, tiers, evaluation, fdr,
                    new RealityCheck.Spec(rcResamples, block, seed), 8);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
