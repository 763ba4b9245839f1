package io.thermocarry.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a replay. Accelerated ({@link #ReplayClock(long, double)}): stands at {@code startMs} until
 * {@link #play()}, then runs {@code speed} times faster than real time; {@link #sleep(Duration)} waits the real time
 * that makes {@code d} pass on this clock, so a client given {@code clock::sleep} as its sleeper backs off in replay
 * time. Manual ({@link #manual(long)}): moves only by {@link #advance(Duration)} / {@link #advanceTo(long)} and by
 * {@link #sleep(Duration)} (which returns at once), like {@link ManualClock}; the replay then sends what is due as
 * the test moves the clock. Thread-safe.
 */
public final class ReplayClock extends Clock {
    private final long startMs;
    private final double speed;
    private final boolean manual;
    private volatile long playNanos = -1;
    private volatile long manualMs;

    /**
     * @param startMs where the clock stands before and when it starts (epoch ms)
     * @param speed how many clock milliseconds pass per real millisecond (1 = real time), positive
     */
    public ReplayClock(long startMs, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive and finite: " + speed);
        }
        this.startMs = startMs;
        this.speed = speed;
        this.manual = false;
    }

    private ReplayClock(long startMs) {
        this.startMs = startMs;
        this.speed = 1;
        this.manual = true;
        this.manualMs = startMs;
    }

    /** A manual clock standing at {@code startMs}: only {@link #advance}, {@link #advanceTo} and sleeps move it. */
    public static ReplayClock manual(long startMs) {
        return new ReplayClock(startMs);
    }

    /** Whether this clock is manual. */
    public boolean isManual() {
        return manual;
    }

    /** Moves a manual clock forward by {@code d}. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        advanceTo(millis() + d.toMillis());
    }

    /** Moves a manual clock forward to {@code ms} (no effect when already there or past it). */
    public synchronized void advanceTo(long ms) {
        if (!manual) {
            throw new IllegalStateException("an accelerated ReplayClock runs by itself");
        }
        if (ms > manualMs) {
            manualMs = ms;
        }
    }

    /** Starts the clock (no effect when already running). */
    public synchronized void play() {
        if (playNanos < 0) {
            playNanos = System.nanoTime();
        }
    }

    /** Whether {@link #play()} was called. */
    public boolean playing() {
        return playNanos >= 0;
    }

    /** Clock milliseconds per real millisecond. */
    public double speed() {
        return speed;
    }

    @Override
    public long millis() {
        if (manual) {
            return manualMs;
        }
        long p = playNanos;
        if (p < 0) {
            return startMs;
        }
        return startMs + (long) ((System.nanoTime() - p) / 1e6 * speed);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ReplayClock is UTC only");
    }

    /** The real time {@code d} of this clock takes (accelerated clocks). */
    public Duration real(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() / speed));
    }

    /** Sleeps for the real time that makes {@code d} pass on this clock (once playing). */
    public void sleep(Duration d) throws InterruptedException {
        if (manual) {
            advance(d.isNegative() ? Duration.ZERO : d);
            return;
        }
        long nanos = (long) (Math.max(0, d.toNanos()) / speed);
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }

    /** Waits (really) until this clock plays and reads at least {@code ms}. */
    public void awaitMillis(long ms) throws InterruptedException {
        while (!playing()) {
            Thread.sleep(1);
        }
        while (true) {
            long now = millis();
            if (now >= ms) {
                return;
            }
            if (manual) {
                Thread.sleep(1);
                continue;
            }
            long nanos = (long) ((ms - now) * 1e6 / speed);
            if (nanos > 200_000) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
