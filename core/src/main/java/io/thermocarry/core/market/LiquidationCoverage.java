package io.thermocarry.core.market;

import io.thermocarry.core.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The periods a liquidation source watched: without them, an interval with no liquidation row cannot be
 * told apart from an interval nobody recorded (SPEC §8: "not evaluated", never a silent zero).
 *
 * <p>Spans are half-open {@code [fromMs, toMs)}, sorted, non-overlapping. {@code scope} is the one symbol the
 * source watched, or null for a source that watched every USD-M symbol (the all-market {@code !forceOrder@arr}
 * stream); a symbol's coverage is the union of its own and the all-market spans. Arrays are owned.
 */
public final class LiquidationCoverage {
    private final Symbol scope;
    private final long[] fromMs;
    private final long[] toMs;

    /** Validates sorted, non-empty, non-overlapping spans. */
    public LiquidationCoverage(Symbol scope, long[] fromMs, long[] toMs) {
        this.scope = scope;
        Checks.check(fromMs.length == toMs.length, "column lengths differ");
        for (int i = 0; i < fromMs.length; i++) {
            Checks.check(toMs[i] > fromMs[i], "coverage span " + i + " is empty or reversed");
            Checks.check(i == 0 || fromMs[i] >= toMs[i - 1], "coverage spans overlap at " + i);
        }
        this.fromMs = fromMs;
        this.toMs = toMs;
    }

    /**
     * Merges possibly unsorted, overlapping or touching spans into a coverage.
     *
     * @param scope the watched symbol, or null for every symbol
     */
    public static LiquidationCoverage merge(Symbol scope, long[] from, long[] to) {
        int n = from.length;
        Checks.check(to.length == n, "column lengths differ");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(from[a], from[b]));
        List<long[]> out = new ArrayList<>();
        for (Integer i : order) {
            Checks.check(to[i] > from[i], "coverage span is empty or reversed at " + Instant.ofEpochMilli(from[i]));
            if (!out.isEmpty() && from[i] <= out.get(out.size() - 1)[1]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], to[i]);
            } else {
                out.add(new long[] {from[i], to[i]});
            }
        }
        long[] f = new long[out.size()];
        long[] t = new long[out.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.get(i)[0];
            t[i] = out.get(i)[1];
        }
        return new LiquidationCoverage(scope, f, t);
    }

    /** The symbol watched, or null for all USD-M symbols. */
    public Symbol scope() {
        return scope;
    }

    /** Whether this coverage applies to {@code symbol}. */
    public boolean covers(Symbol symbol) {
        return scope == null || scope.equals(symbol);
    }

    public int size() {
        return fromMs.length;
    }

    public long fromMs(int i) {
        return fromMs[i];
    }

    public long toMs(int i) {
        return toMs[i];
    }

    /** Raw column (do not mutate). */
    public long[] froms() {
        return fromMs;
    }

    /** Raw column (do not mutate). */
    public long[] tos() {
        return toMs;
    }

    /** Total covered time, ms. */
    public long coveredMs() {
        long s = 0;
        for (int i = 0; i < fromMs.length; i++) {
            s += toMs[i] - fromMs[i];
        }
        return s;
    }

    /** Whether {@code [a, b)} lies inside one span. */
    public boolean contains(long a, long b) {
        int lo = 0;
        int hi = fromMs.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (fromMs[mid] <= a) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int i = lo - 1;
        return i >= 0 && fromMs[i] <= a && b <= toMs[i];
    }

    @Override
    public String toString() {
        return "LiquidationCoverage[" + (scope == null ? "all symbols" : scope) + " spans=" + size() + " hours="
                + coveredMs() / 3_600_000.0 + "]";
    }
}
