package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TTestTest {

    /** Eleven values with sample sd exactly 1 and mean 2/√11, so t = 2 with 10 degrees of freedom. */
    private static double[] sampleWithT2() {
        double[] z = {-1.6, -1.1, -0.7, -0.4, -0.1, 0.0, 0.2, 0.5, 0.8, 1.1, 1.3};
        double m = Moments.mean(z);
        double sd = Math.sqrt(Moments.sampleVariance(z));
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = (z[i] - m) / sd + 2.0 / Math.sqrt(11);
        }
        return x;
    }

    @Test
    void oneSidedPValue_matchesTable_forT2Df10() {
        TTest.Result r = TTest.oneSample(sampleWithT2(), 0.0, 0.95);
        assertEquals(10, r.df());
        assertEquals(2.0, r.t(), 1e-12);
        // Student t table: P(T_10 > 2.0) = 0.036694, two-sided 0.073388
        assertEquals(0.036694, r.pGreater(), 5e-7);
        assertEquals(0.073388, r.pTwoSided(), 1e-6);
    }

    @Test
    void confidenceInterval_usesTheTableCriticalValue() {
        TTest.Result r = TTest.oneSample(sampleWithT2(), 0.0, 0.95);
        // t_{0.975, 10} = 2.228139
        double half = 2.228139 * 1.0 / Math.sqrt(11);
        assertEquals(r.mean() - half, r.ci().low(), 1e-6);
        assertEquals(r.mean() + half, r.ci().high(), 1e-6);
    }

    @Test
    void upperTail_isAccurate_farOutWhereOneMinusCdfCancels() {
        // 51 values with t = 10 exactly (df 50); scipy: t.sf(10, 50) = 8.038667344167724e-14
        double[] z = new double[51];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.sin(i + 1.0);
        }
        double m = Moments.mean(z);
        double sd = Math.sqrt(Moments.sampleVariance(z));
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = (z[i] - m) / sd + 10.0 / Math.sqrt(51);
        }
        TTest.Result r = TTest.oneSample(x, 0.0, 0.95);
        assertEquals(10.0, r.t(), 1e-11);
        assertEquals(8.038667344167724e-14, r.pGreater(), 8.038667344167724e-14 * 1e-6);
    }

    @Test
    void constantSample_givesInfiniteT_andDegeneratePValues() {
        TTest.Result pos = TTest.oneSample(new double[] {2, 2, 2}, 0.0, 0.95);
        assertEquals(Double.POSITIVE_INFINITY, pos.t());
        assertEquals(0.0, pos.pGreater());
        TTest.Result neg = TTest.oneSample(new double[] {-2, -2, -2}, 0.0, 0.95);
        assertEquals(1.0, neg.pGreater());
    }

    @Test
    void tooFewValues_giveNaN() {
        TTest.Result r = TTest.oneSample(new double[] {1.0}, 0.0, 0.95);
        assertTrue(Double.isNaN(r.pGreater()));
        assertTrue(!r.ci().isDefined());
    }
}
