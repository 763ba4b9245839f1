package io.thermocarry.binance.stream;

/**
 * What a {@link BinanceStreamClient} has seen so far, for the status page. A snapshot; each counter is monotone.
 *
 * @param events events delivered to the listener
 * @param connects successful handshakes (first connections, reconnects and renewals)
 * @param reconnects connections re-opened after a disconnect or a stale stream (renewals not included)
 * @param renewals connections replaced before Binance's 24 h limit
 * @param stale streams reported stale
 * @param duplicates events dropped as already delivered
 * @param outOfOrder events dropped as older than one already delivered
 * @param gaps gaps of closed klines reported
 * @param malformed frames that were not a Binance payload
 * @param overlapDropped repeats dropped silently while two connections of a host overlapped during a renewal
 * @param pingsSent pings the client sent when idle
 * @param pongsReceived pongs received
 * @param pingsReceived pings received (answered by the JDK's WebSocket with a pong)
 * @param listenerErrors exceptions thrown by the listener (caught; delivery goes on)
 * @param connected connections currently open
 */
public record StreamStats(long events, long connects, long reconnects, long renewals, long stale, long duplicates,
        long outOfOrder, long gaps, long malformed, long overlapDropped, long pingsSent, long pongsReceived,
        long pingsReceived, long listenerErrors, int connected) {
}
