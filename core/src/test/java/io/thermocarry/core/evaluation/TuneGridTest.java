package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TuneGridTest {
    private final TuneGrid grid = TuneGrid.parse("relaxationDanger=1.2,1.8;baseFraction=0.25,0.5;drawdownBudget=0.01");

    @Test
    void points_runRelaxationOuterAndBaseFractionInner() {
        assertEquals(4, grid.size());
        assertEquals(1.2, grid.relaxationDangerOf(1));
        assertEquals(0.5, grid.baseFractionOf(1));
        assertEquals(1.8, grid.relaxationDangerOf(2));
        assertEquals(0.25, grid.baseFractionOf(2));
        assertEquals(grid, TuneGrid.parse(grid.canonical()));
    }

    @Test
    void choose_takesTheBestReturnWithinTheBudget() {
        assertEquals(2, grid.choose(new double[] {0.01, 0.03, 0.02, 0.05}, new double[] {0.002, 0.02, 0.009, 0.011}));
    }

    @Test
    void choose_takesTheSmallestDrawdown_whenNoPointIsWithinBudget() {
        assertEquals(1, grid.choose(new double[] {0.01, 0.03, 0.02, 0.05}, new double[] {0.05, 0.02, 0.03, 0.04}));
    }

    @Test
    void choose_breaksTiesByGridOrder_andNeverPicksANaNReturn() {
        assertEquals(0, grid.choose(new double[] {0.02, 0.02, Double.NaN, 0.02}, new double[] {0, 0, 0, 0}));
        assertEquals(1, grid.choose(new double[] {Double.NaN, 0.0, 0.0, 0.0}, new double[] {0, 0, 0, 0}));
    }

    @Test
    void parse_keepsDefaultsForOmittedKeys_andNamesBadParts() {
        TuneGrid g = TuneGrid.parse("baseFraction=0.3");
        assertArrayEquals(TuneGrid.defaults().relaxationDanger(), g.relaxationDanger());
        assertArrayEquals(new double[] {0.3}, g.baseFraction());
        assertThrows(IllegalArgumentException.class, () -> TuneGrid.parse("speed=1"));
        assertThrows(IllegalArgumentException.class, () -> TuneGrid.parse("baseFraction=0.5,0.4"));
        assertThrows(IllegalArgumentException.class, () -> TuneGrid.parse("baseFraction=x"));
    }
}
