package io.thermocarry.binance.download;

/**
 * What the network clients did so far (a snapshot).
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests repeated after a transient failure, a 429 or a checksum mismatch
 * @param bytes response body bytes received
 * @param http429 responses with HTTP 429 (the client went over a limit Binance enforces)
 * @param rateLimitWaits waits to stay under the request weight or request-count limits
 * @param rateLimitWaitMillis total of those waits
 * @param backoffMillis total of the back-off and {@code Retry-After} waits
 * @param maxUsedWeight highest {@code X-MBX-USED-WEIGHT-1M} Binance reported
 */
public record NetStats(long requests, long retries, long bytes, long http429, long rateLimitWaits,
        long rateLimitWaitMillis, long backoffMillis, long maxUsedWeight) {
}
