package io.thermocarry.core.series;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.util.Arrays;

/**
 * Percentage basis observations of one symbol in column form. Each observation is stamped with the
 * time it became <em>available</em>: the close of the bars it was computed from (open + interval), never
 * their open (SPEC §1). Times strictly increasing.
 */
public final class BasisSeries {
    private final Symbol symbol;
    private final long[] timeMs;
    private final double[] basisPct;
    private final byte[] source;
    private final int hoursWithoutPartner;
    private final long intervalMs;

    /**
     * @param timeMs availability times (bar close), strictly increasing
     * @param basisPct basis in percent of spot (or of index for the proxy)
     * @param source {@link BasisSource} ordinal per observation
     * @param hoursWithoutPartner bars of one leg that had no partner in the other (inside the common span)
     * @param intervalMs bar interval the basis was computed at
     */
    public BasisSeries(Symbol symbol, long[] timeMs, double[] basisPct, byte[] source, int hoursWithoutPartner,
            long intervalMs) {
        this.symbol = Checks.notNull(symbol, "symbol");
        Checks.check(basisPct.length == timeMs.length && source.length == timeMs.length, "column lengths differ");
        for (int i = 1; i < timeMs.length; i++) {
            Checks.check(timeMs[i] > timeMs[i - 1], "basis times not strictly increasing at " + i);
        }
        this.timeMs = timeMs;
        this.basisPct = basisPct;
        this.source = source;
        this.hoursWithoutPartner = hoursWithoutPartner;
        this.intervalMs = intervalMs;
    }

    /**
     * Spot–perp basis from closes with the same open time (inner join), stamped at the bars' close; where
     * one leg is missing and {@code mark} and {@code index} bars both exist for that hour, the proxy
     * {@code (mark − index)/index × 100}. {@code mark}/{@code index} may be null.
     */
    public static BasisSeries of(BarSeries perp, BarSeries spot, BarSeries mark, BarSeries index) {
        Checks.check(perp.market() == Market.PERP, "first series must be perp");
        Checks.check(spot.market() == Market.SPOT, "second series must be spot");
        Checks.check(perp.interval() == spot.interval(), "perp and spot intervals differ");
        long iv = perp.interval().millis();
        int np = perp.size();
        int ns = spot.size();
        int cap = np + ns;
        long[] t = new long[cap];
        double[] b = new double[cap];
        byte[] src = new byte[cap];
        int n = 0;
        int unmatched = 0;
        long commonFrom = Math.max(np > 0 ? perp.openTimeMs(0) : Long.MAX_VALUE,
                ns > 0 ? spot.openTimeMs(0) : Long.MAX_VALUE);
        long commonTo = Math.min(np > 0 ? perp.openTimeMs(np - 1) : Long.MIN_VALUE,
                ns > 0 ? spot.openTimeMs(ns - 1) : Long.MIN_VALUE);
        boolean proxy = mark != null && index != null && !mark.isEmpty() && !index.isEmpty();
        int i = 0;
        int j = 0;
        long[] pt = perp.openTimes();
        long[] st = spot.openTimes();
        double[] pc = perp.closes();
        double[] sc = spot.closes();
        while (i < np || j < ns) {
            long tp = i < np ? pt[i] : Long.MAX_VALUE;
            long ts = j < ns ? st[j] : Long.MAX_VALUE;
            if (tp == ts) {
                t[n] = tp + iv;
                b[n] = (pc[i] - sc[j]) / sc[j] * 100.0;
                src[n] = (byte) BasisSource.SPOT_PERP.ordinal();
                n++;
                i++;
                j++;
            } else {
                long lone = Math.min(tp, ts);
                if (lone >= commonFrom && lone <= commonTo) {
                    unmatched++;
                }
                if (proxy) {
                    double p = proxyAt(mark, index, lone);
                    if (!Double.isNaN(p)) {
                        t[n] = lone + iv;
                        b[n] = p;
                        src[n] = (byte) BasisSource.MARK_INDEX.ordinal();
                        n++;
                    }
                }
                if (tp < ts) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        return new BasisSeries(perp.symbol(), Arrays.copyOf(t, n), Arrays.copyOf(b, n), Arrays.copyOf(src, n),
                unmatched, iv);
    }

    /** Proxy basis from mark and index with open time {@code openMs}, NaN when either is missing. */
    private static double proxyAt(BarSeries mark, BarSeries index, long openMs) {
        int a = Arrays.binarySearch(mark.openTimes(), openMs);
        int c = Arrays.binarySearch(index.openTimes(), openMs);
        if (a < 0 || c < 0) {
            return Double.NaN;
        }
        double idx = index.close(c);
        return (mark.close(a) - idx) / idx * 100.0;
    }

    /** Proxy basis only: {@code (mark − index)/index × 100} for hours where both exist. */
    public static BasisSeries proxy(BarSeries mark, BarSeries index) {
        Checks.check(mark.market() == Market.MARK && index.market() == Market.INDEX, "need mark and index series");
        long iv = mark.interval().millis();
        int cap = Math.min(mark.size(), index.size());
        long[] t = new long[cap];
        double[] b = new double[cap];
        byte[] src = new byte[cap];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < mark.size() && j < index.size()) {
            long a = mark.openTimeMs(i);
            long c = index.openTimeMs(j);
            if (a == c) {
                t[n] = a + iv;
                b[n] = (mark.close(i) - index.close(j)) / index.close(j) * 100.0;
                src[n] = (byte) BasisSource.MARK_INDEX.ordinal();
                n++;
                i++;
                j++;
            } else if (a < c) {
                i++;
            } else {
                j++;
            }
        }
        return new BasisSeries(mark.symbol(), Arrays.copyOf(t, n), Arrays.copyOf(b, n), Arrays.copyOf(src, n), 0,
                iv);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return timeMs.length;
    }

    /** Availability time of observation i. */
    public long timeMs(int i) {
        return timeMs[i];
    }

    /** Basis in percent. */
    public double basisPct(int i) {
        return basisPct[i];
    }

    public BasisSource source(int i) {
        return BasisSource.values()[source[i]];
    }

    /** Raw column (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] values() {
        return basisPct;
    }

    /** Raw column of {@link BasisSource} ordinals (do not mutate). */
    public byte[] sources() {
        return source;
    }

    /** Bars of one leg without a partner in the other, inside the span both legs cover. */
    public int hoursWithoutPartner() {
        return hoursWithoutPartner;
    }

    /** Bar interval in ms the observations were computed at. */
    public long intervalMs() {
        return intervalMs;
    }

    /** Index of the last observation with time {@code <= ms}, or -1 (the as-of join). */
    public int asOf(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first observation with time {@code >= ms} (size() if none). */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Observations with time in {@code [fromInclusive, toExclusive)}. */
    public BasisSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new BasisSeries(symbol, Arrays.copyOfRange(timeMs, a, b), Arrays.copyOfRange(basisPct, a, b),
                Arrays.copyOfRange(source, a, b), hoursWithoutPartner, intervalMs);
    }
}
