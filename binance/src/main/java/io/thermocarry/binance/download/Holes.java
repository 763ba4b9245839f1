package io.thermocarry.binance.download;

import io.thermocarry.core.market.FundingSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Where stored data is missing: the ranges to fetch and, after fetching, the gaps to report. Pure functions over
 * sorted epoch-ms arrays.
 *
 * <p>Klines sit on a fixed grid: a hole is a run of grid points without a bar. Funding has no fixed grid (intervals
 * switch between 8, 4 and 1 h): a hole is a spacing between two stored settlements larger than 1.5 times the
 * interval in force (the larger of the two settlements' intervals, so that a switch is not taken for a hole), as
 * {@code StoreInfo} counts gaps; it misses {@code round(spacing / interval) − 1} settlements.
 */
final class Holes {
    static final long MINUTE_MS = 60_000L;
    /** Half a minute: the reader rounds settlement times to the minute, raw times are within this of them. */
    static final long HALF_MINUTE_MS = 30_000L;

    /** A half-open range {@code [from, to)} of epoch ms. */
    record Range(long from, long to) {
    }

    /**
     * A funding range to fetch, with the stored settlement before it.
     *
     * @param prevTimeMs the stored settlement before the range, or {@code Long.MIN_VALUE}
     * @param prevIntervalMs its interval
     * @param restFrom where a REST fetch starts: one minute after {@code prevTimeMs} (any interval may follow)
     * @param archiveFrom where the first missing settlement can be due: {@code prevTimeMs} + its interval − 30 s;
     *        months before it need no archive file
     * @param to exclusive end: 30 s before the next stored settlement, or the range end
     */
    record FundingHole(long prevTimeMs, long prevIntervalMs, long restFrom, long archiveFrom, long to) {
    }

    /**
     * A gap to report.
     *
     * @param from first missing time (null: unknown, nothing stored and no start asked)
     * @param to exclusive end
     * @param missing bars or settlements missing, -1 when unknown
     * @param kind where it lies
     */
    record Found(Long from, long to, long missing, Gap.Kind kind) {
    }

    private Holes() {
    }

    /** Grid points of {@code [start, end)} (start rounded up to the grid) with no bar in {@code times}. */
    static List<Range> bars(long[] times, long start, long end, long iv) {
        List<Range> out = new ArrayList<>();
        long expect = ceil(start, iv);
        if (expect >= end) {
            return out;
        }
        for (long t : times) {
            if (t < expect) {
                continue;
            }
            if (t >= end) {
                break;
            }
            if (t > expect) {
                out.add(new Range(expect, t));
            }
            expect = t + iv;
        }
        if (expect < end) {
            out.add(new Range(expect, end));
        }
        return out;
    }

    /** REST pages needed for {@code r} (at least one). */
    static long pages(Range r, long iv, int limit) {
        long bars = Math.max(1, (r.to - r.from + iv - 1) / iv);
        return (bars + limit - 1) / limit;
    }

    /**
     * Funding ranges of {@code [start, end)} to fetch, given every stored settlement before {@code end}: before the
     * first stored one in range, between two that are too far apart, and after the last.
     */
    static List<FundingHole> funding(FundingSeries stored, long start, long end) {
        List<FundingHole> out = new ArrayList<>();
        if (start >= end) {
            return out;
        }
        long[] t = stored.times();
        long[] iv = stored.intervals();
        int lo = lowerBound(t, start);
        int hi = lowerBound(t, end);
        long prevT = lo > 0 ? t[lo - 1] : Long.MIN_VALUE;
        long prevIv = lo > 0 ? iv[lo - 1] : 0;
        if (lo == hi) {
            add(out, prevT, prevIv, start, end);
            return out;
        }
        if (t[lo] - start >= MINUTE_MS) {
            add(out, prevT, prevIv, start, t[lo] - HALF_MINUTE_MS);
        }
        for (int k = lo + 1; k < hi; k++) {
            long inForce = Math.max(iv[k - 1], iv[k]);
            if (t[k] - t[k - 1] > inForce * 3 / 2) {
                add(out, t[k - 1], iv[k - 1], start, t[k] - HALF_MINUTE_MS);
            }
        }
        if (end - t[hi - 1] > MINUTE_MS) {
            add(out, t[hi - 1], iv[hi - 1], start, end);
        }
        return out;
    }

    private static void add(List<FundingHole> out, long prevT, long prevIv, long start, long to) {
        boolean prev = prevT != Long.MIN_VALUE;
        long restFrom = prev ? Math.max(start, prevT + MINUTE_MS) : start;
        long archiveFrom = prev ? Math.max(start, prevT + prevIv - HALF_MINUTE_MS) : start;
        if (restFrom < to) {
            out.add(new FundingHole(prevT, prevIv, restFrom, Math.min(archiveFrom, to), to));
        }
    }

    /**
     * Kline gaps of {@code [from, end)} in {@code times} (stored open times, ascending, within the range): before the
     * first bar (only when {@code from} was asked), between bars, after the last.
     *
     * @param from the asked start, or null (then the range starts at the first stored bar)
     */
    static List<Found> barGaps(long[] times, Long from, long end, long iv) {
        List<Found> out = new ArrayList<>();
        Long start = from == null ? null : ceil(from, iv);
        if (start != null && start >= end) {
            return out;
        }
        int n = 0;
        long prev = 0;
        for (long t : times) {
            if ((start != null && t < start) || t >= end) {
                continue;
            }
            if (n == 0) {
                if (start != null && t > start) {
                    out.add(new Found(start, t, (t - start) / iv, Gap.Kind.BEFORE_FIRST));
                }
            } else if (t - prev > iv) {
                out.add(new Found(prev + iv, t, (t - prev) / iv - 1, Gap.Kind.HOLE));
            }
            prev = t;
            n++;
        }
        if (n == 0) {
            out.add(new Found(start, end, start == null ? -1 : (end - start + iv - 1) / iv, Gap.Kind.NO_DATA));
        } else if (prev + iv < end) {
            out.add(new Found(prev + iv, end, (end - prev - 1) / iv, Gap.Kind.AFTER_LAST));
        }
        return out;
    }

    /**
     * Funding gaps of {@code [from, end)} (see the class comment). Before the first settlement: the whole intervals
     * between {@code from} and it; after the last: settlements due at least a minute before {@code end}.
     *
     * @param from the asked start, or null
     */
    static List<Found> fundingGaps(FundingSeries stored, Long from, long end) {
        List<Found> out = new ArrayList<>();
        long[] t = stored.times();
        long[] iv = stored.intervals();
        int lo = from == null ? 0 : lowerBound(t, from);
        int hi = lowerBound(t, end);
        if (lo >= hi) {
            out.add(new Found(from, end, -1, Gap.Kind.NO_DATA));
            return out;
        }
        if (from != null) {
            long missing = (t[lo] - from) / iv[lo];
            if (missing > 0) {
                out.add(new Found(t[lo] - missing * iv[lo], t[lo], missing, Gap.Kind.BEFORE_FIRST));
            }
        }
        for (int k = lo + 1; k < hi; k++) {
            long inForce = Math.max(iv[k - 1], iv[k]);
            long spacing = t[k] - t[k - 1];
            if (spacing > inForce * 3 / 2) {
                out.add(new Found(t[k - 1] + iv[k - 1], t[k], Math.round(spacing / (double) inForce) - 1,
                        Gap.Kind.HOLE));
            }
        }
        long last = t[hi - 1];
        long due = (end - MINUTE_MS - last) / iv[hi - 1];
        if (due > 0) {
            out.add(new Found(last + iv[hi - 1], end, due, Gap.Kind.AFTER_LAST));
        }
        return out;
    }

    static long ceil(long t, long step) {
        return Math.floorDiv(t + step - 1, step) * step;
    }

    static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
