package io.thermocarry.core.portfolio;

import io.thermocarry.core.evaluation.SymbolEvaluation;
import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * Everything a portfolio study produced.
 *
 * @param request what was asked
 * @param candidates symbols that entered the study (spot, perp and funding overlapping), in order
 * @param staticExclusions symbols left out before any rebalance, with the reason (no spot, no overlap, ...)
 * @param markets the candidates' markets (coverage and holes)
 * @param allocations one per requested allocation
 * @param evaluations the per-symbol walk-forward evaluations (empty when skipped)
 * @param multipleTesting BH and the reality check (null when the evaluation was skipped)
 * @param carryCorrelation correlation of the candidates' unit carry over the out-of-sample span
 */
public record PortfolioRun(PortfolioRequest request, List<Symbol> candidates, List<Exclusion> staticExclusions,
        List<SymbolMarket> markets, List<AllocationRun> allocations, List<SymbolEvaluation> evaluations,
        MultipleTesting multipleTesting, Correlations.Matrix carryCorrelation) {
    /** Copies the lists. */
    public PortfolioRun {
        candidates = List.copyOf(candidates);
        staticExclusions = List.copyOf(staticExclusions);
        markets = List.copyOf(markets);
        allocations = List.copyOf(allocations);
        evaluations = List.copyOf(evaluations);
    }

    /** The run's identity. */
    public String runId() {
        return request.runId();
    }

    /** The headline allocation (the first requested). */
    public AllocationRun headline() {
        return allocations.get(0);
    }
}
