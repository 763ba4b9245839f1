package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.SignalPath;
import java.time.Instant;

/**
 * One execution run: a child on one symbol's intraday state, with the hourly funding cycles and signal path,
 * at one fee tier.
 *
 * @param cycles funding cycles {@code 0 .. n−1} (SPEC §2; contiguous inside the window); cycle {@code k}'s rate
 *     {@code F_k} is settled at its start, and the settlement at {@code t_k} pays {@code F_k} to what is open
 *     then; the rate at the last cycle's end is not in the data (paid as "not evaluated")
 * @param signals the hourly decision path, one entry per cycle (decision {@code k} at settlement {@code t_k})
 * @param firstCycle first cycle of the evaluation window; earlier cycles are history for look-back rules
 * @param state intraday state bars covering the window: a bar closes at or before {@code t_first} and the last
 *     closes at or after the last cycle's end
 * @param premium premium-index bars (fractions) for the predicted funding, possibly empty
 * @param spec child, rules, fee tier, accounting
 * @param startingCapital capital at the window start, currency units ({@code > 0}; 1.0 makes money a fraction)
 */
public record ExecutionRequest(FundingCycles cycles, SignalPath signals, int firstCycle, IntradayState state,
        BarSeries premium, ExecutionSpec spec, double startingCapital) {
    /** Validates lengths, contiguity of the window's cycles and the state's coverage. */
    public ExecutionRequest {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(signals, "signals");
        Checks.notNull(state, "state");
        Checks.notNull(premium, "premium");
        Checks.notNull(spec, "spec");
        Checks.positive(startingCapital, "startingCapital");
        int n = cycles.size();
        Checks.check(signals.size() == n, "signal path has " + signals.size() + " decisions for " + n + " cycles");
        Checks.check(firstCycle >= 0 && firstCycle <= n, "firstCycle " + firstCycle + " outside [0, " + n + "]");
        Checks.check(premium.isEmpty() || premium.market() == Market.PREMIUM, "premium bars must be premium-index bars");
        for (int k = firstCycle; k + 1 < n; k++) {
            if (cycles.endMs(k) != cycles.startMs(k + 1)) {
                throw new IllegalArgumentException("cycles are not contiguous at " + Instant.ofEpochMilli(cycles.endMs(k))
                        + " (a settlement is missing inside the window)");
            }
        }
        if (firstCycle < n) {
            Checks.check(state.size() > 0 && state.asOfClose(cycles.startMs(firstCycle)) >= 0,
                    "no intraday bar closes at or before the window start " + Instant.ofEpochMilli(cycles.startMs(firstCycle)));
            Checks.check(state.closeMs(state.size() - 1) >= cycles.endMs(n - 1), "the intraday bars end at "
                    + Instant.ofEpochMilli(state.closeMs(state.size() - 1)) + ", before the window end "
                    + Instant.ofEpochMilli(cycles.endMs(n - 1)));
        }
    }

    /** A run of {@code spec} on a covered window, starting capital 1.0. */
    public static ExecutionRequest of(ExecutionWindow window, IntradayState state, BarSeries premium,
            ExecutionSpec spec) {
        BarSeries p = premium != null ? premium : BarSeries.empty(state.symbol(), Market.PREMIUM, state.interval());
        return new ExecutionRequest(window.cycles(), window.signals(), window.firstCycle(), state, p, spec, 1.0);
    }

    /** Same request with another spec. */
    public ExecutionRequest withSpec(ExecutionSpec s) {
        return new ExecutionRequest(cycles, signals, firstCycle, state, premium, s, startingCapital);
    }

    /** Same request at another fee tier. */
    public ExecutionRequest withFee(io.thermocarry.core.backtest.FeeTier fee) {
        return withSpec(spec.withFee(fee));
    }

    /** Same request for another child. */
    public ExecutionRequest withChild(Child child) {
        return withSpec(spec.withChild(child));
    }

    /** Same request with another starting capital. */
    public ExecutionRequest withStartingCapital(double capital) {
        return new ExecutionRequest(cycles, signals, firstCycle, state, premium, spec, capital);
    }

    /** Length of the evaluation window in days (0 when empty). */
    public double days() {
        int n = cycles.size();
        return firstCycle >= n ? 0.0 : (cycles.endMs(n - 1) - cycles.startMs(firstCycle)) / 86_400_000.0;
    }
}
