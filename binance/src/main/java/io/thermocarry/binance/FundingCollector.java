package io.thermocarry.binance;

import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.Arrays;

/**
 * Validates funding rows of one symbol and accumulates the accepted ones in primitive columns.
 *
 * <p><b>Times are rounded to the nearest whole minute.</b> Binance's raw {@code fundingTime} carries a
 * few milliseconds of jitter ({@code 08:00:00.006}); sources that floor to the hour (freqtrade) and
 * sources that keep the jitter (REST, ElvisTV, zushen168) then agree on the settlement instant, and two
 * rows landing on the same minute are one settlement twice (a duplicate, rejected).
 *
 * <p><b>Interval</b> each rate covers: the source's own value when it has one (archive
 * {@code funding_interval_hours}, zushen168 {@code interval_hours}); otherwise the spacing to the
 * previous settlement rounded to whole hours when that is 1, 2, 4 or 8 h (the intervals Binance uses);
 * otherwise (first row, or after a gap) the previous event's interval, for the first row the next
 * spacing, and 8 h when nothing else applies ({@link FundingIntervals}).
 *
 * <p>Rates with {@code |rate| > 0.05} per interval are kept with a warning: they are far beyond any cap
 * Binance has used and usually mean the file is in percent, but real 0.3–0.75 % rates exist and stay.
 */
final class FundingCollector {
    static final int TIME = 0;
    static final int RATE = 1;
    static final int INTERVAL = 2;
    static final int MARK = 3;
    /** |rate| above this (fraction per interval) looks like a percent value. */
    static final double PERCENT_LOOKING = 0.05;
    static final long MINUTE_MS = 60_000L;
    static final long HOUR_MS = 3_600_000L;

    private final Problems problems;
    private long[] time = new long[256];
    private double[] rate = new double[256];
    private long[] interval = new long[256];
    private double[] mark = new double[256];
    private long[] line = new long[256];
    private int n;

    FundingCollector(Problems problems) {
        this.problems = problems;
    }

    /** Rounds epoch ms to the nearest whole minute (half a minute rounds up). */
    static long roundToMinute(long ms) {
        return Math.floorDiv(ms + MINUTE_MS / 2, MINUTE_MS) * MINUTE_MS;
    }

    /**
     * Validates one settlement; keeps it and returns true, or rejects it and returns false.
     *
     * @param rawTimeMs settlement time as the source has it (jitter included)
     * @param intervalMs interval from the source, or 0 to derive it from the spacing
     * @param markPrice mark price, NaN when the source has none; 0 is read as "none" (REST placeholder)
     */
    boolean add(long lineNo, long rawTimeMs, double r, long intervalMs, double markPrice, RowText row) {
        if (!Double.isFinite(r)) {
            problems.reject(lineNo, row.name(RATE) + " '" + row.text(RATE) + "' is not finite");
            return false;
        }
        if (intervalMs < 0) {
            problems.reject(lineNo, row.name(INTERVAL) + " '" + row.text(INTERVAL) + "' is not a positive interval");
            return false;
        }
        double m = markPrice == 0 ? Double.NaN : markPrice;
        if (!Double.isNaN(m) && !(m > 0 && Double.isFinite(m))) {
            problems.reject(lineNo, row.name(MARK) + " '" + row.text(MARK) + "' is not a positive price");
            return false;
        }
        long t = roundToMinute(rawTimeMs);
        if (n > 0 && t <= time[n - 1]) {
            problems.reject(lineNo, orderFault(t));
            return false;
        }
        if (n == time.length) {
            grow();
        }
        time[n] = t;
        rate[n] = r;
        interval[n] = intervalMs;
        mark[n] = m;
        line[n] = lineNo;
        n++;
        if (Math.abs(r) > PERCENT_LOOKING) {
            problems.warn(lineNo, "percent-looking funding rate: " + row.name(RATE) + " '" + row.text(RATE)
                    + "' (|rate| > " + PERCENT_LOOKING + " per interval; rates are fractions, 0.0001 = 1 bp): kept");
        }
        return true;
    }

    private String orderFault(long t) {
        int at = t == time[n - 1] ? n - 1 : Arrays.binarySearch(time, 0, n, t);
        if (at >= 0) {
            return "duplicate funding time " + Instant.ofEpochMilli(t) + " (rounded to the minute; first at line "
                    + line[at] + ")";
        }
        return "funding time " + Instant.ofEpochMilli(t) + " is earlier than " + Instant.ofEpochMilli(time[n - 1])
                + " at line " + line[n - 1] + ": out of order";
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        rate = Arrays.copyOf(rate, cap);
        interval = Arrays.copyOf(interval, cap);
        mark = Arrays.copyOf(mark, cap);
        line = Arrays.copyOf(line, cap);
    }

    int size() {
        return n;
    }

    /** The accepted settlements as a series with every interval resolved (null when none). */
    FundingSeries build(Symbol symbol) {
        if (n == 0) {
            return null;
        }
        long[] iv = Arrays.copyOf(interval, n);
        FundingIntervals.resolve(time, iv, n, Long.MIN_VALUE, 0);
        return new FundingSeries(symbol, Arrays.copyOf(time, n), Arrays.copyOf(rate, n), iv, Arrays.copyOf(mark, n));
    }
}
