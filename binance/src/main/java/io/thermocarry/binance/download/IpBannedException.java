package io.thermocarry.binance.download;

import java.time.Duration;
import java.time.Instant;

/**
 * HTTP 418: Binance banned this IP for sending requests after a 429. Nothing may be sent until the ban ends; the
 * message says when.
 */
public final class IpBannedException extends BinanceNetException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;
    private final Instant until;

    IpBannedException(String url, Duration retryAfter, Instant until) {
        super(url, "Binance banned this IP (HTTP 418 from " + url + ")"
                + (retryAfter == null ? "" : " for " + retryAfter.toSeconds() + " s, until " + until)
                + ": send nothing to Binance before then, then run the same command again to resume (and lower"
                + " --max-weight; bans grow from 2 minutes to 3 days when repeated)", null);
        this.retryAfter = retryAfter;
        this.until = until;
    }

    /** The ban's length from {@code Retry-After}, or null when Binance did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** When the ban ends, or null when Binance did not say. */
    public Instant until() {
        return until;
    }

    @Override
    public boolean stopsEverything() {
        return true;
    }
}
