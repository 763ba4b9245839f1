package io.thermocarry.binance.download;

import io.thermocarry.core.Checks;
import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * What to download.
 *
 * @param symbols the symbols, in order
 * @param series the series per symbol, in order
 * @param interval the kline interval
 * @param from inclusive start, or null for everything Binance has
 * @param to exclusive end, or null for now (klines: the last finished bar)
 * @param source REST, archive or both
 */
public record DownloadRequest(List<Symbol> symbols, List<SeriesKind> series, BarInterval interval, Instant from,
        Instant to, SourceMode source) {
    /** Validates: at least one symbol and series, from before to; copies the lists. */
    public DownloadRequest {
        symbols = List.copyOf(Checks.notNull(symbols, "symbols"));
        series = List.copyOf(Checks.notNull(series, "series"));
        Checks.check(!symbols.isEmpty(), "no symbol to download");
        Checks.check(!series.isEmpty(), "no series to download");
        Checks.notNull(interval, "interval");
        Checks.notNull(source, "source");
        Checks.check(from == null || to == null || from.isBefore(to), "from must be before to");
    }
}
