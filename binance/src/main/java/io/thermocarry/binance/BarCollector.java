package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.PlaceholderCandles;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.Arrays;

/**
 * Validates kline rows and accumulates the accepted ones in growable primitive columns. Row rules
 * (each failure rejects the row, naming column and value): finite values; prices strictly positive
 * unless the market allows otherwise (premium index); {@code low <= min(open, close)} and
 * {@code high >= max(open, close)} and {@code high >= low}; volume not negative; open time on the
 * interval's UTC grid (Binance aligns every interval up to 1 d to the epoch, so an off-grid bar means a
 * wrong interval or a corrupt time); open time strictly after the previous accepted row (an exact
 * repeat is a duplicate and names the first line, an earlier time is out of order).
 */
final class BarCollector {
    static final int TIME = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int VOLUME = 5;
    /** Gap warnings listed one by one per series before a single summary takes over. */
    static final int GAP_WARNINGS_LISTED = 20;

    private final Problems problems;
    private final Market market;
    private long[] time = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private long[] line = new long[1024];
    private int n;
    private BarInterval grid;

    BarCollector(Problems problems, Market market) {
        this.problems = problems;
        this.market = market;
    }

    /** Sets the interval whose grid open times must sit on; call before the first {@link #add}. */
    void grid(BarInterval interval) {
        this.grid = interval;
    }

    /** Validates one row; keeps it and returns true, or rejects it and returns false. */
    boolean add(long lineNo, long timeMs, double o, double h, double l, double c, double v, RowText row) {
        String fault = valueFault(o, h, l, c, v, row);
        if (fault != null) {
            problems.reject(lineNo, fault);
            return false;
        }
        if (grid != null && Math.floorMod(timeMs, grid.millis()) != 0) {
            problems.reject(lineNo, row.name(TIME) + " " + Instant.ofEpochMilli(timeMs) + " is not on the "
                    + grid.code() + " grid (wrong interval?)");
            return false;
        }
        if (n > 0 && timeMs <= time[n - 1]) {
            problems.reject(lineNo, orderFault(timeMs));
            return false;
        }
        if (n == time.length) {
            grow();
        }
        time[n] = timeMs;
        open[n] = o;
        high[n] = h;
        low[n] = l;
        close[n] = c;
        volume[n] = v;
        line[n] = lineNo;
        n++;
        return true;
    }

    private String valueFault(double o, double h, double l, double c, double v, RowText row) {
        if (!Double.isFinite(o)) {
            return notFinite(row, OPEN);
        }
        if (!Double.isFinite(h)) {
            return notFinite(row, HIGH);
        }
        if (!Double.isFinite(l)) {
            return notFinite(row, LOW);
        }
        if (!Double.isFinite(c)) {
            return notFinite(row, CLOSE);
        }
        if (!Double.isFinite(v)) {
            return notFinite(row, VOLUME);
        }
        if (market.positivePrices()) {
            if (!(o > 0)) {
                return notPositive(row, OPEN);
            }
            if (!(h > 0)) {
                return notPositive(row, HIGH);
            }
            if (!(l > 0)) {
                return notPositive(row, LOW);
            }
            if (!(c > 0)) {
                return notPositive(row, CLOSE);
            }
        }
        if (h < l) {
            return compare(row, HIGH, " < ", LOW);
        }
        if (h < o) {
            return compare(row, HIGH, " < ", OPEN);
        }
        if (h < c) {
            return compare(row, HIGH, " < ", CLOSE);
        }
        if (l > o) {
            return compare(row, LOW, " > ", OPEN);
        }
        if (l > c) {
            return compare(row, LOW, " > ", CLOSE);
        }
        if (v < 0) {
            return row.name(VOLUME) + " '" + row.text(VOLUME) + "' is negative";
        }
        return null;
    }

    private static String notFinite(RowText row, int f) {
        return row.name(f) + " '" + row.text(f) + "' is not finite";
    }

    private static String notPositive(RowText row, int f) {
        return row.name(f) + " '" + row.text(f) + "' is not a positive price";
    }

    private static String compare(RowText row, int a, String op, int b) {
        return row.name(a) + " '" + row.text(a) + "'" + op + row.name(b) + " '" + row.text(b) + "'";
    }

    private String orderFault(long t) {
        int at = t == time[n - 1] ? n - 1 : Arrays.binarySearch(time, 0, n, t);
        if (at >= 0) {
            return "duplicate open time " + Instant.ofEpochMilli(t) + " (first at line " + line[at] + ")";
        }
        return "open time " + Instant.ofEpochMilli(t) + " is earlier than " + Instant.ofEpochMilli(time[n - 1])
                + " at line " + line[n - 1] + ": out of order";
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
        line = Arrays.copyOf(line, cap);
    }

    /** Rows kept so far. */
    int size() {
        return n;
    }

    /** Line of the first kept row (0 when none). */
    long firstLine() {
        return n > 0 ? line[0] : 0;
    }

    /** Open time of the first kept row. */
    long firstTime() {
        return time[0];
    }

    /**
     * The accepted rows as a series (null when none), with warnings for leading placeholder candles and
     * for gaps on the interval grid (rows kept; the store flags placeholders and reports gaps).
     */
    BarSeries build(Symbol symbol, BarInterval interval) {
        if (n == 0) {
            return null;
        }
        BarSeries s = new BarSeries(symbol, market, interval, Arrays.copyOf(time, n), Arrays.copyOf(open, n),
                Arrays.copyOf(high, n), Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
        int placeholders = PlaceholderCandles.leadingCount(s);
        if (placeholders > 0) {
            problems.warn(line[0], placeholders + " leading placeholder candle" + (placeholders > 1 ? "s" : "")
                    + " (flat, volume < " + PlaceholderCandles.MAX_VOLUME + ") from " + Instant.ofEpochMilli(time[0])
                    + " to " + Instant.ofEpochMilli(time[placeholders - 1])
                    + ": kept; the store flags them and basis computations leave them out");
        }
        warnGaps(interval);
        return s;
    }

    private void warnGaps(BarInterval interval) {
        long step = interval.millis();
        int gaps = 0;
        long missing = 0;
        for (int i = 1; i < n; i++) {
            long d = time[i] - time[i - 1];
            if (d > step) {
                long m = d / step - 1 + (d % step != 0 ? 1 : 0);
                gaps++;
                missing += m;
                if (gaps <= GAP_WARNINGS_LISTED) {
                    problems.warn(line[i], "gap: " + m + " missing " + interval.code() + " bar" + (m > 1 ? "s" : "")
                            + " between " + Instant.ofEpochMilli(time[i - 1]) + " and " + Instant.ofEpochMilli(time[i]));
                }
            }
        }
        if (gaps > GAP_WARNINGS_LISTED) {
            problems.warn(line[0], gaps + " gaps in all (" + missing + " missing " + interval.code()
                    + " bars); the first " + GAP_WARNINGS_LISTED + " are listed");
        }
    }
}
