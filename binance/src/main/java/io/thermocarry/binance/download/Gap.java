package io.thermocarry.binance.download;

import io.thermocarry.core.market.Symbol;
import java.time.Instant;

/**
 * A range of the requested period the store still has no data for after the download — never filled with
 * assumed values (a missing funding settlement is not a zero rate).
 *
 * @param symbol the symbol
 * @param series the series
 * @param from first missing time (a bar's open time, a due settlement), or null when no start was asked and nothing
 *        exists
 * @param to exclusive end of the missing range
 * @param missing bars or settlements missing (settlements estimated from the interval in force), or -1 when unknown
 * @param kind where the range lies relative to the stored data
 * @param reason what the download saw there (404 files, refused files, an empty REST answer)
 */
public record Gap(Symbol symbol, SeriesKind series, Instant from, Instant to, long missing, Kind kind,
        String reason) {
    /** Where a gap lies. */
    public enum Kind {
        /** Before the first stored row: usually before the listing. */
        BEFORE_FIRST,
        /** Between two stored rows: an exchange outage, a missing file, a refused page. */
        HOLE,
        /** After the last stored row: not yet published, or delisted. */
        AFTER_LAST,
        /** Nothing at all in the range. */
        NO_DATA
    }
}
