package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-forward layout (SPEC §9): folds of {@code trainCycles} training cycles followed by
 * {@code testCycles} test cycles, rolled forward by {@code testCycles}, so that the test parts tile the
 * out-of-sample span without overlap or gap and every test cycle has exactly {@code trainCycles} cycles of
 * training right before it.
 *
 * <p>Over the usable cycles {@code [first, end)} (first = the first cycle with a signal decision, or later):
 * fold f trains on {@code [first + f·test, first + f·test + train)} and tests on the next {@code test} cycles;
 * the last fold's test part is cut at {@code end} (a partial fold is kept so no out-of-sample cycle is lost).
 * With fewer than {@code train + 1} usable cycles there is no fold.
 *
 * @param trainCycles training cycles per fold (360 = 120 days of 8 h cycles)
 * @param testCycles test cycles per fold and roll step (90 = 30 days)
 */
public record WalkForwardSpec(int trainCycles, int testCycles) {
    /** Validates positive lengths. */
    public WalkForwardSpec {
        Checks.positive(trainCycles, "trainCycles");
        Checks.positive(testCycles, "testCycles");
    }

    /** 360 training cycles, 90 test cycles. */
    public static WalkForwardSpec defaults() {
        return new WalkForwardSpec(360, 90);
    }

    /**
     * The folds over cycles {@code [first, end)}.
     *
     * @param first first usable cycle (the first with a signal decision, or the evaluation start if later)
     * @param end end of the usable cycles (exclusive)
     */
    public List<Fold> folds(int first, int end) {
        Checks.nonNegative(first, "first");
        List<Fold> out = new ArrayList<>();
        for (int f = 0;; f++) {
            long trainStart = first + (long) f * testCycles;
            long testStart = trainStart + trainCycles;
            if (testStart >= end) {
                break;
            }
            long testEnd = Math.min(testStart + testCycles, end);
            out.add(new Fold(f, (int) trainStart, (int) testStart, (int) testEnd));
        }
        return List.copyOf(out);
    }
}
