package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import java.util.List;

/**
 * A finished evaluation: the request and each symbol's results, in the request's symbol order.
 *
 * @param request what was asked
 * @param symbols per-symbol results
 */
public record EvaluationRun(EvaluationRequest request, List<SymbolEvaluation> symbols) {
    /** Validates and copies. */
    public EvaluationRun {
        Checks.notNull(request, "request");
        symbols = List.copyOf(Checks.notNull(symbols, "symbols"));
    }

    /** The run's identity, {@link EvaluationRequest#runId()}. */
    public String runId() {
        return request.runId();
    }
}
