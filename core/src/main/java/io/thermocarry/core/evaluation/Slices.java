package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Metrics of a part of one backtest, and its per-cycle returns: what a fold contributed to the continuous
 * out-of-sample book, or how a tuning candidate did over a training window.
 */
public final class Slices {
    private Slices() {
    }

    /**
     * {@link Performance} of rows {@code [from, to)} of a result's ledger, as if a book had started there with
     * the equity it had at {@code from}: returns relative to that equity, drawdown from it, elapsed time of
     * those rows; trades counted are those whose exit decision lies in {@code [from, to)} (the end of the data
     * counts as the last row's). {@code from} must not precede the ledger's evaluation window. After a ruin the
     * starting equity is 0 and the return-based metrics are undefined (NaN).
     */
    public static Performance performance(BacktestResult result, int from, int to) {
        Ledger l = result.ledger();
        int n = l.size();
        Checks.check(from >= l.firstCycle() && from < to && to <= n,
                "slice [" + from + ", " + to + ") outside the window [" + l.firstCycle() + ", " + n + ")");
        double start = from == l.firstCycle() ? result.request().startingCapital() : l.equity(from - 1);
        Ledger slice = new Ledger(Arrays.copyOfRange(l.starts(), from, to), Arrays.copyOfRange(l.ends(), from, to),
                Arrays.copyOfRange(l.sides(), from, to), Arrays.copyOfRange(l.notionals(), from, to),
                Arrays.copyOfRange(l.tradedNotionals(), from, to), Arrays.copyOfRange(l.fundings(), from, to),
                Arrays.copyOfRange(l.bases(), from, to), Arrays.copyOfRange(l.prices(), from, to),
                Arrays.copyOfRange(l.fees(), from, to), Arrays.copyOfRange(l.totals(), from, to),
                Arrays.copyOfRange(l.equities(), from, to), Arrays.copyOfRange(l.regimes(), from, to), 0);
        List<Trade> trades = new ArrayList<>();
        for (Trade t : result.trades()) {
            int exit = Math.min(t.exitCycle(), n - 1);
            if (exit >= from && exit < to) {
                trades.add(t);
            }
        }
        return Performance.of(slice, trades, start);
    }

    /**
     * Per-cycle returns over the result's evaluation window, exactly as {@link Performance} defines them:
     * {@code r_k = E_k / E_{k−1} − 1} with {@code E_{first−1}} the starting capital and {@code r_k = 0} once
     * equity is 0.
     */
    public static double[] returns(BacktestResult result) {
        Ledger l = result.ledger();
        int first = l.firstCycle();
        int m = Math.max(l.size() - first, 0);
        double[] eq = l.equities();
        double[] r = new double[m];
        double prev = result.request().startingCapital();
        for (int i = 0; i < m; i++) {
            double e = eq[first + i];
            r[i] = prev > 0 ? (e - prev) / prev : 0.0;
            prev = e;
        }
        return r;
    }
}
