package io.thermocarry.store;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store holds (the {@code info} command).
 *
 * @param series one entry per stored bar series, ordered by symbol, market, interval
 * @param funding one entry per funding symbol, ordered by symbol
 * @param rejectedRowsByFile rows recorded in {@code rejected_rows}, per file, ordered by file
 * @param files ingested sources, in ingestion order
 * @param conflicts rows recorded in {@code conflicts}
 */
public record StoreInfo(List<SeriesInfo> series, List<FundingInfo> funding, Map<String, Long> rejectedRowsByFile,
        List<IngestedFile> files, long conflicts) {
    public StoreInfo {
        series = List.copyOf(series);
        funding = List.copyOf(funding);
        rejectedRowsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedRowsByFile));
        files = List.copyOf(files);
    }

    /**
     * One bar series. Counts cover every stored bar, placeholders included.
     *
     * @param symbol symbol
     * @param market market
     * @param interval bar interval
     * @param first first open time
     * @param last last open time
     * @param rows stored bars
     * @param gaps places where consecutive open times are more than one interval apart
     * @param missingBars bars expected on the interval grid between first and last but absent
     *        ({@code (last - first) / interval + 1 - rows}, as {@code BarSeries.missingBars})
     * @param placeholders leading placeholder bars flagged (SPEC §1, {@code PlaceholderCandles})
     */
    public record SeriesInfo(Symbol symbol, Market market, BarInterval interval, Instant first, Instant last,
            long rows, long gaps, long missingBars, long placeholders) {
    }

    /**
     * One funding symbol.
     *
     * <p>The interval <em>in force</em> across a spacing {@code t_k - t_{k-1}} is the larger of the two events'
     * intervals, so that a switch 8 h → 4 h or 4 h → 8 h is not mistaken for a hole. A spacing more than 1.5
     * times that interval is a gap; it misses {@code round(spacing / interval) - 1} settlements. A settlement
     * missing exactly at a switch can therefore go unnoticed.
     *
     * @param symbol symbol
     * @param first first settlement
     * @param last last settlement
     * @param events stored settlements
     * @param intervals distinct funding intervals seen, ascending
     * @param gaps spacings larger than the interval in force
     * @param missingSettlements settlements missing from the expected grid inside those gaps
     * @param intervalChanges settlements whose interval differs from the previous settlement's, in time order
     */
    public record FundingInfo(Symbol symbol, Instant first, Instant last, long events, List<Duration> intervals,
            long gaps, long missingSettlements, List<Instant> intervalChanges) {
        public FundingInfo {
            intervals = List.copyOf(intervals);
            intervalChanges = List.copyOf(intervalChanges);
        }

        /** Distinct intervals in whole hours, ascending, e.g. {@code [4, 8]} (Binance intervals are whole hours). */
        public List<Long> intervalsHours() {
            List<Long> h = new ArrayList<>(intervals.size());
            for (Duration d : intervals) {
                h.add(d.toHours());
            }
            return h;
        }

        /** Number of interval changes. */
        public int intervalChangeCount() {
            return intervalChanges.size();
        }
    }

    /** Total rejected rows recorded. */
    public long rejectedRows() {
        long n = 0;
        for (long v : rejectedRowsByFile.values()) {
            n += v;
        }
        return n;
    }
}
