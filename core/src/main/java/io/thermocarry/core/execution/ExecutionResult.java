package io.thermocarry.core.execution;

import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import java.util.List;

/**
 * Everything one execution run produced, in the cycle engine's shapes so that both are read and compared the
 * same way.
 *
 * @param request what was run
 * @param ledger per funding cycle: row {@code k} books the fills inside {@code [t_k, t_{k+1})}, the funding paid
 *     at {@code t_{k+1}} and the basis marked up to it; side = the side held longest in the cycle, notional = its
 *     time-weighted mean (rows before the window flat)
 * @param trades spans of constant side: entry and exit at the fill times, cycles held = settlements the position
 *     was open at, average notional time-weighted
 * @param fills every executed order in time order, the final close included
 * @param performance metrics over the evaluation window (Sharpe from per-cycle returns)
 * @param diagnostics decisions, fills, exits, and what was not evaluated
 */
public record ExecutionResult(ExecutionRequest request, Ledger ledger, List<Trade> trades, List<Fill> fills,
        Performance performance, ExecutionDiagnostics diagnostics) {
    /** Copies the lists. */
    public ExecutionResult {
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
    }

    /** Window length in days. */
    public double days() {
        return request.days();
    }

    /** Trades per day of the window (NaN for an empty window). */
    public double tradesPerDay() {
        double d = days();
        return d > 0 ? performance.tradeCount() / d : Double.NaN;
    }
}
