package io.thermocarry.core.evaluation;

import io.thermocarry.core.Checks;

/**
 * One walk-forward fold over funding-cycle (decision) indices: training {@code [trainStart, testStart)}, test
 * {@code [testStart, testEnd)}. Whatever is fitted for the fold is decided at the settlement that opens cycle
 * {@code testStart} from data available then, i.e. from the training part and earlier history.
 *
 * @param index 0-based fold number
 * @param trainStart first training cycle
 * @param testStart first test cycle (= end of training, exclusive)
 * @param testEnd end of the test part (exclusive)
 */
public record Fold(int index, int trainStart, int testStart, int testEnd) {
    /** Validates the order {@code 0 <= trainStart < testStart < testEnd}. */
    public Fold {
        Checks.nonNegative(index, "index");
        Checks.nonNegative(trainStart, "trainStart");
        Checks.check(trainStart < testStart && testStart < testEnd,
                "fold needs trainStart < testStart < testEnd, was " + trainStart + ", " + testStart + ", " + testEnd);
    }

    /** Cycles in the training part. */
    public int trainCycles() {
        return testStart - trainStart;
    }

    /** Cycles in the test part. */
    public int testCycles() {
        return testEnd - testStart;
    }

    /** Whether cycle {@code k} lies in the test part. */
    public boolean inTest(int k) {
        return k >= testStart && k < testEnd;
    }
}
