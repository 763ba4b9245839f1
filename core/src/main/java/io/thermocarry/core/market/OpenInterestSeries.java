package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.Arrays;

/**
 * Open interest of one USDⓈ-M perpetual in column form: snapshots at strictly increasing times (epoch millis, on
 * Binance's 5-minute grid for the {@code metrics} archive and {@code openInterestHist}). {@code sumOpenInterest} is
 * in base-asset units (contracts of one coin), {@code sumOpenInterestValue} in USDT; both finite and {@code >= 0},
 * NaN where the source has no value. A snapshot is available at its time. Arrays are owned by the series.
 */
public final class OpenInterestSeries {
    private final Symbol symbol;
    private final long[] timeMs;
    private final double[] sumOpenInterest;
    private final double[] sumOpenInterestValue;

    /**
     * @param symbol the perpetual
     * @param timeMs snapshot times, strictly increasing
     * @param sumOpenInterest open interest in base units, {@code >= 0}
     * @param sumOpenInterestValue open interest in USDT, {@code >= 0} or NaN when unknown
     */
    public OpenInterestSeries(Symbol symbol, long[] timeMs, double[] sumOpenInterest, double[] sumOpenInterestValue) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = timeMs.length;
        Checks.check(sumOpenInterest.length == n && sumOpenInterestValue.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(Double.isFinite(sumOpenInterest[i]) && sumOpenInterest[i] >= 0,
                    "open interest must be finite and >= 0 at index " + i);
            double v = sumOpenInterestValue[i];
            Checks.check(Double.isNaN(v) || (Double.isFinite(v) && v >= 0),
                    "open interest value must be finite and >= 0 (or NaN) at index " + i);
            if (i > 0 && timeMs[i] <= timeMs[i - 1]) {
                throw new IllegalArgumentException("open interest times not strictly increasing at index " + i + ": "
                        + Instant.ofEpochMilli(timeMs[i - 1]) + " then " + Instant.ofEpochMilli(timeMs[i]));
            }
        }
        this.timeMs = timeMs;
        this.sumOpenInterest = sumOpenInterest;
        this.sumOpenInterestValue = sumOpenInterestValue;
    }

    /** No snapshots. */
    public static OpenInterestSeries empty(Symbol symbol) {
        return new OpenInterestSeries(symbol, new long[0], new double[0], new double[0]);
    }

    /** The perpetual. */
    public Symbol symbol() {
        return symbol;
    }

    /** Number of snapshots. */
    public int size() {
        return timeMs.length;
    }

    /** True when there is no snapshot. */
    public boolean isEmpty() {
        return timeMs.length == 0;
    }

    /** Time of snapshot {@code i}, epoch ms. */
    public long timeMs(int i) {
        return timeMs[i];
    }

    /** Open interest of snapshot {@code i} in base units. */
    public double sumOpenInterest(int i) {
        return sumOpenInterest[i];
    }

    /** Open interest of snapshot {@code i} in USDT (NaN when unknown). */
    public double sumOpenInterestValue(int i) {
        return sumOpenInterestValue[i];
    }

    /** Raw column (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] sumOpenInterests() {
        return sumOpenInterest;
    }

    /** Raw column (do not mutate). */
    public double[] sumOpenInterestValues() {
        return sumOpenInterestValue;
    }

    /** Index of the first snapshot with time {@code >= ms}. */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Snapshots with time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public OpenInterestSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new OpenInterestSeries(symbol, Arrays.copyOfRange(timeMs, a, b),
                Arrays.copyOfRange(sumOpenInterest, a, b), Arrays.copyOfRange(sumOpenInterestValue, a, b));
    }

    @Override
    public String toString() {
        return "OpenInterestSeries[" + symbol + " n=" + size() + "]";
    }
}
