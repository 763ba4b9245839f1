/**
 * Binance's public market streams for the live paper book (SPEC §14): {@link
 * io.thermocarry.binance.stream.BinanceStreamClient} (combined-stream WebSocket connections on the JDK's {@code
 * java.net.http.WebSocket}, one per host, with ordering, duplicate and gap detection, staleness, pings, reconnects and
 * renewal before the 24 h limit), {@link io.thermocarry.binance.stream.StreamDecoder} (payloads → the event records),
 * {@link io.thermocarry.binance.stream.StreamBackfill} (REST repairs of gaps and settled funding rates). Events and
 * health reach one {@link io.thermocarry.binance.stream.StreamListener} on one thread, in order.
 */
package io.thermocarry.binance.stream;
