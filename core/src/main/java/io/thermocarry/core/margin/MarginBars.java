package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;

/**
 * The bars the margin path walks (SPEC §13, §15), in column form: for each perp bar its open/close times, the
 * perp open (the price the leg is struck at), the worst-case high and low (the mark price's where a mark bar
 * with the same open time exists, the perp's otherwise) and the close used for transfers, and the spot leg's
 * open and close (as of the bar: the last spot bar opened at or before it; the perp's where no spot bar came
 * yet). Any resolution: 1 h for the cycle engine's hourly path, 1 m for the minute path.
 */
public final class MarginBars {
    private final long[] openMs;
    private final long[] closeMs;
    private final double[] perpOpen;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] spotOpen;
    private final double[] spotClose;
    private final int markBars;

    /** Column constructor (arrays owned by the instance; equal lengths, increasing open times). */
    public MarginBars(long[] openMs, long[] closeMs, double[] perpOpen, double[] high, double[] low, double[] close,
            double[] spotOpen, double[] spotClose, int markBars) {
        int n = openMs.length;
        Checks.check(closeMs.length == n && perpOpen.length == n && high.length == n && low.length == n
                && close.length == n && spotOpen.length == n && spotClose.length == n, "column lengths differ");
        for (int i = 1; i < n; i++) {
            Checks.check(openMs[i] > openMs[i - 1], "open times not increasing at " + i);
        }
        this.openMs = openMs;
        this.closeMs = closeMs;
        this.perpOpen = perpOpen;
        this.high = high;
        this.low = low;
        this.close = close;
        this.spotOpen = spotOpen;
        this.spotClose = spotClose;
        this.markBars = markBars;
    }

    /**
     * Aligns perp, spot and (optional, may be null or empty) mark bars of one interval on the perp's open times.
     */
    public static MarginBars of(BarSeries perp, BarSeries spot, BarSeries mark) {
        int n = perp.size();
        long dur = perp.interval().duration().toMillis();
        long[] t = perp.openTimes();
        long[] tc = new long[n];
        double[] po = perp.opens();
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] so = new double[n];
        double[] sc = new double[n];
        long[] st = spot == null ? new long[0] : spot.openTimes();
        long[] mt = mark == null ? new long[0] : mark.openTimes();
        int si = -1;
        int mi = 0;
        int marks = 0;
        for (int i = 0; i < n; i++) {
            tc[i] = t[i] + dur;
            while (si + 1 < st.length && st[si + 1] <= t[i]) {
                si++;
            }
            if (si >= 0) {
                boolean same = st[si] == t[i];
                so[i] = same ? spot.opens()[si] : spot.closes()[si];
                sc[i] = spot.closes()[si];
            } else {
                so[i] = po[i];
                sc[i] = perp.closes()[i];
            }
            while (mi < mt.length && mt[mi] < t[i]) {
                mi++;
            }
            if (mi < mt.length && mt[mi] == t[i]) {
                h[i] = mark.highs()[mi];
                l[i] = mark.lows()[mi];
                c[i] = mark.closes()[mi];
                marks++;
            } else {
                h[i] = perp.highs()[i];
                l[i] = perp.lows()[i];
                c[i] = perp.closes()[i];
            }
        }
        return new MarginBars(t, tc, po, h, l, c, so, sc, marks);
    }

    /** Number of bars. */
    public int size() {
        return openMs.length;
    }

    /** Bars whose worst case came from the mark price. */
    public int markBars() {
        return markBars;
    }

    /** First bar index with open time {@code >= ms} ({@link #size()} if none). */
    public int lowerBound(long ms) {
        int lo = 0;
        int hi = openMs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openMs[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public long openMs(int i) {
        return openMs[i];
    }

    public long closeMs(int i) {
        return closeMs[i];
    }

    public double perpOpen(int i) {
        return perpOpen[i];
    }

    /** Worst-case high of bar {@code i} (mark where present). */
    public double high(int i) {
        return high[i];
    }

    /** Worst-case low of bar {@code i} (mark where present). */
    public double low(int i) {
        return low[i];
    }

    /** Close of bar {@code i} (mark where present). */
    public double close(int i) {
        return close[i];
    }

    public double spotOpen(int i) {
        return spotOpen[i];
    }

    public double spotClose(int i) {
        return spotClose[i];
    }
}
