package io.thermocarry.binance.download;

import java.time.Duration;

/**
 * Keeps one host's request weight under a per-minute limit. Binance counts weight per IP in fixed UTC minutes and
 * reports the minute's total in {@code X-MBX-USED-WEIGHT-1M}; the governor takes that figure as the truth after each
 * response, adds the weight of requests it lets through meanwhile, and forgets it when its clock enters a new minute.
 * Not thread-safe: one governor per host inside one {@link BinanceHttp}, whose callers are sequential.
 */
final class WeightGovernor {
    private static final long MINUTE_MS = 60_000L;
    private final int limit;
    private final long marginMs;
    private long minute = Long.MIN_VALUE;
    private long used;

    WeightGovernor(int limit, Duration margin) {
        this.limit = limit;
        this.marginMs = margin.toMillis();
    }

    /** How long to wait before a request of {@code weight} at {@code nowMs} (zero when it fits this minute). */
    Duration waitBefore(int weight, long nowMs) {
        roll(nowMs);
        if (weight == 0 || used + weight <= limit) {
            return Duration.ZERO;
        }
        long next = (minute + 1) * MINUTE_MS;
        return Duration.ofMillis(next - nowMs + marginMs);
    }

    /** Counts a request let through. */
    void reserve(int weight, long nowMs) {
        roll(nowMs);
        used += weight;
    }

    /** Takes Binance's figure for the current minute. */
    void observe(long usedWeight, long nowMs) {
        roll(nowMs);
        used = usedWeight;
    }

    long used() {
        return used;
    }

    private void roll(long nowMs) {
        long m = Math.floorDiv(nowMs, MINUTE_MS);
        if (m != minute) {
            minute = m;
            used = 0;
        }
    }
}
