package io.thermocarry.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Neighbour robustness on hand-made grids where every answer is counted by hand. */
class RobustnessTest {
    /** nessR 1.2/1.4/1.6 (outer) x baseFraction 0.25/0.5/0.75 (inner): point = 3·i + j. */
    private static final SweepGrid GRID = SweepGrid.parse(List.of("nessR=1.2,1.4,1.6",
            "baseFraction=0.25,0.5,0.75"));

    @Test
    void centreBest_countsItsFourNeighbours() {
        // best is the centre (4) with Sharpe 2.0; neighbours 1, 3, 5, 7
        double[] sharpe = {0.1, 1.7, 0.2, 1.5, 2.0, 1.75, 0.3, 1.61, 0.4};
        // 1: 1.7 within (|0.3| <= 0.4); 3: 1.5 not (0.5); 5: 1.75 within (0.25); 7: 1.61 within (0.39)
        double[] funding = {0, 1.0, 0, 1.0, 1.0, 1.25, 0, 0.79, 0};
        double[] basis = {0, -0.1, 0, -0.1, -0.1, -0.1, 0, -0.1, 0};
        double[] fees = {0, 0.2, 0, 0.2, 0.2, 0.2, 0, 0.2, 0};
        double[] total = new double[9];
        for (int p = 0; p < 9; p++) {
            total[p] = funding[p] + basis[p] - fees[p];
        }
        Robustness r = Robustness.of(GRID, sharpe, funding, basis, fees, total, 0.2);
        assertEquals(4, r.best());
        assertEquals(4, r.neighbours());
        assertEquals(3 / 4.0, r.sharpeWithin());
        // funding: 1 (1.0) in, 3 (1.0) in, 5 (1.25: 0.25 > 0.2) out, 7 (0.79: 0.21 > 0.2) out
        assertEquals(2 / 4.0, r.fundingWithin());
        assertEquals(1.0, r.basisWithin());
        assertEquals(1.0, r.feesWithin());
        assertEquals(2 / 4.0, r.splitWithin());
        // Sharpe and split: only neighbour 1 (3 fails Sharpe, 5 and 7 fail funding)
        assertEquals(1 / 4.0, r.allWithin());
        // axis order (nessR before baseFraction), lower step first
        assertEquals(List.of(1, 7, 3, 5), r.detail().stream().map(Robustness.Neighbour::point).toList());
        assertEquals(SweepParameter.NESS_R, r.detail().get(0).axis());
        assertEquals(1.2, r.detail().get(0).value());
        assertEquals(1.6, r.detail().get(1).value());
        assertEquals(SweepParameter.BASE_FRACTION, r.detail().get(2).axis());
        assertEquals(0.25, r.detail().get(2).value());
        assertTrue(r.detail().get(0).sharpeWithin());
        assertFalse(r.detail().get(2).sharpeWithin());
    }

    @Test
    void cornerBest_hasTwoNeighbours_andNaNNeighboursAreNeverWithin() {
        double[] sharpe = {3.0, Double.NaN, 0, 2.5, 0, 0, 0, 0, 0};
        double[] zero = new double[9];
        Robustness r = Robustness.of(GRID, sharpe, zero, zero, zero, zero, 0.2);
        assertEquals(0, r.best());
        assertEquals(2, r.neighbours());
        // neighbour 1 is NaN (out), neighbour 3 is 2.5 (|0.5| <= 0.6, in)
        assertEquals(0.5, r.sharpeWithin());
        // all PnL figures are exactly zero: a zero reference admits exactly zero
        assertEquals(1.0, r.splitWithin());
    }

    @Test
    void best_isTheHighestFiniteValue_firstOnTies_noneWhenAllNaN() {
        assertEquals(1, Robustness.best(new double[] {1, 3, 3, Double.POSITIVE_INFINITY, Double.NaN}));
        assertEquals(-1, Robustness.best(new double[] {Double.NaN, Double.NaN}));
        Robustness none = Robustness.of(SweepGrid.defaults(), new double[] {Double.NaN}, new double[1], new double[1],
                new double[1], new double[1], 0.2);
        assertEquals(-1, none.best());
        assertTrue(Double.isNaN(none.sharpeWithin()));
    }

    @Test
    void within_isRelativeToTheReferenceMagnitude_forNegativeReferencesToo() {
        assertTrue(Robustness.within(-1.1, -1.0, 0.2));
        assertTrue(Robustness.within(-0.8, -1.0, 0.2));
        assertFalse(Robustness.within(-0.79, -1.0, 0.2));
        assertFalse(Robustness.within(0.0, 1e-12, 0.2));
        assertFalse(Robustness.within(Double.NaN, 1.0, 0.2));
    }

    @Test
    void aSinglePointGrid_hasNoNeighbours_andUndefinedFractions() {
        Robustness r = Robustness.of(SweepGrid.defaults(), new double[] {1.0}, new double[1], new double[1],
                new double[1], new double[1], 0.2);
        assertEquals(0, r.best());
        assertEquals(0, r.neighbours());
        assertTrue(Double.isNaN(r.sharpeWithin()));
    }
}
