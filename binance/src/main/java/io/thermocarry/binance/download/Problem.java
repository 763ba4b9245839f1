package io.thermocarry.binance.download;

import io.thermocarry.core.market.Symbol;

/**
 * Something the download could not do for one series (the rest went on): Binance refused a request, a file failed
 * its checksum, a page was refused for bad rows.
 *
 * @param symbol the symbol
 * @param series the series, or null for the whole symbol
 * @param url the URL concerned, or null
 * @param message what happened and what to do
 */
public record Problem(Symbol symbol, SeriesKind series, String url, String message) {
}
