package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.stats.TTest;
import org.junit.jupiter.api.Test;

class SecondLawTest {
    @Test
    void holds_whenMeanPositiveAndSignificant() {
        double[] s = JarzynskiTest.dftGaussian(31, 2_000, 0.05, 2);
        double[] bs = CycleThermo.entropyProduction(s, 2);
        SecondLaw.Result r = SecondLaw.test(bs);
        TTest.Result t = TTest.oneSample(bs, 0, 0.95);
        assertEquals(t.pGreater(), r.pValue());
        assertEquals(t.mean(), r.meanEntropyProduction());
        assertEquals(t.ci(), r.ci());
        assertTrue(r.holds());
        // mean βσ = 0.1 with sd √(2·0.1) ≈ 0.45: about 41 % of cycles negative
        assertEquals(0.41, r.fractionNegative(), 0.04);
    }

    @Test
    void doesNotHold_forNegativeOrInsignificantMeans() {
        assertFalse(SecondLaw.test(new double[] {-1, -2, -0.5, 0.1}).holds());
        assertFalse(SecondLaw.test(new double[] {0.1, -0.1, 0.2, -0.15}).holds());
        assertEquals(0.5, SecondLaw.test(new double[] {0.1, -0.1, 0.2, -0.15}).fractionNegative());
    }
}
