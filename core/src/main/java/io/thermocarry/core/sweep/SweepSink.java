package io.thermocarry.core.sweep;

import java.util.List;

/**
 * Where a sweep's result rows go, in batches, from one writer thread (the store, a CSV file, a test's list).
 * A sink may keep what it needs; the engine keeps nothing of a batch once it is accepted.
 */
@FunctionalInterface
public interface SweepSink {
    /** Takes a batch of rows (never empty); an exception stops the sweep. */
    void accept(List<SweepRow> batch);
}
