package io.thermocarry.core.evaluation;

import io.thermocarry.core.Compat;
import java.util.List;

/**
 * The walk-forward layout of one symbol under one compat mode.
 *
 * @param compat rules (the cycle construction differs between modes, so the layout does too)
 * @param cycles funding cycles available (after the evaluation range and basis coverage were applied)
 * @param firstDecision first cycle with a signal decision (the signal warm-up), {@code cycles} if none
 * @param folds the folds; empty when the history is too short
 * @param startMs start time of the first test cycle (epoch ms), 0 without folds
 * @param endMs end time of the last test cycle (epoch ms), 0 without folds
 */
public record FoldLayout(Compat compat, int cycles, int firstDecision, List<Fold> folds, long startMs, long endMs) {
    /** Copies the fold list. */
    public FoldLayout {
        folds = List.copyOf(folds);
    }

    /** First out-of-sample cycle ({@code cycles} without folds). */
    public int oosStart() {
        return folds.isEmpty() ? cycles : folds.get(0).testStart();
    }

    /** Out-of-sample cycles: the sum of the test folds' lengths. */
    public int oosCycles() {
        int s = 0;
        for (Fold f : folds) {
            s += f.testCycles();
        }
        return s;
    }
}
