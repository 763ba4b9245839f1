package io.thermocarry.core.sweep;

import io.thermocarry.core.evaluation.Fold;
import io.thermocarry.core.market.Symbol;
import java.util.List;

/**
 * What a sweep did, beyond the rows it streamed to its sink: counts, speed, the per-point figures aggregated over
 * symbols, the chosen point and its robustness.
 *
 * @param spec the sweep
 * @param layouts the walk-forward layout of each symbol, in input order
 * @param backtests backtests run (points × symbols; fee tiers of one compiled strategy count one each)
 * @param signalRuns signal runs computed (signal-window combinations × symbols)
 * @param regimePaths regime paths built (at most threshold pairs × signal runs; a path is rebuilt per work chunk)
 * @param seconds wall time of the sweep
 * @param scores per-point figures, the mean over symbols of each symbol's out-of-sample figure
 * @param robustness the chosen point (highest mean Sharpe) and its neighbourhood
 */
public record SweepOutcome(SweepSpec spec, List<Layout> layouts, long backtests, int signalRuns, long regimePaths,
        double seconds, Scores scores, Robustness robustness) {
    /** Copies the layouts. */
    public SweepOutcome {
        layouts = List.copyOf(layouts);
    }

    /** Backtests per minute of wall time. */
    public double backtestsPerMinute() {
        return seconds > 0 ? backtests / seconds * 60.0 : Double.NaN;
    }

    /** The chosen point's parameters, or null when no point had a finite Sharpe. */
    public SweepPoint bestPoint() {
        return robustness.best() < 0 ? null : spec.grid().point(robustness.best());
    }

    /**
     * The walk-forward layout of one symbol, shared by every point (so all points are judged on the same
     * cycles): {@link io.thermocarry.core.evaluation.WalkForwardSpec#folds} over {@code [first, end)}, tests from
     * {@code oosStart = first + train} on.
     *
     * @param symbol the symbol
     * @param first first cycle of the first fold's training part: the later of the range start and the longest
     *     signal warm-up in the grid
     * @param oosStart first out-of-sample cycle
     * @param end end of the cycles (exclusive)
     * @param folds the folds, in order (their test parts tile {@code [oosStart, end)})
     * @param oosStartMs start time of the first out-of-sample cycle
     * @param oosEndMs end time of the last one
     */
    public record Layout(Symbol symbol, int first, int oosStart, int end, List<Fold> folds, long oosStartMs,
            long oosEndMs) {
        /** Copies the folds. */
        public Layout {
            folds = List.copyOf(folds);
        }
    }

    /**
     * Per-point figures (index = grid point), each the mean over symbols of the symbol's out-of-sample value
     * (NaN values left out; NaN when no symbol had one). Arrays are owned by this object.
     *
     * @param sharpe mean Sharpe
     * @param funding mean funding PnL
     * @param basis mean basis PnL
     * @param fees mean fees
     * @param total mean total PnL
     */
    public record Scores(double[] sharpe, double[] funding, double[] basis, double[] fees, double[] total) {
    }
}
