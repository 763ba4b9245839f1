package io.thermocarry.binance.download;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A request-count limit over a sliding window, for the endpoints Binance limits by count rather than weight:
 * {@code fundingRate} and {@code fundingInfo} share 500 requests per 5 minutes per IP, {@code openInterestHist} has
 * 1000 per 5 minutes. Counted locally (Binance reports no header for them). Not thread-safe (see {@link BinanceHttp}).
 */
final class RequestBudget {
    private final int maxRequests;
    private final long windowMs;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    RequestBudget(int maxRequests, Duration window) {
        this.maxRequests = maxRequests;
        this.windowMs = window.toMillis();
    }

    /** Shared budget of {@code fundingRate} and {@code fundingInfo}. */
    static RequestBudget funding() {
        return new RequestBudget(500, Duration.ofMinutes(5));
    }

    /** Budget of {@code openInterestHist}. */
    static RequestBudget openInterest() {
        return new RequestBudget(1000, Duration.ofMinutes(5));
    }

    /** How long to wait before one more request at {@code nowMs}. */
    Duration waitBefore(long nowMs) {
        while (!sent.isEmpty() && sent.peekFirst() <= nowMs - windowMs) {
            sent.pollFirst();
        }
        if (sent.size() < maxRequests) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(sent.peekFirst() + windowMs - nowMs + 1);
    }

    /** Counts a request sent at {@code nowMs}. */
    void record(long nowMs) {
        sent.addLast(nowMs);
    }
}
