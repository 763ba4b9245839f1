package io.thermocarry.binance.stream;

/**
 * What a stream connection reports to its owner, on the connection's delivery thread, in arrival order. Events
 * already delivered are never delivered again (duplicates are dropped and counted) and never go back in time per
 * stream (out-of-order events are dropped and counted).
 */
public interface StreamListener {
    /** One decoded, new, in-order event. */
    void onEvent(StreamEvent event);

    /**
     * The connection's health changed: connected, disconnected (with the reason), stale (no event on a stream for
     * longer than the threshold), renewed before the 24 h limit, duplicate or out-of-order event dropped, or a gap
     * of closed klines detected after a reconnect (the owner backfills it over REST).
     */
    void onHealth(StreamHealth health);
}
