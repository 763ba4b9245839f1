package io.thermocarry.core.portfolio;

import io.thermocarry.core.Checks;

/**
 * A run of consecutive untradable funding cycles of one symbol ({@link HoleKind}): the sleeve is flat through
 * it (closed at the decision that opens it, reopened at the first tradable cycle after it).
 *
 * @param kind why (the first cycle's reason when a run mixes both)
 * @param firstCycle first cycle of the run
 * @param cycles number of cycles in the run ({@code >= 1})
 * @param startMs start of the first cycle, epoch ms
 * @param endMs end of the last cycle, epoch ms
 */
public record CycleHole(HoleKind kind, int firstCycle, int cycles, long startMs, long endMs) {
    /** Validates. */
    public CycleHole {
        Checks.notNull(kind, "kind");
        Checks.nonNegative(firstCycle, "firstCycle");
        Checks.positive(cycles, "cycles");
        Checks.check(endMs > startMs, "hole ends before it starts");
    }

    /** Length of the hole in hours. */
    public double hours() {
        return (endMs - startMs) / 3_600_000.0;
    }
}
