package io.thermocarry.binance.stream;

/**
 * A change in a stream connection's health (see {@link StreamListener#onHealth}). {@code stream} is null for
 * connection-wide events; {@code fromMs}/{@code toMs} bound a gap of missing closed klines (open times, the
 * last exclusive), else 0. {@code connection} is {@code "futures"} or {@code "spot"} for {@link BinanceStreamClient}'s
 * connections; {@code atMs} is the client clock's time of the change.
 */
public record StreamHealth(Kind kind, String connection, String stream, long atMs, long fromMs, long toMs,
        String detail) {
    /** What happened. */
    public enum Kind {
        CONNECTED, DISCONNECTED, RECONNECTING, RENEWED, STALE, DUPLICATE, OUT_OF_ORDER, GAP,
        /** A frame that is not a payload Binance sends (see {@link StreamDecoder}); counted, skipped. */
        MALFORMED
    }
}
