package io.thermocarry.core.portfolio;

import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.Performance;
import io.thermocarry.core.backtest.PnlSplit;
import io.thermocarry.core.backtest.Trade;
import java.util.List;

/**
 * One portfolio walk-forward at one fee tier: the portfolio's ledger on the merged settlement grid, its
 * out-of-sample metrics, every sleeve, and the checks made at each decision.
 *
 * <p><b>Ledger rows</b> are the spans between consecutive event times of all sleeves (cycle starts and ends of
 * every symbol from the first rebalance on): with all symbols on the 00/08/16 UTC grid a row is one 8 h cycle;
 * a 4 h symbol splits the grid into 4 h rows. Row {@code j} holds the fees of the decisions taken at its start
 * and the PnL of the cycles that end at its end; {@code equity_j = max(0, (equity_{j−1} − fee_j) + pnl_j)}, the
 * final close of a symbol whose data ends being charged into the row that ends then. Its {@link Performance} is
 * therefore annualised by actual elapsed time whatever the intervals. Notional is the sum over sleeves held
 * through the row; the side is {@code SHORT_BASIS} when the short-basis notional is at least the long-basis
 * notional, {@code LONG_BASIS} otherwise, {@code FLAT} without a position.
 *
 * @param plan the folds, universe and weights
 * @param tier fee tier
 * @param ledger the portfolio ledger (evaluation window from row 0)
 * @param performance out-of-sample metrics of the ledger, fractions of the starting capital
 * @param sleeves per symbol, in the plan's market order (symbols without an out-of-sample cycle left out)
 * @param trades every sleeve's trades, ordered by exit time then symbol
 * @param decisions the caps as they stood after each decision time
 * @param ruinTimeMs end of the row at which equity first reached 0 (epoch ms), {@link Long#MIN_VALUE} if never
 * @param ruinShortfall losses beyond zero equity absorbed by the floor (currency units)
 */
public record PortfolioResult(PortfolioPlan plan, FeeTier tier, Ledger ledger, Performance performance,
        List<SleeveResult> sleeves, List<Trade> trades, DecisionChecks decisions, long ruinTimeMs,
        double ruinShortfall) {
    /** Copies the lists. */
    public PortfolioResult {
        sleeves = List.copyOf(sleeves);
        trades = List.copyOf(trades);
    }

    /**
     * The book after the decisions at each decision time (one entry per time at which some symbol decided).
     *
     * @param timeMs decision times, epoch ms
     * @param equity equity the decisions sized on ({@code E})
     * @param grossNotional total notional held after them, {@code Σ_s N_s}
     * @param maxSymbolNotional largest single-symbol notional after them
     * @param symbolCapCuts targets cut to the symbol cap at that time
     * @param grossCapCuts whether the gross cap scaled the deciding targets at that time
     */
    public record DecisionChecks(long[] timeMs, double[] equity, double[] grossNotional, double[] maxSymbolNotional,
            int[] symbolCapCuts, boolean[] grossCapCuts) {
        /** Number of decision times. */
        public int size() {
            return timeMs.length;
        }
    }

    /** Whether equity reached 0. */
    public boolean ruined() {
        return ruinTimeMs != Long.MIN_VALUE;
    }

    /** Portfolio PnL split as fractions of the starting capital (over the whole out-of-sample span). */
    public PnlSplit pnl() {
        return performance.pnl();
    }

    /** The sleeve of {@code symbol}, or null. */
    public SleeveResult sleeve(io.thermocarry.core.market.Symbol symbol) {
        for (SleeveResult s : sleeves) {
            if (s.symbol().equals(symbol)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Per-row returns of the portfolio, {@code r_j = E_j / E_{j−1} − 1} (0 once equity is 0), as
     * {@link Performance} defines them.
     */
    public double[] returns() {
        double[] eq = ledger.equities();
        double[] r = new double[eq.length];
        double prev = plan.spec().startingCapital();
        for (int j = 0; j < eq.length; j++) {
            r[j] = prev > 0 ? (eq[j] - prev) / prev : 0.0;
            prev = eq[j];
        }
        return r;
    }
}
