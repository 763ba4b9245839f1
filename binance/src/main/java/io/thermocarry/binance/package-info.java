/**
 * Binance formats in, {@code core} types out: readers for the Binance bulk archive (kline and
 * fundingRate and metrics (open interest) CSV, zipped or not, with {@code .CHECKSUM} verification), Binance REST
 * JSON payloads (klines, fundingRate, openInterestHist), and
 * the CSV layouts of the public collections in {@code ../shared/data/binance} (freqtrade conversions,
 * emanuelgoldman, tjf, zushen168, ElvisTV, yuchengzhang966).
 *
 * <p>Entry points: {@link io.thermocarry.binance.BinanceReader#read(java.nio.file.Path, ReadOptions)}
 * for one file and {@link io.thermocarry.binance.DataTree#scan(java.nio.file.Path)} for a folder.
 * Readers never throw for bad data; they return what they read and what they rejected, file:line:reason.
 *
 * <p>What the rows do not say comes from {@link io.thermocarry.binance.ReadOptions} first, then from
 * the path: {@code klines/<interval>/<spot|futures|mark|index|premium>/<SYMBOL>[.part-x].csv[.gz]},
 * {@code funding/<SYMBOL>[.part-x].csv[.gz]}, {@code funding/multi/*}, or Binance archive names
 * {@code SYMBOL-<interval>-YYYY-MM[-DD].zip|csv} (market from the folders {@code spot},
 * {@code futures/um}, {@code markPriceKlines}, {@code indexPriceKlines}, {@code premiumIndexKlines}) and
 * {@code SYMBOL-fundingRate-YYYY-MM.zip|csv}.
 *
 * <p>Funding settlement times are rounded to the nearest whole minute: Binance's raw {@code fundingTime}
 * carries a few milliseconds of jitter ({@code 08:00:00.006}), which sources keep or floor differently;
 * after rounding, every source agrees on the instant, and two rows on one minute are one settlement twice.
 */
package io.thermocarry.binance;
