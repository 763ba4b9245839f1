package io.thermocarry.core.marginrisk;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.Ledger;
import io.thermocarry.core.backtest.MarginBacktest;
import io.thermocarry.core.evaluation.BlockBootstrap;
import io.thermocarry.core.margin.MarginInputs;
import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Runs the liquidation-risk study of one backtest (SPEC §13): the backtest with its margin path, the same
 * without, the PnL lost to liquidations, and the futures share needed for zero liquidations — on the history
 * and at 95 / 99 / 99.9 % of a seeded circular block bootstrap of the window's cycles (blocks of
 * {@link MarginStudySpec#blockCycles()}; each resample's need by bisection, resamples in parallel, the result
 * independent of the thread count).
 */
public final class MarginStudy {
    private MarginStudy() {
    }

    /** The whole study; the margin spec must be enabled (leverage > 0). */
    public static MarginReport run(BacktestRequest request, MarginInputs margin, MarginStudySpec spec) {
        Checks.check(margin.spec().enabled(), "the margin study needs leverage > 0");
        BacktestResult free = BacktestEngine.run(request);
        MarginBacktest withMargin = BacktestEngine.run(request, margin);
        double lost = (finalEquity(free) - finalEquity(withMargin.result())) / request.startingCapital();
        BufferNeeded buffer = buffer(free, margin, spec);
        return new MarginReport(withMargin, free, lost, buffer);
    }

    /** The futures share needed by the margin-free book {@code free} under {@code margin}'s policy. */
    public static BufferNeeded buffer(BacktestResult free, MarginInputs margin, MarginStudySpec spec) {
        BufferSimulator sim = new BufferSimulator(free.ledger(), free.request().startingCapital(), margin.bars(),
                margin.spec());
        double history = sim.length() == 0 ? 0.0 : sim.needed(sim.history());
        if (spec.resamples() == 0 || sim.length() == 0) {
            return new BufferNeeded(history, Double.NaN, Double.NaN, Double.NaN, 0, 0, spec.blockCycles());
        }
        BlockBootstrap boot = BlockBootstrap.circular(sim.length(), Math.min(spec.blockCycles(), sim.length()),
                spec.resamples(), spec.seed());
        double[] needs = IntStream.range(0, spec.resamples()).parallel()
                .mapToDouble(r -> sim.needed(boot.indices(r))).toArray();
        int inf = 0;
        for (double v : needs) {
            if (Double.isInfinite(v)) {
                inf++;
            }
        }
        Arrays.sort(needs);
        return new BufferNeeded(history, quantile(needs, 95), quantile(needs, 99), quantile(needs, 99.9),
                spec.resamples(), inf, spec.blockCycles());
    }

    /** Percentile of sorted values that may end in {@code +∞}: {@code +∞} when the position reaches them. */
    private static double quantile(double[] sorted, double pct) {
        double pos = (sorted.length - 1) * pct / 100.0;
        int hi = (int) Math.ceil(pos);
        if (Double.isInfinite(sorted[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return Percentiles.ofSorted(sorted, pct);
    }

    private static double finalEquity(BacktestResult r) {
        Ledger l = r.ledger();
        return l.size() == 0 ? r.request().startingCapital() : l.equity(l.size() - 1);
    }
}
