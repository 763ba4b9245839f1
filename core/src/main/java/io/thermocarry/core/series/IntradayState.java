package io.thermocarry.core.series;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.util.Arrays;

/**
 * The intraday state of one symbol at each close of its state bars (1 m, or 5 m where 1 m is absent; SPEC
 * §15), in column form: the spot/perp pair grid (bars of both legs with the same open time, inner join) with
 * each leg's open and close, and per bar, available at its close {@code t_i = open_i + interval}:
 * <ul>
 *   <li>spot–perp basis {@code b_i = (P_close − S_close)/S_close × 100} (percent of spot, SPEC §2);</li>
 *   <li>mark–index basis {@code (mark − index)/index × 100} from mark and index bars with the same open time,
 *       NaN where either is absent;</li>
 *   <li>the rolling median and interquartile range of {@code b} over the observations with close time in
 *       {@code (t_i − W, t_i]} ({@link RollingQuantiles}: incremental, causal), and how many there were. Before
 *       the window holds half its nominal count {@code W / interval} both are NaN (warm-up);</li>
 *   <li>the mark close of the same open time (NaN where absent), for funding at a settlement.</li>
 * </ul>
 * Nothing at index {@code i} depends on a bar that closes after {@code t_i}. Arrays are owned by the state (the
 * raw accessors return them: do not mutate).
 */
public final class IntradayState {
    private final Symbol symbol;
    private final BarInterval interval;
    private final long windowMs;
    private final long[] openMs;
    private final double[] perpOpen;
    private final double[] perpClose;
    private final double[] spotOpen;
    private final double[] spotClose;
    private final double[] basis;
    private final double[] markIndex;
    private final double[] markClose;
    private final double[] median;
    private final double[] iqr;
    private final int[] count;
    private final int unmatched;

    private IntradayState(Symbol symbol, BarInterval interval, long windowMs, long[] openMs, double[] perpOpen,
            double[] perpClose, double[] spotOpen, double[] spotClose, double[] basis, double[] markIndex,
            double[] markClose, double[] median, double[] iqr, int[] count, int unmatched) {
        this.symbol = symbol;
        this.interval = interval;
        this.windowMs = windowMs;
        this.openMs = openMs;
        this.perpOpen = perpOpen;
        this.perpClose = perpClose;
        this.spotOpen = spotOpen;
        this.spotClose = spotClose;
        this.basis = basis;
        this.markIndex = markIndex;
        this.markClose = markClose;
        this.median = median;
        this.iqr = iqr;
        this.count = count;
        this.unmatched = unmatched;
    }

    /**
     * Builds the state.
     *
     * @param perp perp bars at the state interval
     * @param spot spot bars at the same interval
     * @param mark mark-price bars at the same interval, or null / empty
     * @param index index-price bars at the same interval, or null / empty
     * @param medianWindow window {@code W} of the rolling median and dispersion (a multiple of the interval)
     */
    public static IntradayState build(BarSeries perp, BarSeries spot, BarSeries mark, BarSeries index,
            Duration medianWindow) {
        Checks.notNull(perp, "perp");
        Checks.notNull(spot, "spot");
        Checks.check(perp.market() == Market.PERP && spot.market() == Market.SPOT, "need perp and spot bars");
        Checks.check(perp.interval() == spot.interval(), "perp and spot intervals differ: "
                + perp.interval().code() + " and " + spot.interval().code());
        Checks.positive(Checks.notNull(medianWindow, "medianWindow"), "medianWindow");
        BarInterval iv = perp.interval();
        long step = iv.millis();
        long w = medianWindow.toMillis();
        Checks.check(w % step == 0, "median window " + medianWindow + " is not a multiple of " + iv.code());
        checkSameInterval(mark, Market.MARK, iv);
        checkSameInterval(index, Market.INDEX, iv);
        int np = perp.size();
        int ns = spot.size();
        long[] pt = perp.openTimes();
        long[] st = spot.openTimes();
        long[] t;
        double[] po;
        double[] pc;
        double[] so;
        double[] sc;
        int n;
        int lone = 0;
        if (Arrays.equals(pt, st)) {
            // the common case: both legs on the same grid; share the (immutable) columns
            n = np;
            t = pt;
            po = perp.opens();
            pc = perp.closes();
            so = spot.opens();
            sc = spot.closes();
        } else {
            int cap = Math.min(np, ns);
            t = new long[cap];
            po = new double[cap];
            pc = new double[cap];
            so = new double[cap];
            sc = new double[cap];
            n = 0;
            int i = 0;
            int j = 0;
            while (i < np && j < ns) {
                if (pt[i] == st[j]) {
                    t[n] = pt[i];
                    po[n] = perp.open(i);
                    pc[n] = perp.close(i);
                    so[n] = spot.open(j);
                    sc[n] = spot.close(j);
                    n++;
                    i++;
                    j++;
                } else if (pt[i] < st[j]) {
                    lone++;
                    i++;
                } else {
                    lone++;
                    j++;
                }
            }
            lone += (np - i) + (ns - j);
            t = Arrays.copyOf(t, n);
            po = Arrays.copyOf(po, n);
            pc = Arrays.copyOf(pc, n);
            so = Arrays.copyOf(so, n);
            sc = Arrays.copyOf(sc, n);
        }
        double[] b = new double[n];
        double[] med = new double[n];
        double[] q = new double[n];
        int[] cnt = new int[n];
        int nominal = (int) (w / step);
        int minCount = Math.max(1, (nominal + 1) / 2);
        RollingQuantiles window = new RollingQuantiles(w, nominal + 1);
        for (int k = 0; k < n; k++) {
            double x = (pc[k] - sc[k]) / sc[k] * 100.0;
            b[k] = x;
            window.add(t[k] + step, x);
            int c = window.size();
            cnt[k] = c;
            if (c >= minCount) {
                med[k] = window.median();
                q[k] = window.interquartileRange();
            } else {
                med[k] = Double.NaN;
                q[k] = Double.NaN;
            }
        }
        double[] mc = alignedCloses(mark, t);
        double[] ic = alignedCloses(index, t);
        double[] mi = null;
        if (mc != null && ic != null) {
            mi = new double[n];
            for (int k = 0; k < n; k++) {
                mi[k] = (mc[k] - ic[k]) / ic[k] * 100.0;
            }
        }
        return new IntradayState(perp.symbol(), iv, w, t, po, pc, so, sc, b, mi, mc, med, q, cnt, lone);
    }

    private static void checkSameInterval(BarSeries s, Market m, BarInterval iv) {
        if (s != null && !s.isEmpty()) {
            Checks.check(s.market() == m, "expected " + m.code() + " bars, got " + s.market().code());
            Checks.check(s.interval() == iv, m.code() + " bars are " + s.interval().code() + ", the state is "
                    + iv.code());
        }
    }

    /**
     * Closes of {@code s} at the open times {@code t} (a merge; NaN where {@code s} has no such bar), or null when
     * {@code s} is absent.
     */
    private static double[] alignedCloses(BarSeries s, long[] t) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        double[] out = new double[t.length];
        Arrays.fill(out, Double.NaN);
        long[] st = s.openTimes();
        int j = 0;
        for (int k = 0; k < t.length; k++) {
            while (j < st.length && st[j] < t[k]) {
                j++;
            }
            if (j < st.length && st[j] == t[k]) {
                out[k] = s.close(j);
            }
        }
        return out;
    }

    /** Symbol. */
    public Symbol symbol() {
        return symbol;
    }

    /** Interval of the state bars. */
    public BarInterval interval() {
        return interval;
    }

    /** Window {@code W} of the rolling median and dispersion, ms. */
    public long medianWindowMs() {
        return windowMs;
    }

    /** Bars of the pair grid. */
    public int size() {
        return openMs.length;
    }

    /** Open time of pair bar {@code i}, epoch ms. */
    public long openMs(int i) {
        return openMs[i];
    }

    /** Close (availability) time of pair bar {@code i}, epoch ms. */
    public long closeMs(int i) {
        return openMs[i] + interval.millis();
    }

    /** Perp open of bar {@code i} (price). */
    public double perpOpen(int i) {
        return perpOpen[i];
    }

    /** Perp close of bar {@code i} (price). */
    public double perpClose(int i) {
        return perpClose[i];
    }

    /** Spot open of bar {@code i} (price). */
    public double spotOpen(int i) {
        return spotOpen[i];
    }

    /** Spot close of bar {@code i} (price). */
    public double spotClose(int i) {
        return spotClose[i];
    }

    /** Spot–perp basis at the close of bar {@code i}, percent. */
    public double basisPct(int i) {
        return basis[i];
    }

    /** Mark–index basis at the close of bar {@code i}, percent; NaN without mark and index bars. */
    public double markIndexPct(int i) {
        return markIndex == null ? Double.NaN : markIndex[i];
    }

    /** Mark close of the bar with the same open time, NaN where absent. */
    public double markClose(int i) {
        return markClose == null ? Double.NaN : markClose[i];
    }

    /** Rolling median of the spot–perp basis at the close of bar {@code i}, percent; NaN in the warm-up. */
    public double medianPct(int i) {
        return median[i];
    }

    /** Rolling interquartile range of the spot–perp basis at the close of bar {@code i}, percent points. */
    public double dispersionPct(int i) {
        return iqr[i];
    }

    /** Observations in the rolling window at the close of bar {@code i}. */
    public int windowCount(int i) {
        return count[i];
    }

    /** Bars of one leg without a partner bar in the other. */
    public int unmatchedBars() {
        return unmatched;
    }

    /** Grid slots between the first and the last pair bar with no pair bar (data gaps). */
    public long missingBars() {
        int n = openMs.length;
        return n < 2 ? 0 : (openMs[n - 1] - openMs[0]) / interval.millis() + 1 - n;
    }

    /** Index of the last bar whose close is at or before {@code ms}, or {@code -1}. */
    public int asOfClose(long ms) {
        int i = Arrays.binarySearch(openMs, ms - interval.millis());
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first bar whose open is at or after {@code ms} ({@link #size()} if none). */
    public int firstOpenAtOrAfter(long ms) {
        int i = Arrays.binarySearch(openMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Raw column of open times (do not mutate). */
    public long[] openTimes() {
        return openMs;
    }

    /** Raw column (do not mutate). */
    public double[] perpOpens() {
        return perpOpen;
    }

    /** Raw column (do not mutate). */
    public double[] perpCloses() {
        return perpClose;
    }

    /** Raw column (do not mutate). */
    public double[] spotOpens() {
        return spotOpen;
    }

    /** Raw column (do not mutate). */
    public double[] spotCloses() {
        return spotClose;
    }

    /** Raw column (do not mutate). */
    public double[] basisValues() {
        return basis;
    }

    /** Raw column (do not mutate). */
    public double[] medians() {
        return median;
    }

    /** Raw column (do not mutate). */
    public double[] dispersions() {
        return iqr;
    }
}
