package io.thermocarry.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when told to, and a sleep that moves it instead of waiting: tests of rate limits and
 * back-off run instantly and see exactly how long the code under test would have slept. Thread-safe.
 */
public final class ManualClock extends Clock {
    private long millis;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A clock standing at {@code start}. */
    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ManualClock is UTC only");
    }

    @Override
    public synchronized long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        millis += d.toMillis();
    }

    /** Records a sleep of {@code d} and moves the clock by it, without waiting. */
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    /** Every sleep recorded, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the sleeps recorded. */
    public synchronized Duration slept() {
        Duration total = Duration.ZERO;
        for (Duration d : sleeps) {
            total = total.plus(d);
        }
        return total;
    }
}
