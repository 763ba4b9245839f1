package io.thermocarry.binance;

import java.time.Instant;
import java.util.Arrays;

/**
 * Rows of one microstructure series as they are read, in file order: a time key, a secondary key (band,
 * update id, side...) and value columns, with their line numbers. {@link #order} then sorts them by
 * (time, secondary key), which is the rule for these sources: microstructure files come out of order
 * (aggregator exports, concatenated recordings), so rows are sorted with one warning rather than
 * rejected; exact repeats (recorders that wrote twice) are dropped with one warning; a key repeated with
 * different values is rejected, naming the line of the first.
 */
final class KeyedRows {
    private final int width;
    private long[] time = new long[256];
    private long[] sub = new long[256];
    private long[] line = new long[256];
    private double[] values;
    private int n;

    KeyedRows(int width) {
        this.width = width;
        this.values = new double[256 * width];
    }

    /** Adds a row; {@code v} holds {@code width} values (copied). */
    void add(long lineNo, long t, long secondary, double... v) {
        if (n == time.length) {
            int cap = n * 2;
            time = Arrays.copyOf(time, cap);
            sub = Arrays.copyOf(sub, cap);
            line = Arrays.copyOf(line, cap);
            values = Arrays.copyOf(values, cap * width);
        }
        time[n] = t;
        sub[n] = secondary;
        line[n] = lineNo;
        System.arraycopy(v, 0, values, n * width, width);
        n++;
    }

    int size() {
        return n;
    }

    long time(int i) {
        return time[i];
    }

    long secondary(int i) {
        return sub[i];
    }

    long line(int i) {
        return line[i];
    }

    double value(int i, int c) {
        return values[i * width + c];
    }

    /**
     * Row indexes sorted by (time, secondary key), repeats removed, with warnings and rejections reported to
     * {@code problems}.
     *
     * @param what the series, for messages ("book depth rows")
     * @param keyText names a row's key for messages
     */
    int[] order(Problems problems, String what, KeyText keyText) {
        int[] idx = new int[n];
        boolean sorted = true;
        long firstDisorder = -1;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            if (i > 0 && compare(i - 1, i) > 0) {
                if (sorted) {
                    firstDisorder = line[i];
                }
                sorted = false;
            }
        }
        if (!sorted) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            // stable: among equal keys the earlier line stays first, so "first at line" is right
            Arrays.sort(boxed, this::compare);
            int out = 0;
            int moved = 0;
            for (int i = 0; i < n; i++) {
                if (boxed[i] != i) {
                    moved++;
                }
                idx[out++] = boxed[i];
            }
            problems.warn(firstDisorder, what + " out of time order (first here; " + moved
                    + " rows moved): sorted by time");
        }
        int kept = 0;
        long dupes = 0;
        long firstDupe = -1;
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (kept > 0) {
                int prev = out[kept - 1];
                if (time[prev] == time[i] && sub[prev] == sub[i]) {
                    if (sameValues(prev, i)) {
                        if (dupes == 0) {
                            firstDupe = line[i];
                        }
                        dupes++;
                    } else {
                        problems.reject(line[i], "duplicate " + keyText.of(this, i) + " with different values (first at line "
                                + line[prev] + ")");
                    }
                    continue;
                }
            }
            out[kept++] = i;
        }
        if (dupes > 0) {
            problems.warn(firstDupe, dupes + " exact repeat" + (dupes > 1 ? "s" : "") + " of earlier " + what
                    + " (first here): dropped, kept once");
            problems.dropped(dupes);
        }
        return Arrays.copyOf(out, kept);
    }

    private int compare(int a, int b) {
        int c = Long.compare(time[a], time[b]);
        return c != 0 ? c : Long.compare(sub[a], sub[b]);
    }

    private boolean sameValues(int a, int b) {
        for (int c = 0; c < width; c++) {
            if (Double.compare(values[a * width + c], values[b * width + c]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Describes a row's key for messages. */
    @FunctionalInterface
    interface KeyText {
        String of(KeyedRows rows, int i);

        /** "time 2023-10-16T00:00:13Z". */
        static KeyText time() {
            return (r, i) -> "time " + Instant.ofEpochMilli(r.time(i));
        }
    }
}
