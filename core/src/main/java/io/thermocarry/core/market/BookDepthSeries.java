package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.Arrays;

/**
 * Snapshots of the USD-M futures {@code bookDepth} archive of one symbol in column form (SPEC §8): at each
 * snapshot time, the <em>cumulative</em> size of the book inside bands of {@code ±p %} around the mid price
 * (negative {@code p} = bid side, positive = ask side). These are bands, not price levels: the row for
 * {@code −2} includes everything in the row for {@code −1}.
 *
 * <p>Rows are sorted by time, then by band; one snapshot is the run of rows sharing a time. A snapshot is
 * available at its own time (the archive's {@code timestamp}, UTC).
 *
 * <p>Columns: {@code timeMs} epoch ms; {@code percentage} the signed band in percent of mid (the archive's
 * {@code -5} and {@code -5.00} are the same band); {@code depth} cumulative size in base asset (BTC for
 * BTCUSDT); {@code notional} cumulative size in quote currency (USDT). Arrays are owned by the series.
 */
public final class BookDepthSeries {
    private final Symbol symbol;
    private final long[] timeMs;
    private final double[] percentage;
    private final double[] depth;
    private final double[] notional;

    /** Column constructor; validates order (time, then band strictly increasing) and finite, non-negative sizes. */
    public BookDepthSeries(Symbol symbol, long[] timeMs, double[] percentage, double[] depth, double[] notional) {
        this.symbol = Checks.notNull(symbol, "symbol");
        int n = timeMs.length;
        Checks.check(percentage.length == n && depth.length == n && notional.length == n, "column lengths differ");
        for (int i = 0; i < n; i++) {
            Checks.check(Double.isFinite(percentage[i]) && percentage[i] != 0,
                    "band must be finite and non-zero at index " + i + ", was " + percentage[i]);
            Checks.check(depth[i] >= 0 && Double.isFinite(depth[i]), "depth must be finite and >= 0 at index " + i);
            Checks.check(notional[i] >= 0 && Double.isFinite(notional[i]),
                    "notional must be finite and >= 0 at index " + i);
            if (i > 0) {
                boolean ok = timeMs[i] > timeMs[i - 1] || (timeMs[i] == timeMs[i - 1] && percentage[i] > percentage[i - 1]);
                Checks.check(ok, "rows not sorted by (time, band) at index " + i + ": "
                        + Instant.ofEpochMilli(timeMs[i]) + " band " + percentage[i]);
            }
        }
        this.timeMs = timeMs;
        this.percentage = percentage;
        this.depth = depth;
        this.notional = notional;
    }

    /** An empty series. */
    public static BookDepthSeries empty(Symbol symbol) {
        return new BookDepthSeries(symbol, new long[0], new double[0], new double[0], new double[0]);
    }

    public Symbol symbol() {
        return symbol;
    }

    /** Rows (one per snapshot and band). */
    public int size() {
        return timeMs.length;
    }

    public boolean isEmpty() {
        return timeMs.length == 0;
    }

    /** Snapshot time of row i, epoch ms. */
    public long timeMs(int i) {
        return timeMs[i];
    }

    /** Band of row i, signed percent of mid. */
    public double percentage(int i) {
        return percentage[i];
    }

    /** Cumulative base-asset size inside the band of row i. */
    public double depth(int i) {
        return depth[i];
    }

    /** Cumulative quote (USDT) size inside the band of row i. */
    public double notional(int i) {
        return notional[i];
    }

    /** Raw column (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] percentages() {
        return percentage;
    }

    /** Raw column (do not mutate). */
    public double[] depths() {
        return depth;
    }

    /** Raw column (do not mutate). */
    public double[] notionals() {
        return notional;
    }

    /** Number of distinct snapshot times. */
    public int snapshots() {
        int s = 0;
        for (int i = 0; i < timeMs.length; i++) {
            if (i == 0 || timeMs[i] != timeMs[i - 1]) {
                s++;
            }
        }
        return s;
    }

    /** Rows with time in {@code [fromInclusiveMs, toExclusiveMs)}. */
    public BookDepthSeries slice(long fromInclusiveMs, long toExclusiveMs) {
        int a = lowerBound(fromInclusiveMs);
        int b = Math.max(a, lowerBound(toExclusiveMs));
        return new BookDepthSeries(symbol, Arrays.copyOfRange(timeMs, a, b), Arrays.copyOfRange(percentage, a, b),
                Arrays.copyOfRange(depth, a, b), Arrays.copyOfRange(notional, a, b));
    }

    /** Index of the first row with time {@code >= ms}. */
    public int lowerBound(long ms) {
        int lo = 0;
        int hi = timeMs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeMs[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "BookDepthSeries[" + symbol + " rows=" + size() + " snapshots=" + snapshots() + "]";
    }
}
