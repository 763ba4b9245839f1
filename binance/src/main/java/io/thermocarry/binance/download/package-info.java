/**
 * Fetching Binance public market data over the network, into a target that remembers what it holds.
 *
 * <p>{@link io.thermocarry.binance.download.BinanceHttp} is the one GET (JDK {@code HttpClient}) with request weight
 * kept under a limit, bounded retries with back-off and jitter, and Binance's errors made clear;
 * {@link io.thermocarry.binance.download.BinanceRestClient} pages the REST endpoints by time;
 * {@link io.thermocarry.binance.download.ArchiveClient} fetches bulk-archive zips with their {@code .CHECKSUM};
 * {@link io.thermocarry.binance.download.Downloader} decides from the
 * {@link io.thermocarry.binance.download.DownloadTarget} what is missing, fetches it page by page or file by file
 * (each stored in its own transaction, so any interruption resumes cleanly) and reports the gaps left.
 *
 * <p>Every payload is read by {@link io.thermocarry.binance.BinanceReader}, the reader of files, so a REST page and
 * an archive file are validated by the same rules. Clock and sleeper are injected: tests against the fake Binance of
 * {@code testkit} never wait and never leave 127.0.0.1.
 */
package io.thermocarry.binance.download;
