package io.thermocarry.core.backtest;

import java.util.List;

/**
 * Everything one backtest produced.
 *
 * @param request what was run
 * @param ledger per-cycle ledger (all cycles; rows before the window flat)
 * @param trades closed trades in order (spans of constant side), including the one closed at the end
 * @param performance summary metrics over the evaluation window
 * @param diagnostics what was not evaluated, clipped or lost to ruin
 */
public record BacktestResult(BacktestRequest request, Ledger ledger, List<Trade> trades, Performance performance,
        Diagnostics diagnostics) {
    /** Copies the trade list. */
    public BacktestResult {
        trades = List.copyOf(trades);
    }

    /** Equity over the evaluation window, starting with the starting capital. */
    public EquityCurve equityCurve() {
        int first = ledger.firstCycle();
        int n = ledger.size();
        int m = Math.max(n - first, 0);
        long[] t = new long[m + 1];
        double[] e = new double[m + 1];
        t[0] = first < n ? ledger.startMs(first) : (n > 0 ? ledger.endMs(n - 1) : 0L);
        e[0] = request.startingCapital();
        for (int i = 0; i < m; i++) {
            t[i + 1] = ledger.endMs(first + i);
            e[i + 1] = ledger.equity(first + i);
        }
        return new EquityCurve(t, e);
    }
}
