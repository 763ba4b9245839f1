package io.thermocarry.core.backtest;

/**
 * Equity over the evaluation window: point 0 is the starting capital at the first window cycle's start,
 * point {@code i ≥ 1} the equity at the end of window cycle {@code i − 1}. Currency units.
 *
 * @param timeMs epoch ms of each point
 * @param equity equity at each point ({@code >= 0})
 */
public record EquityCurve(long[] timeMs, double[] equity) {
    /** Validates equal lengths. */
    public EquityCurve {
        if (timeMs.length != equity.length) {
            throw new IllegalArgumentException("equity curve columns differ in length");
        }
    }

    /** Number of points. */
    public int size() {
        return timeMs.length;
    }
}
