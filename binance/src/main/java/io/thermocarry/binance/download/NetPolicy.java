package io.thermocarry.binance.download;

import io.thermocarry.core.Checks;
import java.time.Duration;

/**
 * How hard the network clients try and how gently they treat Binance.
 *
 * <p>A request is tried at most {@code maxAttempts} times in all. Between attempts that failed for a transient reason
 * (HTTP 5xx, a timeout, a connection reset or closed, a truncated body, a {@code .CHECKSUM} mismatch) the client
 * waits {@code min(backoffMax, backoffBase × 2^(k−1))} after the k-th failure, jittered uniformly into its upper half;
 * after HTTP 429 it waits what {@code Retry-After} says. The used request weight Binance reports in
 * {@code X-MBX-USED-WEIGHT-1M} is kept at or under {@code maxWeightPerMinute} per host (futures and spot separately):
 * a request that would go over waits until the minute rolls, plus {@code minuteMargin} for clock skew.
 *
 * @param maxAttempts attempts per request, at least 1
 * @param timeout longest wait for one whole response (headers and body); also the connect timeout
 * @param backoffBase wait after the first transient failure (before jitter)
 * @param backoffMax longest back-off wait
 * @param maxWeightPerMinute request weight allowed per minute and host (Binance's limits: 2400 futures, 6000 spot)
 * @param minuteMargin added to a wait for the next weight minute, against clock skew with Binance
 */
public record NetPolicy(int maxAttempts, Duration timeout, Duration backoffBase, Duration backoffMax,
        int maxWeightPerMinute, Duration minuteMargin) {
    /** Weight of the heaviest single request the clients send (futures klines with limit 1500). */
    static final int HEAVIEST_REQUEST = 10;

    /** Validates: at least one attempt, positive timeout, non-negative waits, a weight limit a request fits in. */
    public NetPolicy {
        Checks.positive(maxAttempts, "maxAttempts");
        Checks.positive(timeout, "timeout");
        Checks.notNull(backoffBase, "backoffBase");
        Checks.notNull(backoffMax, "backoffMax");
        Checks.check(!backoffBase.isNegative() && !backoffMax.isNegative(), "back-off durations must be >= 0");
        Checks.check(maxWeightPerMinute >= HEAVIEST_REQUEST,
                "maxWeightPerMinute must be at least " + HEAVIEST_REQUEST + " (one klines request of 1500 rows)");
        Checks.notNull(minuteMargin, "minuteMargin");
        Checks.check(!minuteMargin.isNegative(), "minuteMargin must be >= 0");
    }

    /** 6 attempts, 30 s timeout, back-off 1 s doubling to 60 s, 1200 weight per minute (half the futures limit), 1 s margin. */
    public static NetPolicy defaults() {
        return new NetPolicy(6, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), 1200,
                Duration.ofSeconds(1));
    }

    /**
     * The wait after the {@code k}-th consecutive failure ({@code k >= 1}): {@code min(backoffMax, backoffBase ×
     * 2^(k−1))}, jittered uniformly into its upper half by {@code u} in [0, 1). The one back-off rule of the REST
     * client and the stream client's reconnects.
     */
    public Duration backoff(int k, double u) {
        Checks.positive(k, "k");
        long base = backoffBase.toMillis();
        long cap = backoffMax.toMillis();
        long d = base << Math.min(k - 1, 30);
        if (d < 0 || d > cap) {
            d = cap;
        }
        return Duration.ofMillis(d / 2 + (long) (u * (d - d / 2)));
    }

    /** A copy with {@code maxAttempts} set. */
    public NetPolicy withMaxAttempts(int attempts) {
        return new NetPolicy(attempts, timeout, backoffBase, backoffMax, maxWeightPerMinute, minuteMargin);
    }

    /** A copy with {@code timeout} set. */
    public NetPolicy withTimeout(Duration t) {
        return new NetPolicy(maxAttempts, t, backoffBase, backoffMax, maxWeightPerMinute, minuteMargin);
    }

    /** A copy with the back-off base and maximum set. */
    public NetPolicy withBackoff(Duration base, Duration max) {
        return new NetPolicy(maxAttempts, timeout, base, max, maxWeightPerMinute, minuteMargin);
    }

    /** A copy with {@code maxWeightPerMinute} set. */
    public NetPolicy withMaxWeightPerMinute(int w) {
        return new NetPolicy(maxAttempts, timeout, backoffBase, backoffMax, w, minuteMargin);
    }
}
