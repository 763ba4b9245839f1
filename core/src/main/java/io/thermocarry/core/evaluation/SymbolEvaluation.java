package io.thermocarry.core.evaluation;

import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * Everything the evaluation of one symbol produced.
 *
 * @param symbol symbol
 * @param layouts walk-forward layout per compat mode
 * @param results out-of-sample books (strategy × configuration × tier × compat)
 * @param fits what was fitted per fold (compat modes in order)
 * @param buckets relaxation-bucket tables per compat mode
 * @param significance Sharpe-difference tests
 * @param decomposition the edge decomposition (empty when the reference never decides)
 * @param settlementsAfterBasis settlements left out because they come after the last basis observation
 */
public record SymbolEvaluation(Symbol symbol, List<FoldLayout> layouts, List<StrategyResult> results,
        List<FoldFit> fits, List<BucketRow> buckets, List<SharpeComparison> significance,
        List<DecompositionRow> decomposition, int settlementsAfterBasis) {
    /** Copies the lists. */
    public SymbolEvaluation {
        layouts = List.copyOf(layouts);
        results = List.copyOf(results);
        fits = List.copyOf(fits);
        buckets = List.copyOf(buckets);
        significance = List.copyOf(significance);
        decomposition = List.copyOf(decomposition);
    }
}
