package io.thermocarry.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults {@link FakeBinanceStreams} injects into a replay, on the recording's clock; seeded, so a test sees the same
 * faults every run. Mutable while a test sets it up; read when the server starts.
 *
 * <ul>
 * <li>{@link #disconnectAt}: the server closes every connection of a host (close frame 1001) at an instant.</li>
 * <li>{@link #stallAt}: connections open at the instant stay open but receive nothing for a while (a new connection
 * is served normally).</li>
 * <li>{@link #duplicates}: that many events (seeded picks) are sent twice in a row.</li>
 * <li>{@link #outOfOrder}: that many events are held back and sent right after the next event of the same stream
 * (a closed kline after the next closed kline).</li>
 * <li>{@link #malformed}: that many garbage frames (cut JSON, a price that is not a number, an unknown event type)
 * are inserted.</li>
 * <li>{@link #refuseAt}: new connections are closed right after the handshake for a while.</li>
 * <li>{@link #maxConnectionAge}: a connection is closed by the server once this old (Binance: 24 h).</li>
 * <li>{@link #pingEvery}: the server pings every connection at this period (pongs are counted).</li>
 * </ul>
 */
public final class StreamFaults {
    /** Which host a fault applies to. */
    public enum Target {
        /** The futures stream host. */
        FUTURES,
        /** The spot stream host. */
        SPOT,
        /** Both. */
        BOTH;

        boolean covers(StreamRecording.Host h) {
            return this == BOTH || name().equals(h.name());
        }
    }

    /** A server close at {@code atMs}. */
    public record Disconnect(long atMs, Target target) {
    }

    /** A silent stall of the connections open at {@code atMs}, for {@code durationMs}. */
    public record Stall(long atMs, long durationMs, Target target) {
    }

    final long seed;
    final List<Disconnect> disconnects = new ArrayList<>();
    final List<Stall> stalls = new ArrayList<>();
    final List<Stall> refusals = new ArrayList<>();
    int duplicates;
    int outOfOrder;
    int malformed;
    long maxAgeMs = Duration.ofHours(24).toMillis();
    long pingEveryMs;

    private StreamFaults(long seed) {
        this.seed = seed;
    }

    /** No faults (Binance's 24 h limit still applies). */
    public static StreamFaults none() {
        return new StreamFaults(0);
    }

    /** No faults yet; picks of {@link #duplicates}, {@link #outOfOrder} and {@link #malformed} from {@code seed}. */
    public static StreamFaults seeded(long seed) {
        return new StreamFaults(seed);
    }

    /** The server closes the connections of {@code target} at {@code at} (recording time). */
    public StreamFaults disconnectAt(Instant at, Target target) {
        disconnects.add(new Disconnect(at.toEpochMilli(), target));
        return this;
    }

    /** The connections of {@code target} open at {@code at} go silent for {@code duration}. */
    public StreamFaults stallAt(Instant at, Duration duration, Target target) {
        stalls.add(new Stall(at.toEpochMilli(), duration.toMillis(), target));
        return this;
    }

    /**
     * New connections to {@code target} in {@code [at, at + duration)} are closed right after the handshake (1013
     * "try again later"): reconnects and renewals fail meanwhile.
     */
    public StreamFaults refuseAt(Instant at, Duration duration, Target target) {
        refusals.add(new Stall(at.toEpochMilli(), duration.toMillis(), target));
        return this;
    }

    /** {@code n} seeded events are sent twice. */
    public StreamFaults duplicates(int n) {
        this.duplicates = n;
        return this;
    }

    /** {@code n} seeded events are sent after the next event of their stream (see the class comment). */
    public StreamFaults outOfOrder(int n) {
        this.outOfOrder = n;
        return this;
    }

    /** {@code n} seeded garbage frames are inserted. */
    public StreamFaults malformed(int n) {
        this.malformed = n;
        return this;
    }

    /** Connections are closed by the server at this age (Binance's forced disconnect; default 24 h). */
    public StreamFaults maxConnectionAge(Duration age) {
        this.maxAgeMs = age.toMillis();
        return this;
    }

    /** The server pings each connection at this period (0 = never, the default). */
    public StreamFaults pingEvery(Duration period) {
        this.pingEveryMs = period.toMillis();
        return this;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }
}
