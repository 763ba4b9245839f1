package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.evaluation.BlockBootstrap;
import io.thermocarry.core.evaluation.BlockBootstrapSpec;
import io.thermocarry.core.evaluation.SymbolData;
import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.evaluation.SymbolEvaluator;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a {@link PortfolioRequest}: the per-symbol evaluation of the universe on worker threads
 * ({@link UniverseEvaluation}) while the portfolios are computed, then the multiple-testing layer. Per allocation:
 * one {@link PortfolioPlan}, the sleeve strategy's portfolio and the fair-naive portfolio on the same plan at
 * every tier ({@link PortfolioEngine}), and their paired block-bootstrap comparison.
 */
public final class PortfolioStudy {
    private PortfolioStudy() {
    }

    /** Number of progress steps a study reports besides the evaluation's ({@link SymbolEvaluator#steps}). */
    public static int steps(PortfolioRequest request) {
        return request.allocations().size() + 1;
    }

    /**
     * Runs the study.
     *
     * @param markets the candidates' markets (static exclusions already removed)
     * @param staticExclusions what was removed, with reasons (reported as is)
     * @param evaluationData the candidates' evaluation inputs (ignored when the request has no evaluation)
     * @param threads worker threads of the evaluation
     * @param listener progress, or null
     */
    public static PortfolioRun run(PortfolioRequest request, List<SymbolMarket> markets,
            List<Exclusion> staticExclusions, List<SymbolData> evaluationData, int threads,
            SymbolEvaluator.Listener listener) {
        Checks.notNull(request, "request");
        Checks.notNull(markets, "markets");
        SymbolEvaluator.Listener progress = listener == null ? (s, w) -> { } : listener;
        CompletableFuture<List<SymbolEvaluation>> evaluation = request.evaluation() == null
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> UniverseEvaluation.evaluate(evaluationData, request.evaluation(),
                        threads, progress), command -> {
                            Thread t = new Thread(command, "portfolio-evaluation");
                            t.setDaemon(true);
                            t.start();
                        });
        BlockBootstrapSpec boot = request.evaluation() != null ? request.evaluation().bootstrap()
                : BlockBootstrapSpec.defaults();
        List<AllocationRun> runs = new ArrayList<>();
        for (AllocationSpec a : request.allocations()) {
            runs.add(allocation(request, markets, a, boot));
            progress.stepDone("portfolio", a.method().cliName());
        }
        PortfolioPlan headline = runs.get(0).plan();
        Correlations.Matrix carry = Correlations.unitCarry(markets, headline.startMs(), headline.endMs(),
                request.bucketHours() * 3_600_000L);
        List<SymbolEvaluation> evaluations;
        try {
            evaluations = evaluation.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        MultipleTesting mt = request.evaluation() == null ? null
                : UniverseEvaluation.multipleTesting(evaluations, request.evaluation(), request.fdrLevel(),
                        request.realityCheck(), request.bucketHours());
        progress.stepDone("portfolio", "multiple testing");
        List<io.thermocarry.core.market.Symbol> candidates = markets.stream().map(SymbolMarket::symbol).toList();
        return new PortfolioRun(request, candidates, staticExclusions, markets, runs, evaluations, mt, carry);
    }

    private static AllocationRun allocation(PortfolioRequest request, List<SymbolMarket> markets, AllocationSpec a,
            BlockBootstrapSpec boot) {
        PortfolioSpec spec = request.spec().withAllocation(a);
        PortfolioPlan plan = PortfolioPlan.build(markets, spec);
        List<PortfolioResult> results = PortfolioEngine.runTiers(plan, request.tiers());
        StrategySpec naive = NaiveStrategy.defaults();
        List<PortfolioResult> baseline = List.of();
        List<BookComparison> comparisons = new ArrayList<>();
        if (!(spec.sleeve() instanceof NaiveStrategy)) {
            PortfolioPlan naivePlan = new PortfolioPlan(markets, spec.withSleeve(naive), plan.folds(), plan.endMs());
            baseline = PortfolioEngine.runTiers(naivePlan, request.tiers());
            for (int i = 0; i < request.tiers().size(); i++) {
                comparisons.add(compare(request.tiers().get(i), results.get(i), baseline.get(i), boot));
            }
        }
        Correlations.Matrix sleeves = Correlations.sleeves(results.get(0), request.bucketHours() * 3_600_000L);
        return new AllocationRun(a, plan, results, baseline, comparisons, sleeves);
    }

    /** Paired circular block bootstrap of the two portfolios' Sharpe ratios on their common rows. */
    static BookComparison compare(FeeTier tier, PortfolioResult a, PortfolioResult b, BlockBootstrapSpec spec) {
        double[] ra = a.returns();
        double[] rb = b.returns();
        Checks.check(ra.length == rb.length, "portfolios differ in rows");
        int m = ra.length;
        if (m < 2) {
            return new BookComparison(tier, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, m);
        }
        double annualiser = Math.sqrt(a.performance().cyclesPerYear());
        BlockBootstrap boot = BlockBootstrap.circular(m, spec.blockLength(), spec.resamples(), spec.seed());
        double[][] rep = boot.sharpeReplicates(new double[][] {ra, rb}, annualiser);
        double sa = BlockBootstrap.sharpe(ra, annualiser);
        double sb = BlockBootstrap.sharpe(rb, annualiser);
        double[] d = BlockBootstrap.difference(sa, sb, rep[0], rep[1], spec.level());
        return new BookComparison(tier, sa, sb, d[0], d[1], d[2], d[3], m);
    }
}
