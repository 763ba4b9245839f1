package io.thermocarry.core.execution;

import io.thermocarry.core.Checks;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.series.IntradayState;
import io.thermocarry.core.strategy.SignalPath;
import java.util.Arrays;

/**
 * The funding cycles an execution run covers: the hourly cycles and their signal path (history included, for
 * look-back rules) cut after the last cycle the intraday state covers, and the first cycle of the evaluation
 * window. The cycle engine run on the same window ({@link ExecutionEngine#cycleEngineRequest}) sees exactly the
 * same cycles.
 *
 * @param cycles cycles {@code 0 .. end−1}; every cycle of the window ends at or before the state's last close
 * @param signals the signal path of those cycles
 * @param firstCycle first cycle of the evaluation window (its start is at or after the state's first close)
 */
public record ExecutionWindow(FundingCycles cycles, SignalPath signals, int firstCycle) {
    /** Validates lengths and range. */
    public ExecutionWindow {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(signals, "signals");
        Checks.check(signals.size() == cycles.size(), "signal path has " + signals.size() + " decisions for "
                + cycles.size() + " cycles");
        Checks.check(firstCycle >= 0 && firstCycle <= cycles.size(), "firstCycle out of range: " + firstCycle);
    }

    /**
     * The window of {@code cycles} that {@code state} covers, starting no earlier than {@code fromCycle}: first =
     * the first cycle from {@code fromCycle} on whose start is at or after the state's first bar close, end = one
     * past the last cycle whose end is at or before the state's last bar close.
     */
    public static ExecutionWindow covered(FundingCycles cycles, SignalPath signals, IntradayState state,
            int fromCycle) {
        Checks.notNull(state, "state");
        Checks.check(state.size() > 0, "the intraday state is empty");
        long firstClose = state.closeMs(0);
        long lastClose = state.closeMs(state.size() - 1);
        int n = cycles.size();
        int end = 0;
        while (end < n && cycles.endMs(end) <= lastClose) {
            end++;
        }
        int first = Math.max(0, fromCycle);
        while (first < end && cycles.startMs(first) < firstClose) {
            first++;
        }
        return new ExecutionWindow(head(cycles, end), head(signals, end), Math.min(first, end));
    }

    /** Evaluation cycles ({@code cycles.size() − firstCycle}). */
    public int evaluationCycles() {
        return cycles.size() - firstCycle;
    }

    /** The first {@code end} cycles. */
    public static FundingCycles head(FundingCycles c, int end) {
        if (end == c.size()) {
            return c;
        }
        int[] obs = Arrays.copyOf(c.basisObsCounts(), end);
        byte[] src = new byte[end];
        for (int k = 0; k < end; k++) {
            src[k] = (byte) c.source(k).ordinal();
        }
        return new FundingCycles(c.symbol(), Arrays.copyOf(c.starts(), end), Arrays.copyOf(c.ends(), end),
                Arrays.copyOf(c.rates(), end), Arrays.copyOf(c.intervalsHours(), end),
                Arrays.copyOf(c.basisStarts(), end), Arrays.copyOf(c.basisEnds(), end),
                Arrays.copyOf(c.basisMeans(), end), Arrays.copyOf(c.basisStds(), end), obs,
                Arrays.copyOf(c.markStarts(), end), Arrays.copyOf(c.markEnds(), end), src, c.hoursWithoutPartner());
    }

    /** The first {@code end} decisions of a signal path. */
    public static SignalPath head(SignalPath s, int end) {
        if (end == s.size()) {
            return s;
        }
        Regime[] reg = new Regime[end];
        double[] e = new double[end];
        double[] r = new double[end];
        double[] z = new double[end];
        double[] ent = new double[end];
        double[] je = new double[end];
        double[] entEq = new double[end];
        double[] jeD = new double[end];
        for (int k = 0; k < end; k++) {
            reg[k] = s.regime(k);
            e[k] = s.exposure(k);
            r[k] = s.relaxationRatio(k);
            z[k] = s.temperatureZscore(k);
            ent[k] = s.entropyRate(k);
            je[k] = s.jeHealth(k);
            entEq[k] = s.entropyEquilibriumThreshold(k);
            jeD[k] = s.jeDangerThreshold(k);
        }
        return new SignalPath(reg, e, r, z, ent, je, entEq, jeD);
    }
}
