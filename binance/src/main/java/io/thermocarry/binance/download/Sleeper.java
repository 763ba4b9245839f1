package io.thermocarry.binance.download;

import java.time.Duration;

/**
 * How the network clients wait (back-off, {@code Retry-After}, a weight minute rolling over). Injected so that tests
 * pass a sleeper that advances a manual clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    /**
     * Waits {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted (the download stops)
     */
    void sleep(Duration duration) throws InterruptedException;
}
