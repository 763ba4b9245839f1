package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import io.thermocarry.core.strategy.SwitchingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Evaluates one symbol out of sample (SPEC §9). Stateless; one call per symbol (symbols are independent, so a
 * caller may run them in parallel).
 *
 * <p>Per compat mode ({@link CompatInputs}):
 * <ol>
 * <li><b>Folds</b> ({@link WalkForwardSpec}) over the cycles from the first signal decision (or the evaluation
 * start, if later) to the end of the covered data.</li>
 * <li><b>Books</b>: every strategy × configuration × tier is one backtest that starts flat at the first test
 * cycle and runs to the end: the stitched test folds as one continuous out-of-sample book. The rule for fold
 * boundaries: a boundary is not a trade (no forced close or re-open, no fee), because nothing is re-fitted
 * there that a live desk would flatten its book for; each decision in a test fold uses only what was available
 * at it, with whatever was fitted for that fold. The regime configurations other than full are re-classified
 * from the full signal run ({@link RegimePaths}); baselines that read no regime carry the full path only so that
 * their ledgers show the regime of each cycle.</li>
 * <li><b>Fitted per fold</b> ({@link FoldFit}): the adaptive thresholds at the fold's first decision, and with a
 * {@link TuneGrid}, the grid point chosen per tier from the training cycles: each candidate is run as one
 * continuous causal book from the first training cycle, and its metrics over fold f's training rows — which
 * depend only on data available by the fold's first decision — pick the point; the tuned out-of-sample book
 * then holds, in each test fold, the regime path and {@link PhysicsStrategy} of the fold's choice
 * ({@link SwitchingStrategy}).</li>
 * <li><b>Buckets</b> ({@link RelaxationBuckets}) over every decision from the first usable cycle.</li>
 * <li><b>Significance</b> ({@link BlockBootstrap}): one set of block starts per symbol × compat (seeded from the
 * spec's seed, the symbol and the mode), Sharpe replicates of every book, a percentile interval per book, and
 * the paired tests physics (full) − naive, threshold, desk (full), physics (each other configuration) − physics
 * (full), and the tuned physics − naive, per tier.</li>
 * </ol>
 * Then, unless the spec says {@link DecompositionMode#SKIP}, the {@link EdgeDecomposition} (which needs both
 * modes, whatever the spec's list).
 */
public final class SymbolEvaluator {
    private SymbolEvaluator() {
    }

    /** Receives progress: called once per finished step (see {@link #steps}). Must be thread-safe. */
    @FunctionalInterface
    public interface Listener {
        /** A step of {@code symbol}'s evaluation finished; {@code what} names it. */
        void stepDone(String symbol, String what);
    }

    /** Number of {@link Listener#stepDone} calls one symbol's evaluation makes. */
    public static int steps(EvaluationSpec spec) {
        boolean decompose = spec.decomposition() == DecompositionMode.RUN;
        int inputs = decompose ? Compat.values().length : spec.compats().size();
        return inputs + spec.compats().size() * (stepsPerCompat(spec) - 1) + (decompose ? 1 : 0);
    }

    /** Steps of one compat mode: its signals, each physics configuration, 4 other books, tuning, buckets, bootstrap. */
    private static int stepsPerCompat(EvaluationSpec spec) {
        return 1 + spec.configs().size() + 4 + (spec.tune() != null ? 1 : 0) + 2;
    }

    /** Evaluates one symbol on the calling thread. */
    public static SymbolEvaluation evaluate(SymbolData data, EvaluationSpec spec, Listener listener) {
        try {
            return evaluateAsync(data, spec, listener, Runnable::run).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Evaluates one symbol with its independent parts as tasks on {@code executor}: preparing each compat mode's
     * inputs, each mode's evaluation (after its inputs), and the edge decomposition (after both modes' inputs). No
     * task waits for another inside the executor, so a small fixed pool shared by several symbols balances their
     * parts without deadlock. The result is the same as {@link #evaluate}'s, whatever the executor.
     *
     * @param listener called from the executor's threads (must be thread-safe), or {@code null}
     */
    public static CompletableFuture<SymbolEvaluation> evaluateAsync(SymbolData data, EvaluationSpec spec,
            Listener listener, Executor executor) {
        Checks.notNull(data, "data");
        Checks.notNull(spec, "spec");
        Checks.notNull(executor, "executor");
        Listener progress = listener == null ? (s, w) -> { } : listener;
        String sym = data.symbol().name();
        boolean decompose = spec.decomposition() == DecompositionMode.RUN;
        Map<Compat, CompletableFuture<CompatInputs>> inputs = new EnumMap<>(Compat.class);
        for (Compat c : Compat.values()) {
            if (spec.compats().contains(c) || decompose) {
                inputs.put(c, CompletableFuture.supplyAsync(() -> {
                    CompatInputs in = CompatInputs.of(data, c, spec.signalSpec(), spec.regimeSpec());
                    progress.stepDone(sym, c.name().toLowerCase(java.util.Locale.ROOT) + " signals");
                    return in;
                }, executor));
            }
        }
        List<CompletableFuture<Output>> runs = new ArrayList<>();
        for (Compat c : spec.compats()) {
            runs.add(inputs.get(c).thenApplyAsync(p -> new CompatRun(data, p, spec, progress).run(), executor));
        }
        CompletableFuture<List<DecompositionRow>> decomposition = !decompose
                ? CompletableFuture.completedFuture(List.of())
                : inputs.get(Compat.REFERENCE).thenCombineAsync(inputs.get(Compat.CAUSAL), (ref, causal) -> {
                    List<DecompositionRow> rows = EdgeDecomposition.compute(data, ref, causal, spec);
                    progress.stepDone(sym, "edge decomposition");
                    return rows;
                }, executor);
        List<CompletableFuture<?>> all = new ArrayList<>(runs);
        all.add(decomposition);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<FoldLayout> layouts = new ArrayList<>();
            List<StrategyResult> results = new ArrayList<>();
            List<FoldFit> fits = new ArrayList<>();
            List<BucketRow> buckets = new ArrayList<>();
            List<SharpeComparison> significance = new ArrayList<>();
            for (CompletableFuture<Output> f : runs) {
                Output o = f.join();
                layouts.add(o.layout());
                results.addAll(o.results());
                fits.addAll(o.fits());
                buckets.addAll(o.buckets());
                significance.addAll(o.significance());
            }
            return new SymbolEvaluation(data.symbol(), layouts, results, fits, buckets, significance,
                    decomposition.join(), data.settlementsAfterBasis());
        });
    }

    /** What one compat mode's evaluation produced. */
    private record Output(FoldLayout layout, List<StrategyResult> results, List<FoldFit> fits, List<BucketRow> buckets,
            List<SharpeComparison> significance) {
    }

    /** The seed of a symbol × compat's block starts: the spec's seed mixed with the symbol and the mode. */
    static long seedOf(long seed, String symbol, Compat compat) {
        return new SplittableRandom(seed ^ (symbol.hashCode() * 0x9E3779B97F4A7C15L) ^ (compat.ordinal() + 1L) << 56)
                .nextLong();
    }

    /** One compat mode's evaluation (mutable scratch, used once). */
    private static final class CompatRun {
        private final SymbolData data;
        private final CompatInputs p;
        private final EvaluationSpec spec;
        private final Listener progress;
        private final String sym;
        private final int n;
        private List<Fold> folds;
        private int oos;

        CompatRun(SymbolData data, CompatInputs p, EvaluationSpec spec, Listener progress) {
            this.data = data;
            this.p = p;
            this.spec = spec;
            this.progress = progress;
            this.sym = data.symbol().name();
            this.n = p.cycles().size();
        }

        Output run() {
            List<StrategyResult> results = new ArrayList<>();
            List<FoldFit> fits = new ArrayList<>();
            List<BucketRow> buckets = new ArrayList<>();
            List<SharpeComparison> significance = new ArrayList<>();
            int first = Math.min(Math.max(p.firstDecision(), p.evaluationStart()), n);
            folds = spec.walkForward().folds(first, n);
            long startMs = folds.isEmpty() ? 0 : p.cycles().startMs(folds.get(0).testStart());
            long endMs = folds.isEmpty() ? 0 : p.cycles().endMs(n - 1);
            FoldLayout layout = new FoldLayout(p.compat(), n, p.firstDecision(), folds, startMs, endMs);
            if (folds.isEmpty()) {
                for (int i = 1; i < stepsPerCompat(spec); i++) {
                    progress.stepDone(sym, "no folds (" + n + " cycles)");
                }
                return new Output(layout, results, fits, buckets, significance);
            }
            oos = folds.get(0).testStart();
            Map<RegimeConfig, SignalPath> paths = new EnumMap<>(RegimeConfig.class);
            for (RegimeConfig c : spec.configs()) {
                paths.put(c, RegimePaths.path(p.run(), n, spec.regimeSpec(), c));
            }
            SignalPath full = paths.get(RegimeConfig.FULL);
            List<StrategyResult> mine = new ArrayList<>();
            for (RegimeConfig c : spec.configs()) {
                mine.addAll(books(spec.physics(), paths.get(c), c.cliName()));
                progress.stepDone(sym, "physics " + c.cliName());
            }
            mine.addAll(books(spec.desk(), full, RegimeConfig.FULL.cliName()));
            progress.stepDone(sym, "desk");
            for (StrategySpec s : List.<StrategySpec>of(spec.naive(), spec.threshold(), spec.buyHold())) {
                mine.addAll(books(s, full, EvaluationSpec.NO_CONFIG));
                progress.stepDone(sym, s.name());
            }
            Map<Integer, List<TunedChoice>> choices = new java.util.HashMap<>();
            if (spec.tune() != null) {
                mine.addAll(tuned(choices, full));
                progress.stepDone(sym, "tuning");
            }
            fits.addAll(fits(choices));
            buckets.addAll(RelaxationBuckets.compute(p.cycles(), p.run(), p.accrual(), first));
            progress.stepDone(sym, "buckets");
            significance.addAll(significance(mine));
            results.addAll(withIntervals(mine));
            progress.stepDone(sym, "bootstrap");
            return new Output(layout, results, fits, buckets, significance);
        }

        private List<StrategyResult> books(StrategySpec strategy, SignalPath path, String config) {
            BacktestRequest req = new BacktestRequest(p.cycles(), path, strategy, spec.tiers().get(0), p.compat(), 1.0,
                    oos, p.accrual());
            List<StrategyResult> out = new ArrayList<>();
            for (BacktestResult r : BacktestEngine.runTiers(req, spec.tiers())) {
                out.add(result(strategy.name(), config, r));
            }
            return out;
        }

        private StrategyResult result(String strategy, String config, BacktestResult r) {
            List<FoldPerformance> fp = new ArrayList<>(folds.size());
            for (Fold f : folds) {
                fp.add(new FoldPerformance(f, Slices.performance(r, f.testStart(), f.testEnd())));
            }
            return new StrategyResult(data.symbol(), p.compat(), strategy, config, r.request().fee(), r, fp, null);
        }

        /** The tuned physics books, one per tier; fills {@code choices} (fold index → choice per tier). */
        private List<StrategyResult> tuned(Map<Integer, List<TunedChoice>> choices, SignalPath full) {
            TuneGrid grid = spec.tune();
            double[] rd = grid.relaxationDanger();
            double[] bf = grid.baseFraction();
            List<SignalPath> rdPaths = new ArrayList<>();
            for (double x : rd) {
                rdPaths.add(RegimePaths.path(p.run(), n, RegimePaths.withRelaxationDanger(spec.regimeSpec(), x),
                        RegimeConfig.FULL));
            }
            PhysicsStrategy base = spec.physics();
            int trainFrom = folds.get(0).trainStart();
            List<StrategyResult> out = new ArrayList<>();
            for (FeeTier tier : spec.tiers()) {
                BacktestResult[] cand = new BacktestResult[grid.size()];
                for (int g = 0; g < grid.size(); g++) {
                    PhysicsStrategy s = new PhysicsStrategy(grid.baseFractionOf(g), base.resizeThreshold(),
                            base.minNotionalFraction());
                    cand[g] = BacktestEngine.run(new BacktestRequest(p.cycles(), rdPaths.get(g / bf.length), s, tier,
                            p.compat(), 1.0, trainFrom, p.accrual()));
                }
                // before the first test cycle (history rows, never traded) the untuned full path
                int[] rdChoice = new int[n];
                Arrays.fill(rdChoice, rd.length);
                int[] from = new int[folds.size()];
                List<StrategySpec> specs = new ArrayList<>();
                for (Fold f : folds) {
                    double[] ret = new double[grid.size()];
                    double[] dd = new double[grid.size()];
                    double[] sharpe = new double[grid.size()];
                    for (int g = 0; g < grid.size(); g++) {
                        Performance t = Slices.performance(cand[g], f.trainStart(), f.testStart());
                        ret[g] = t.totalReturn();
                        dd[g] = t.maxDrawdown();
                        sharpe[g] = t.sharpe();
                    }
                    int g = grid.choose(ret, dd);
                    choices.computeIfAbsent(f.index(), i -> new ArrayList<>()).add(new TunedChoice(tier, g,
                            grid.relaxationDangerOf(g), grid.baseFractionOf(g), ret[g], dd[g], sharpe[g],
                            dd[g] <= grid.drawdownBudget()));
                    for (int k = f.testStart(); k < f.testEnd(); k++) {
                        rdChoice[k] = g / bf.length;
                    }
                    from[f.index()] = f.testStart();
                    specs.add(new PhysicsStrategy(grid.baseFractionOf(g), base.resizeThreshold(),
                            base.minNotionalFraction()));
                }
                List<SignalPath> choosable = new ArrayList<>(rdPaths);
                choosable.add(full);
                SignalPath stitched = RegimePaths.stitch(choosable, rdChoice);
                BacktestResult r = BacktestEngine.run(new BacktestRequest(p.cycles(), stitched,
                        new SwitchingStrategy(from, specs), tier, p.compat(), 1.0, oos, p.accrual()));
                out.add(result(base.name(), EvaluationSpec.TUNED_CONFIG, r));
            }
            return out;
        }

        private List<FoldFit> fits(Map<Integer, List<TunedChoice>> choices) {
            SignalRun run = p.run();
            int[] decisionOf = new int[n];
            Arrays.fill(decisionOf, -1);
            for (int i = 0; i < run.size(); i++) {
                decisionOf[run.cycleIndex(i)] = i;
            }
            List<FoldFit> out = new ArrayList<>();
            for (Fold f : folds) {
                int i = decisionOf[f.testStart()];
                out.add(new FoldFit(p.compat(), f, p.cycles().startMs(f.trainStart()), p.cycles().startMs(f.testStart()),
                        p.cycles().endMs(f.testEnd() - 1),
                        i < 0 ? Double.NaN : run.entropyNessThreshold(i),
                        i < 0 ? Double.NaN : run.entropyEquilibriumThreshold(i),
                        i < 0 ? Double.NaN : run.jeDangerThreshold(i),
                        choices.getOrDefault(f.index(), List.of())));
            }
            return out;
        }

        private double[][] replicates;
        private double[] sharpes;

        private List<SharpeComparison> significance(List<StrategyResult> books) {
            int q = books.size();
            int m = n - oos;
            double[][] series = new double[q][];
            for (int s = 0; s < q; s++) {
                series[s] = Slices.returns(books.get(s).result());
            }
            double annualiser = Math.sqrt(books.get(0).oos().cyclesPerYear());
            BlockBootstrapSpec bs = spec.bootstrap();
            BlockBootstrap boot = BlockBootstrap.circular(m, bs.blockLength(), bs.resamples(),
                    seedOf(bs.seed(), sym, p.compat()));
            replicates = boot.sharpeReplicates(series, annualiser);
            sharpes = new double[q];
            for (int s = 0; s < q; s++) {
                sharpes[s] = BlockBootstrap.sharpe(series[s], annualiser);
            }
            List<SharpeComparison> out = new ArrayList<>();
            String physics = spec.physics().name();
            String full = RegimeConfig.FULL.cliName();
            for (FeeTier tier : spec.tiers()) {
                int a = find(books, physics, full, tier);
                compare(out, books, a, find(books, spec.naive().name(), EvaluationSpec.NO_CONFIG, tier), m);
                compare(out, books, a, find(books, spec.threshold().name(), EvaluationSpec.NO_CONFIG, tier), m);
                compare(out, books, a, find(books, spec.desk().name(), full, tier), m);
                for (RegimeConfig c : spec.configs()) {
                    if (c != RegimeConfig.FULL) {
                        compare(out, books, find(books, physics, c.cliName(), tier), a, m);
                    }
                }
                if (spec.tune() != null) {
                    compare(out, books, find(books, physics, EvaluationSpec.TUNED_CONFIG, tier),
                            find(books, spec.naive().name(), EvaluationSpec.NO_CONFIG, tier), m);
                }
            }
            return out;
        }

        private void compare(List<SharpeComparison> out, List<StrategyResult> books, int a, int b, int m) {
            BlockBootstrapSpec bs = spec.bootstrap();
            double[] d = BlockBootstrap.difference(sharpes[a], sharpes[b], replicates[a], replicates[b], bs.level());
            StrategyResult x = books.get(a);
            StrategyResult y = books.get(b);
            out.add(new SharpeComparison(data.symbol(), p.compat(), x.tier(), x.strategy(), x.config(), y.strategy(),
                    y.config(), sharpes[a], sharpes[b], d[0], d[1], d[2], bs.level(), d[3], bs.resamples(),
                    bs.blockLength(), m));
        }

        private static int find(List<StrategyResult> books, String strategy, String config, FeeTier tier) {
            for (int i = 0; i < books.size(); i++) {
                StrategyResult r = books.get(i);
                if (r.strategy().equals(strategy) && r.config().equals(config) && r.tier().equals(tier)) {
                    return i;
                }
            }
            throw new IllegalStateException("no book " + strategy + " " + config + " " + tier);
        }

        private List<StrategyResult> withIntervals(List<StrategyResult> books) {
            List<StrategyResult> out = new ArrayList<>(books.size());
            for (int s = 0; s < books.size(); s++) {
                out.add(books.get(s).withSharpeInterval(BlockBootstrap.interval(replicates[s], spec.bootstrap().level())));
            }
            return out;
        }
    }
}
