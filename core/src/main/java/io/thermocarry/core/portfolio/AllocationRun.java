package io.thermocarry.core.portfolio;

import java.util.List;

/**
 * One allocation of a portfolio study: the plan (universe and weights per fold), the sleeve portfolio and the
 * naive-carry portfolio on the same plan at every tier, and their comparison.
 *
 * @param allocation the allocation and caps
 * @param plan folds, universe, weights
 * @param results the sleeve strategy's portfolio per tier (the request's tier order)
 * @param baseline the naive portfolio per tier (empty when the sleeve is naive itself)
 * @param comparisons sleeve versus naive per tier (empty with no baseline)
 * @param sleeveCorrelation correlation of the sleeves' realised PnL at the first tier
 */
public record AllocationRun(AllocationSpec allocation, PortfolioPlan plan, List<PortfolioResult> results,
        List<PortfolioResult> baseline, List<BookComparison> comparisons, Correlations.Matrix sleeveCorrelation) {
    /** Copies the lists. */
    public AllocationRun {
        results = List.copyOf(results);
        baseline = List.copyOf(baseline);
        comparisons = List.copyOf(comparisons);
    }
}
