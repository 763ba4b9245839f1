package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianSamplerTest {
    @Test
    void sameSeed_givesTheSameSequence() {
        GaussianSampler a = new GaussianSampler(new SplittableRandom(9));
        GaussianSampler b = new GaussianSampler(new SplittableRandom(9));
        for (int i = 0; i < 1000; i++) {
            assertEquals(Double.doubleToRawLongBits(a.next()), Double.doubleToRawLongBits(b.next()));
        }
    }

    @Test
    void deviates_haveStandardNormalMoments() {
        GaussianSampler g = new GaussianSampler(new SplittableRandom(1));
        int n = 400_000;
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        int beyond196 = 0;
        for (int i = 0; i < n; i++) {
            double z = g.next();
            s += z;
            s2 += z * z;
            s4 += z * z * z * z;
            if (Math.abs(z) > 1.959964) {
                beyond196++;
            }
        }
        // tolerances ≈ 4 standard errors: mean 1/√n, var √(2/n), kurtosis √(96/n), tail share √(.05·.95/n)
        assertEquals(0.0, s / n, 4 / Math.sqrt(n));
        assertEquals(1.0, s2 / n, 4 * Math.sqrt(2.0 / n));
        assertEquals(3.0, s4 / n, 4 * Math.sqrt(96.0 / n));
        assertEquals(0.05, beyond196 / (double) n, 4 * Math.sqrt(0.05 * 0.95 / n));
        assertTrue(g.next(3.0, 0.0) == 3.0);
    }
}
