package io.thermocarry.live;

import java.util.Arrays;

/**
 * Event handling times of the loop (nanoseconds, from the event's arrival at the book to the end of its handling,
 * store writes and the core pipeline included): all events, and those that advanced a checkpoint (where the book
 * decides). Keeps the last 2^16 of each (memory stays bounded over a long replay).
 */
public final class LatencyRecorder {
    private static final int CAP = 1 << 16;
    private final long[] all = new long[CAP];
    private final long[] decisions = new long[CAP];
    private long nAll;
    private long nDecisions;

    /** Records one event's handling time. */
    public synchronized void record(long nanos, boolean decision) {
        all[(int) (nAll++ % CAP)] = nanos;
        if (decision) {
            decisions[(int) (nDecisions++ % CAP)] = nanos;
        }
    }

    /** The {@code q}-quantile (0..1) in milliseconds of all events or of the deciding ones (NaN if none). */
    public synchronized double quantileMs(double q, boolean decisionsOnly) {
        long n = decisionsOnly ? nDecisions : nAll;
        if (n == 0) {
            return Double.NaN;
        }
        long[] src = decisionsOnly ? decisions : all;
        long[] c = Arrays.copyOf(src, (int) Math.min(n, CAP));
        Arrays.sort(c);
        int i = (int) Math.min(c.length - 1, Math.floor(q * (c.length - 1) + 0.5));
        return c[i] / 1e6;
    }

    /** Number of events recorded (all, or deciding ones). */
    public synchronized long count(boolean decisionsOnly) {
        return decisionsOnly ? nDecisions : nAll;
    }
}
