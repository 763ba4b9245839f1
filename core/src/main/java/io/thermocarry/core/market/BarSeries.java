package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Bars of one symbol, market and interval in column form (primitive arrays, epoch millis), strictly
 * increasing open times. The arrays are owned by the series: callers must not mutate what they pass in
 * or what the accessors return (no defensive copies, for speed).
 */
public final class BarSeries {
    private final Symbol symbol;
    private final Market market;
    private final BarInterval interval;
    private final long[] openTimeMs;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;

    /** Column constructor; validates equal lengths and strictly increasing open times. */
    public BarSeries(Symbol symbol, Market market, BarInterval interval, long[] openTimeMs, double[] open,
            double[] high, double[] low, double[] close, double[] volume) {
        this.symbol = Checks.notNull(symbol, "symbol");
        this.market = Checks.notNull(market, "market");
        this.interval = Checks.notNull(interval, "interval");
        this.openTimeMs = Checks.notNull(openTimeMs, "openTimeMs");
        int n = openTimeMs.length;
        Checks.check(open.length == n && high.length == n && low.length == n && close.length == n
                && volume.length == n, "column lengths differ");
        for (int i = 1; i < n; i++) {
            if (openTimeMs[i] <= openTimeMs[i - 1]) {
                throw new IllegalArgumentException("open times not strictly increasing at index " + i + ": "
                        + Instant.ofEpochMilli(openTimeMs[i - 1]) + " then " + Instant.ofEpochMilli(openTimeMs[i]));
            }
        }
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** An empty series. */
    public static BarSeries empty(Symbol symbol, Market market, BarInterval interval) {
        return new BarSeries(symbol, market, interval, new long[0], new double[0], new double[0], new double[0],
                new double[0], new double[0]);
    }

    /** Builds a series from bars (must all have this interval, strictly increasing). */
    public static BarSeries of(Symbol symbol, Market market, BarInterval interval, List<Bar> bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            Checks.check(b.interval() == interval, "bar interval " + b.interval() + " != " + interval);
            t[i] = b.openTime().toEpochMilli();
            o[i] = b.open();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
            v[i] = b.volume();
        }
        return new BarSeries(symbol, market, interval, t, o, h, l, c, v);
    }

    public Symbol symbol() {
        return symbol;
    }

    public Market market() {
        return market;
    }

    public BarInterval interval() {
        return interval;
    }

    public int size() {
        return openTimeMs.length;
    }

    public boolean isEmpty() {
        return openTimeMs.length == 0;
    }

    public long openTimeMs(int i) {
        return openTimeMs[i];
    }

    /** Availability time of bar i (open + interval). */
    public long closeTimeMs(int i) {
        return openTimeMs[i] + interval.millis();
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    /** Raw column (do not mutate). */
    public long[] openTimes() {
        return openTimeMs;
    }

    /** Raw column (do not mutate). */
    public double[] opens() {
        return open;
    }

    /** Raw column (do not mutate). */
    public double[] highs() {
        return high;
    }

    /** Raw column (do not mutate). */
    public double[] lows() {
        return low;
    }

    /** Raw column (do not mutate). */
    public double[] closes() {
        return close;
    }

    /** Raw column (do not mutate). */
    public double[] volumes() {
        return volume;
    }

    /** Bar i as a record. */
    public Bar bar(int i) {
        return new Bar(Instant.ofEpochMilli(openTimeMs[i]), interval, open[i], high[i], low[i], close[i], volume[i]);
    }

    /** Index of the first bar with open time {@code >= ms} (size() if none). */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(openTimeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Bars with open time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public BarSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return sliceIndex(a, b);
    }

    /** Bars with index in {@code [from, to)}. */
    public BarSeries sliceIndex(int from, int to) {
        return new BarSeries(symbol, market, interval, Arrays.copyOfRange(openTimeMs, from, to),
                Arrays.copyOfRange(open, from, to), Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to));
    }

    /** Number of missing bars between the first and last (bars expected on the interval grid but absent). */
    public long missingBars() {
        if (size() < 2) {
            return 0;
        }
        long expected = (openTimeMs[size() - 1] - openTimeMs[0]) / interval.millis() + 1;
        return expected - size();
    }

    /** Number of gaps: places where consecutive bars are more than one interval apart. */
    public int gaps() {
        int g = 0;
        for (int i = 1; i < size(); i++) {
            if (openTimeMs[i] - openTimeMs[i - 1] > interval.millis()) {
                g++;
            }
        }
        return g;
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + " " + market.code() + " " + interval.code() + " n=" + size()
                + (size() > 0 ? " " + Instant.ofEpochMilli(openTimeMs[0]) + " .. "
                        + Instant.ofEpochMilli(openTimeMs[size() - 1]) : "") + "]";
    }
}
