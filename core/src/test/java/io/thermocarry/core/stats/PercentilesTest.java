package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    // numpy 2.4: np.percentile(x, [0, 1, 2.5, 25, 50, 97.5, 98, 99, 100])
    private static final double[] X = {3.1, -2.0, 0.5, 7.25, 1.0, -0.75, 2.2};
    private static final double[] PCT = {0, 1, 2.5, 25, 50, 97.5, 98, 99, 100};
    private static final double[] NUMPY = {-2.0, -1.925, -1.8125, -0.125, 1.0, 6.6275, 6.752, 7.001, 7.25};

    @Test
    void percentile_matchesNumpyLinearInterpolation() {
        for (int i = 0; i < PCT.length; i++) {
            assertEquals(NUMPY[i], Percentiles.of(X, PCT[i]), 1e-12, "pct " + PCT[i]);
        }
    }

    @Test
    void percentile_dropsNaN_andIsNaNWhenEmpty() {
        double[] withNaN = {Double.NaN, 3.1, -2.0, 0.5, 7.25, Double.NaN, 1.0, -0.75, 2.2};
        assertEquals(1.0, Percentiles.of(withNaN, 50), 0);
        assertTrue(Double.isNaN(Percentiles.of(new double[] {Double.NaN}, 50)));
    }

    @Test
    void winsorize_clipsAtThePercentiles_andKeepsOrderOfValues() {
        double[] w = Percentiles.winsorize(X, 25, 97.5);
        double[] expected = {3.1, -0.125, 0.5, 6.6275, 1.0, -0.125, 2.2};
        assertArrayEquals(expected, w, 1e-12);
    }

    @Test
    void winsorize_withFullRange_isIdentity() {
        assertArrayEquals(X, Percentiles.winsorize(X, 0, 100), 0);
    }
}
