package io.thermocarry.binance;

import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.Arrays;

/**
 * Validates open-interest rows of one symbol and accumulates the accepted ones in primitive columns: open interest
 * finite and {@code >= 0}; its USDT value finite and {@code >= 0} when given; times strictly increasing (a repeat is
 * a duplicate naming the first line).
 */
final class OpenInterestCollector {
    static final int TIME = 0;
    static final int OPEN_INTEREST = 1;
    static final int VALUE = 2;

    private final Problems problems;
    private long[] time = new long[256];
    private double[] oi = new double[256];
    private double[] value = new double[256];
    private long[] line = new long[256];
    private int n;

    OpenInterestCollector(Problems problems) {
        this.problems = problems;
    }

    /** Validates one snapshot; keeps it and returns true, or rejects it and returns false. */
    boolean add(long lineNo, long timeMs, double openInterest, double valueUsdt, RowText row) {
        if (!(Double.isFinite(openInterest) && openInterest >= 0)) {
            problems.reject(lineNo, row.name(OPEN_INTEREST) + " '" + row.text(OPEN_INTEREST)
                    + "' is not a finite amount >= 0");
            return false;
        }
        if (!Double.isNaN(valueUsdt) && !(Double.isFinite(valueUsdt) && valueUsdt >= 0)) {
            problems.reject(lineNo, row.name(VALUE) + " '" + row.text(VALUE) + "' is not a finite amount >= 0");
            return false;
        }
        if (n > 0 && timeMs <= time[n - 1]) {
            int at = timeMs == time[n - 1] ? n - 1 : Arrays.binarySearch(time, 0, n, timeMs);
            problems.reject(lineNo, at >= 0
                    ? "duplicate open-interest time " + Instant.ofEpochMilli(timeMs) + " (first at line " + line[at] + ")"
                    : "open-interest time " + Instant.ofEpochMilli(timeMs) + " is earlier than "
                            + Instant.ofEpochMilli(time[n - 1]) + " at line " + line[n - 1] + ": out of order");
            return false;
        }
        if (n == time.length) {
            int cap = n * 2;
            time = Arrays.copyOf(time, cap);
            oi = Arrays.copyOf(oi, cap);
            value = Arrays.copyOf(value, cap);
            line = Arrays.copyOf(line, cap);
        }
        time[n] = timeMs;
        oi[n] = openInterest;
        value[n] = valueUsdt;
        line[n] = lineNo;
        n++;
        return true;
    }

    /** The accepted snapshots, or null when none. */
    OpenInterestSeries build(Symbol symbol) {
        return n == 0 ? null : new OpenInterestSeries(symbol, Arrays.copyOf(time, n), Arrays.copyOf(oi, n),
                Arrays.copyOf(value, n));
    }
}
