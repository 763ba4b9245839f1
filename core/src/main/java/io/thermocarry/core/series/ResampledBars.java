package io.thermocarry.core.series;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarSeries;

/**
 * Bars resampled upward by {@link Resampler}, with the completeness of every bucket: {@code present(i)} fine
 * bars were found in bucket {@code i} out of {@link #expected()}. A bucket with missing fine bars is kept and
 * marked (its OHLCV covers only the bars present), never silently completed. The count column is owned by this
 * object (do not mutate what {@link #presentCounts()} returns).
 */
public final class ResampledBars {
    private final BarSeries bars;
    private final int[] present;
    private final int expected;

    /**
     * @param bars the resampled bars (one per non-empty bucket)
     * @param present fine bars found in each bucket ({@code 1 ≤ present[i] ≤ expected})
     * @param expected fine bars a complete bucket holds (target interval / fine interval)
     */
    public ResampledBars(BarSeries bars, int[] present, int expected) {
        Checks.notNull(bars, "bars");
        Checks.check(present.length == bars.size(), "count column length differs from the bars");
        Checks.positive(expected, "expected");
        for (int i = 0; i < present.length; i++) {
            if (present[i] < 1 || present[i] > expected) {
                throw new IllegalArgumentException("bucket " + i + " holds " + present[i] + " of " + expected + " bars");
            }
        }
        this.bars = bars;
        this.present = present;
        this.expected = expected;
    }

    /** The resampled bars. */
    public BarSeries bars() {
        return bars;
    }

    /** Number of buckets (resampled bars). */
    public int size() {
        return present.length;
    }

    /** Fine bars found in bucket {@code i}. */
    public int present(int i) {
        return present[i];
    }

    /** Fine bars a complete bucket holds. */
    public int expected() {
        return expected;
    }

    /** Whether bucket {@code i} holds every fine bar of its span. */
    public boolean complete(int i) {
        return present[i] == expected;
    }

    /** Buckets with at least one fine bar missing. */
    public int incompleteBuckets() {
        int c = 0;
        for (int p : present) {
            if (p != expected) {
                c++;
            }
        }
        return c;
    }

    /** Fine bars missing inside the buckets that exist ({@code Σ (expected − present)}). */
    public long missingFineBars() {
        long m = 0;
        for (int p : present) {
            m += expected - p;
        }
        return m;
    }

    /** Raw count column (do not mutate). */
    public int[] presentCounts() {
        return present;
    }
}
