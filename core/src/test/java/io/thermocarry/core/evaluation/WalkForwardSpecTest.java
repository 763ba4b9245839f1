package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WalkForwardSpecTest {

    @Test
    void defaults_are360TrainingThen90Test_rolledBy90() {
        List<Fold> f = WalkForwardSpec.defaults().folds(360, 1_000);
        assertEquals(new Fold(0, 360, 720, 810), f.get(0));
        assertEquals(new Fold(1, 450, 810, 900), f.get(1));
        assertEquals(new Fold(2, 540, 900, 990), f.get(2));
        assertEquals(new Fold(3, 630, 990, 1_000), f.get(3), "the last test part is cut at the end, not dropped");
        assertEquals(4, f.size());
    }

    @Test
    void tooShortAHistory_givesNoFold() {
        assertTrue(WalkForwardSpec.defaults().folds(0, 360).isEmpty());
        assertEquals(1, WalkForwardSpec.defaults().folds(0, 361).size());
    }

    @Property(tries = 200)
    void testParts_tileTheOutOfSampleSpan_eachAfterExactlyItsTrainingWindow(
            @ForAll @IntRange(min = 1, max = 500) int train, @ForAll @IntRange(min = 1, max = 200) int test,
            @ForAll @IntRange(min = 0, max = 300) int first, @ForAll @IntRange(min = 0, max = 3_000) int extra) {
        int end = first + extra;
        List<Fold> folds = new WalkForwardSpec(train, test).folds(first, end);
        int expectedEnd = first + train;
        for (int i = 0; i < folds.size(); i++) {
            Fold f = folds.get(i);
            assertEquals(i, f.index());
            assertEquals(train, f.trainCycles());
            assertEquals(expectedEnd, f.testStart(), "no gap, no overlap");
            assertTrue(f.testCycles() == test || i == folds.size() - 1 && f.testEnd() == end);
            expectedEnd = f.testEnd();
        }
        assertEquals(end > first + train ? end : first + train, expectedEnd, "tiles up to the end");
    }
}
