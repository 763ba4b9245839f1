package io.thermocarry.binance.stream;

import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.Checks;
import java.time.Duration;

/**
 * How a {@link BinanceStreamClient} keeps its connections healthy. Durations are on the client's clock, except
 * {@code tick} (real time: how often the supervisor looks; tests with an accelerated clock use a short one).
 *
 * @param renewAfter age at which a connection is renewed: a new one is opened, then the old one closed (Binance
 *        disconnects at 24 h); when the new one cannot be opened the old one is kept and the renewal retried after
 *        the back-off maximum
 * @param renewOverlap longest the old and the new connection run side by side during a renewal (the old one is
 *        closed earlier once the new one has carried an event on every stream)
 * @param staleAfter a stream without an event for this long is reported {@link StreamHealth.Kind#STALE}
 * @param reconnectAfter a stream without an event for this long makes the client reconnect
 * @param pingAfterIdle with no frame received for this long the client sends a ping
 * @param connectTimeout longest wait for the WebSocket handshake (real time)
 * @param tick how often the supervisor checks staleness, idleness and age (real time)
 * @param backoff reconnect waits: {@link NetPolicy#backoff} of its base and maximum (attempts are unlimited)
 * @param jitterSeed seed of the back-off jitter
 */
public record StreamConfig(Duration renewAfter, Duration renewOverlap, Duration staleAfter, Duration reconnectAfter,
        Duration pingAfterIdle, Duration connectTimeout, Duration tick, NetPolicy backoff, long jitterSeed) {
    /** Validates: positive durations, reconnect not before stale. */
    public StreamConfig {
        Checks.positive(renewAfter, "renewAfter");
        Checks.positive(renewOverlap, "renewOverlap");
        Checks.positive(staleAfter, "staleAfter");
        Checks.positive(reconnectAfter, "reconnectAfter");
        Checks.check(reconnectAfter.compareTo(staleAfter) >= 0, "reconnectAfter must be >= staleAfter");
        Checks.positive(pingAfterIdle, "pingAfterIdle");
        Checks.positive(connectTimeout, "connectTimeout");
        Checks.positive(tick, "tick");
        Checks.notNull(backoff, "backoff");
    }

    /**
     * Renew at 23 h (5 s overlap), stale after 15 s, reconnect after 60 s without an event, ping after 30 s idle,
     * 10 s handshake, 1 s tick, back-off of {@link NetPolicy#defaults()} (1 s doubling to 60 s, jittered).
     */
    public static StreamConfig defaults() {
        return new StreamConfig(Duration.ofHours(23), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1),
                NetPolicy.defaults(), System.nanoTime());
    }

    /** A copy with the renewal age and overlap set. */
    public StreamConfig withRenewal(Duration after, Duration overlap) {
        return new StreamConfig(after, overlap, staleAfter, reconnectAfter, pingAfterIdle, connectTimeout, tick,
                backoff, jitterSeed);
    }

    /** A copy with the stale and reconnect thresholds set. */
    public StreamConfig withStale(Duration stale, Duration reconnect) {
        return new StreamConfig(renewAfter, renewOverlap, stale, reconnect, pingAfterIdle, connectTimeout, tick,
                backoff, jitterSeed);
    }

    /** A copy with the idle ping threshold set. */
    public StreamConfig withPingAfterIdle(Duration idle) {
        return new StreamConfig(renewAfter, renewOverlap, staleAfter, reconnectAfter, idle, connectTimeout, tick,
                backoff, jitterSeed);
    }

    /** A copy with the supervisor tick (real time) set. */
    public StreamConfig withTick(Duration t) {
        return new StreamConfig(renewAfter, renewOverlap, staleAfter, reconnectAfter, pingAfterIdle, connectTimeout, t,
                backoff, jitterSeed);
    }

    /** A copy with the back-off base and maximum set (other fields of the policy are not used here). */
    public StreamConfig withBackoff(Duration base, Duration max) {
        return new StreamConfig(renewAfter, renewOverlap, staleAfter, reconnectAfter, pingAfterIdle, connectTimeout,
                tick, backoff.withBackoff(base, max), jitterSeed);
    }

    /** A copy with the jitter seed set. */
    public StreamConfig withJitterSeed(long seed) {
        return new StreamConfig(renewAfter, renewOverlap, staleAfter, reconnectAfter, pingAfterIdle, connectTimeout,
                tick, backoff, seed);
    }
}
