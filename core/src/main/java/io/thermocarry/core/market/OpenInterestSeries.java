package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.Arrays;

/**
 * Open interest of one USD-M perpetual in column form, strictly increasing availability times (SPEC §8): the
 * {@code metrics} archive (5-min {@code sum_open_interest}, {@code sum_open_interest_value}), REST
 * {@code openInterestHist}, 4 h collections of it, or an aggregator's daily close.
 *
 * <p>{@code timeMs} is when the value was known (a snapshot's own time; for a daily close, the end of its
 * day). {@code base} is the open interest in contracts of the base asset (BTC for BTCUSDT), {@code valueUsd} its
 * value in USDT; either may be NaN when the source gives only the other, never both. Arrays are owned by the
 * series.
 */
public final class OpenInterestSeries {
    private final Symbol symbol;
    private final long[] timeMs;
    private final double[] base;
    private final double[] valueUsd;

    /** Column constructor; validates strictly increasing times and positive (or NaN) values. */
    public OpenInterestSeries(Symbol symbol, long[] timeMs, double[] base, double[] valueUsd) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = timeMs.length;
        Checks.check(base.length == n && valueUsd.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(Double.isNaN(base[i]) || (base[i] >= 0 && Double.isFinite(base[i])),
                    "open interest must be >= 0 or NaN at index " + i + ", was " + base[i]);
            Checks.check(Double.isNaN(valueUsd[i]) || (valueUsd[i] >= 0 && Double.isFinite(valueUsd[i])),
                    "open interest value must be >= 0 or NaN at index " + i + ", was " + valueUsd[i]);
            Checks.check(!(Double.isNaN(base[i]) && Double.isNaN(valueUsd[i])),
                    "open interest at index " + i + " has neither a base amount nor a value");
            if (i > 0 && timeMs[i] <= timeMs[i - 1]) {
                throw new IllegalArgumentException("open interest times not strictly increasing at index " + i + ": "
                        + Instant.ofEpochMilli(timeMs[i - 1]) + " then " + Instant.ofEpochMilli(timeMs[i]));
            }
        }
        this.timeMs = timeMs;
        this.base = base;
        this.valueUsd = valueUsd;
    }

    /** An empty series. */
    public static OpenInterestSeries empty(Symbol symbol) {
        return new OpenInterestSeries(symbol, new long[0], new double[0], new double[0]);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return timeMs.length;
    }

    public boolean isEmpty() {
        return timeMs.length == 0;
    }

    /** Availability time of observation i, epoch ms. */
    public long timeMs(int i) {
        return timeMs[i];
    }

    /** Open interest of observation i in base asset, NaN when unknown. */
    public double base(int i) {
        return base[i];
    }

    /** Open interest value of observation i in USDT, NaN when unknown. */
    public double valueUsd(int i) {
        return valueUsd[i];
    }

    /** Raw column (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] bases() {
        return base;
    }

    /** Raw column (do not mutate). */
    public double[] valuesUsd() {
        return valueUsd;
    }

    /** Index of the first observation with time {@code >= ms}. */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Observations with time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public OpenInterestSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new OpenInterestSeries(symbol, Arrays.copyOfRange(timeMs, a, b), Arrays.copyOfRange(base, a, b),
                Arrays.copyOfRange(valueUsd, a, b));
    }

    @Override
    public String toString() {
        return "OpenInterestSeries[" + symbol + " n=" + size() + "]";
    }
}
