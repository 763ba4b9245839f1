package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void exactLine_isRecovered_withR2One() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, 3, 5, 7, 9};
        LinearFit f = LinearFit.of(x, y, 5);
        assertEquals(2.0, f.slope(), 1e-14);
        assertEquals(1.0, f.intercept(), 1e-14);
        assertEquals(1.0, f.r2(), 1e-14);
    }

    @Test
    void handComputedFit_matches() {
        // x̄ = 2, ȳ = 2.2; Sxx = 10, Sxy = 8, Syy = 6.8 → slope 0.8, intercept 0.6, R² = 64/68
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, 1, 2, 3, 4};
        LinearFit f = LinearFit.of(x, y, 5);
        assertEquals(0.8, f.slope(), 1e-14);
        assertEquals(0.6, f.intercept(), 1e-14);
        assertEquals(64.0 / 68.0, f.r2(), 1e-14);
    }

    @Test
    void onlyFirstNPoints_areUsed_andDegenerateXGivesNaN() {
        double[] x = {0, 1, 99};
        double[] y = {0, 2, -50};
        assertEquals(2.0, LinearFit.of(x, y, 2).slope(), 0);
        assertTrue(Double.isNaN(LinearFit.of(new double[] {1, 1}, new double[] {0, 1}, 2).slope()));
    }
}
