package io.thermocarry.binance;

import io.thermocarry.core.market.FundingSeries;
import java.util.Arrays;

/**
 * The rule that gives each funding settlement the interval its rate covers when the source does not say (REST
 * {@code fundingRate}, freqtrade, ElvisTV): the spacing to the previous settlement rounded to whole hours when that is
 * 1, 2, 4 or 8 h (the intervals Binance uses); otherwise (after a gap) the previous settlement's interval; for the
 * very first settlement the spacing to the next one, else 8 h.
 *
 * <p>A series read in pieces (REST pages) gets the same intervals as the whole history read at once when each piece
 * is resolved with the settlement just before it: {@link #resolveAfter}.
 */
public final class FundingIntervals {
    private static final long HOUR_MS = 3_600_000L;
    /** The interval assumed when nothing else tells (one settlement alone). */
    public static final long DEFAULT_MS = 8 * HOUR_MS;

    private FundingIntervals() {
    }

    /** {@code spacingMs} rounded to whole hours if that is 1, 2, 4 or 8 h; else 0. */
    public static long fromSpacing(long spacingMs) {
        long hours = Math.round(spacingMs / (double) HOUR_MS);
        return hours == 1 || hours == 2 || hours == 4 || hours == 8 ? hours * HOUR_MS : 0;
    }

    /**
     * Resolves, in place, the entries of {@code intervalMs} that are 0 (unknown), by the rule in the class comment.
     *
     * @param timeMs settlement times, ascending
     * @param intervalMs known intervals, 0 where the source gave none
     * @param n how many entries are used
     * @param prevTimeMs the settlement before {@code timeMs[0]}, or {@code Long.MIN_VALUE} when there is none
     * @param prevIntervalMs its interval (ignored without a previous settlement)
     */
    static void resolve(long[] timeMs, long[] intervalMs, int n, long prevTimeMs, long prevIntervalMs) {
        for (int i = 0; i < n; i++) {
            if (intervalMs[i] > 0) {
                continue;
            }
            boolean hasPrev = i > 0 || prevTimeMs != Long.MIN_VALUE;
            long prevT = i > 0 ? timeMs[i - 1] : prevTimeMs;
            long prevIv = i > 0 ? intervalMs[i - 1] : prevIntervalMs;
            long spacing = hasPrev ? fromSpacing(timeMs[i] - prevT) : 0;
            if (spacing > 0) {
                intervalMs[i] = spacing;
            } else if (hasPrev) {
                intervalMs[i] = prevIv;
            } else {
                long next = n > 1 ? fromSpacing(timeMs[1] - timeMs[0]) : 0;
                intervalMs[i] = next > 0 ? next : DEFAULT_MS;
            }
        }
    }

    /**
     * The series with every interval recomputed from spacing as if it followed the settlement at
     * {@code prevTimeMs} (interval {@code prevIntervalMs}): what reading the whole history at once would give, for a
     * source without intervals of its own (REST {@code fundingRate} pages).
     */
    public static FundingSeries resolveAfter(FundingSeries s, long prevTimeMs, long prevIntervalMs) {
        int n = s.size();
        long[] t = s.times();
        long[] iv = new long[n];
        resolve(t, iv, n, prevTimeMs, prevIntervalMs);
        if (Arrays.equals(iv, s.intervals())) {
            return s;
        }
        return new FundingSeries(s.symbol(), t, s.rates(), iv, s.markPrices());
    }
}
