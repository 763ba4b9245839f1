package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Funding settlements of one symbol in column form, strictly increasing times (epoch millis).
 * {@code rate} is a fraction per interval; {@code intervalMs} the interval each rate covers;
 * {@code markPrice} NaN where unknown. Arrays are owned by the series (no defensive copies).
 */
public final class FundingSeries {
    private final Symbol symbol;
    private final long[] timeMs;
    private final double[] rate;
    private final long[] intervalMs;
    private final double[] markPrice;

    public FundingSeries(Symbol symbol, long[] timeMs, double[] rate, long[] intervalMs, double[] markPrice) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = timeMs.length;
        Checks.check(rate.length == n && intervalMs.length == n && markPrice.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(Double.isFinite(rate[i]), "rate not finite at index " + i);
            Checks.check(intervalMs[i] > 0, "interval must be > 0 at index " + i);
            if (i > 0 && timeMs[i] <= timeMs[i - 1]) {
                throw new IllegalArgumentException("funding times not strictly increasing at index " + i + ": "
                        + Instant.ofEpochMilli(timeMs[i - 1]) + " then " + Instant.ofEpochMilli(timeMs[i]));
            }
        }
        this.timeMs = timeMs;
        this.rate = rate;
        this.intervalMs = intervalMs;
        this.markPrice = markPrice;
    }

    /** Builds a series from events (strictly increasing). */
    public static FundingSeries of(Symbol symbol, List<FundingEvent> events) {
        int n = events.size();
        long[] t = new long[n];
        double[] r = new double[n];
        long[] iv = new long[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            FundingEvent e = events.get(i);
            t[i] = e.time().toEpochMilli();
            r[i] = e.rate();
            iv[i] = e.interval().toMillis();
            m[i] = e.markPrice();
        }
        return new FundingSeries(symbol, t, r, iv, m);
    }

    public static FundingSeries empty(Symbol symbol) {
        return new FundingSeries(symbol, new long[0], new double[0], new long[0], new double[0]);
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

    public long timeMs(int i) {
        return timeMs[i];
    }

    public double rate(int i) {
        return rate[i];
    }

    public long intervalMs(int i) {
        return intervalMs[i];
    }

    public double markPrice(int i) {
        return markPrice[i];
    }

    /** Raw column (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] rates() {
        return rate;
    }

    /** Raw column (do not mutate). */
    public long[] intervals() {
        return intervalMs;
    }

    /** Raw column (do not mutate). */
    public double[] markPrices() {
        return markPrice;
    }

    public FundingEvent event(int i) {
        return new FundingEvent(Instant.ofEpochMilli(timeMs[i]), rate[i], Duration.ofMillis(intervalMs[i]),
                markPrice[i]);
    }

    /** Index of the first event with time {@code >= ms}. */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Events with time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public FundingSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new FundingSeries(symbol, Arrays.copyOfRange(timeMs, a, b), Arrays.copyOfRange(rate, a, b),
                Arrays.copyOfRange(intervalMs, a, b), Arrays.copyOfRange(markPrice, a, b));
    }

    @Override
    public String toString() {
        return "FundingSeries[" + symbol + " n=" + size() + "]";
    }
}
