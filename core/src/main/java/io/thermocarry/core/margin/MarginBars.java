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
    private final long durationMs;
    private final double[] perpOpen;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] spotOpen;
    private final double[] spotClose;
    private final int markBars;

    /**
     * Column constructor (arrays owned by the instance; equal lengths, increasing open times); {@code closeMs} may
     * be null when every bar lasts {@code durationMs}.
     */
    public MarginBars(long[] openMs, long durationMs, double[] perpOpen, double[] high, double[] low, double[] close,
            double[] spotOpen, double[] spotClose, int markBars) {
        this(openMs, null, durationMs, perpOpen, high, low, close, spotOpen, spotClose, markBars);
    }

    /** Column constructor (arrays owned by the instance; equal lengths, increasing open times). */
    public MarginBars(long[] openMs, long[] closeMs, double[] perpOpen, double[] high, double[] low, double[] close,
            double[] spotOpen, double[] spotClose, int markBars) {
        this(openMs, Checks.notNull(closeMs, "closeMs"), 0L, perpOpen, high, low, close, spotOpen, spotClose,
                markBars);
    }

    private MarginBars(long[] openMs, long[] closeMs, long durationMs, double[] perpOpen, double[] high, double[] low,
            double[] close, double[] spotOpen, double[] spotClose, int markBars) {
        int n = openMs.length;
        Checks.check((closeMs == null || closeMs.length == n) && perpOpen.length == n && high.length == n && low.length == n
                && close.length == n && spotOpen.length == n && spotClose.length == n, "column lengths differ");
        for (int i = 1; i < n; i++) {
            if (openMs[i] <= openMs[i - 1]) {
                throw new IllegalArgumentException("open times not increasing at " + i);
            }
        }
        this.openMs = openMs;
        this.closeMs = closeMs;
        this.durationMs = durationMs;
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
        // columns are shared with the series where nothing needs substituting (no copy on the common path)
        double[] po = perp.opens();
        double[] h = perp.highs();
        double[] l = perp.lows();
        double[] c = perp.closes();
        int marks = 0;
        if (mark != null && !mark.isEmpty()) {
            h = h.clone();
            l = l.clone();
            c = c.clone();
            long[] mt = mark.openTimes();
            int mi = 0;
            for (int i = 0; i < n; i++) {
                while (mi < mt.length && mt[mi] < t[i]) {
                    mi++;
                }
                if (mi < mt.length && mt[mi] == t[i]) {
                    h[i] = mark.highs()[mi];
                    l[i] = mark.lows()[mi];
                    c[i] = mark.closes()[mi];
                    marks++;
                }
            }
        }
        double[] so;
        double[] sc;
        if (spot != null && java.util.Arrays.equals(spot.openTimes(), t)) {
            so = spot.opens();
            sc = spot.closes();
        } else {
            so = new double[n];
            sc = new double[n];
            long[] st = spot == null ? new long[0] : spot.openTimes();
            int si = -1;
            for (int i = 0; i < n; i++) {
                while (si + 1 < st.length && st[si + 1] <= t[i]) {
                    si++;
                }
                if (si >= 0) {
                    so[i] = st[si] == t[i] ? spot.opens()[si] : spot.closes()[si];
                    sc[i] = spot.closes()[si];
                } else {
                    so[i] = po[i];
                    sc[i] = perp.closes()[i];
                }
            }
        }
        return new MarginBars(t, dur, po, h, l, c, so, sc, marks);
    }

    /**
     * Per cycle {@code [starts[k], ends[k])}: its bar range and the bars holding its extremes (the first bar of each
     * extreme), so a cycle whose extremes are safe is checked in O(1).
     */
    public CycleExtremes extremes(long[] starts, long[] ends) {
        int m = starts.length;
        int[] from = new int[m];
        int[] to = new int[m];
        int[] maxHigh = new int[m];
        int[] minLow = new int[m];
        int[] maxLow = new int[m];
        int[] maxClose = new int[m];
        int[] minClose = new int[m];
        double[] inverse = new double[m];
        for (int k = 0; k < m; k++) {
            int a = lowerBound(starts[k]);
            int b = lowerBound(ends[k]);
            from[k] = a;
            to[k] = b;
            int ih = a;
            int il = a;
            int ilx = a;
            int icx = a;
            int icn = a;
            if (a < b) {
                double vh = high[a];
                double vl = low[a];
                double vlx = vl;
                double vcx = close[a];
                double vcn = vcx;
                for (int j = a + 1; j < b; j++) {
                    double h = high[j];
                    double l = low[j];
                    double c = close[j];
                    if (h > vh) {
                        vh = h;
                        ih = j;
                    }
                    if (l < vl) {
                        vl = l;
                        il = j;
                    }
                    if (l > vlx) {
                        vlx = l;
                        ilx = j;
                    }
                    if (c > vcx) {
                        vcx = c;
                        icx = j;
                    }
                    if (c < vcn) {
                        vcn = c;
                        icn = j;
                    }
                }
            }
            inverse[k] = a < b ? 1.0 / perpOpen[a] : Double.NaN;
            maxHigh[k] = ih;
            minLow[k] = il;
            maxLow[k] = ilx;
            maxClose[k] = icx;
            minClose[k] = icn;
        }
        return new CycleExtremes(from, to, maxHigh, minLow, maxLow, maxClose, minClose, inverse);
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
        return closeMs != null ? closeMs[i] : openMs[i] + durationMs;
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
