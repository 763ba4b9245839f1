package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.stats.BandwidthRule;
import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.Execution;
import io.thermocarry.core.stats.GaussianKde;
import io.thermocarry.core.stats.LinearFit;
import io.thermocarry.core.stats.Moments;
import io.thermocarry.core.stats.Percentiles;
import org.junit.jupiter.api.Test;

class DetailedFluctuationTest {
    private static final BootstrapSpec BOOT = new BootstrapSpec(100, 3, 0.95, Execution.PARALLEL);

    @Test
    void slope_equalsBeta_forTheDftSatisfyingGaussian() {
        double beta = 2;
        double[] s = JarzynskiTest.dftGaussian(21, 20_000, 0.1, beta);
        DftResult r = DetailedFluctuation.test(s, BOOT);
        assertEquals(EstimateState.OK, r.state());
        assertTrue(r.slopeCi().contains(beta), r.toString());
        assertEquals(beta, r.slope(), 0.15 * beta);
        assertTrue(r.r2() > 0.95, "R² " + r.r2());
        assertEquals(0.0, r.intercept(), 0.05);
        assertEquals(100, r.resamplesUsed());
    }

    @Test
    void symmetricSigma_hasZeroSlope() {
        double[] s = new double[10_000];
        io.thermocarry.core.stats.GaussianSampler g = new io.thermocarry.core.stats.GaussianSampler(
                new java.util.SplittableRandom(22));
        for (int i = 0; i < s.length; i++) {
            s[i] = g.next(0, 0.3);
        }
        DftResult r = DetailedFluctuation.test(s, BOOT);
        assertTrue(r.slopeCi().contains(0.0), r.toString());
    }

    /** The reference procedure, written out with the direct KDE sum. */
    private static double referenceSlope(double[] s) {
        int n = s.length;
        double h = Math.sqrt(Moments.sampleVariance(s)) * Math.pow(3.0 * n / 4.0, -0.2);
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(s[i]);
        }
        double e = Percentiles.of(abs, 98);
        double[] xs = new double[200];
        double[] pp = new double[200];
        double[] pn = new double[200];
        double max = 0;
        for (int j = 0; j < 200; j++) {
            xs[j] = 0.01 * e + j * (0.99 * e / 199);
            pp[j] = GaussianKde.density(s, h, xs[j]);
            pn[j] = GaussianKde.density(s, h, -xs[j]);
            max = Math.max(max, pp[j]);
        }
        double thr = Math.max(1e-4 * max, 1e-15);
        double[] x = new double[200];
        double[] y = new double[200];
        int k = 0;
        for (int j = 0; j < 200; j++) {
            if (pp[j] > thr && pn[j] > thr) {
                x[k] = xs[j];
                y[k] = Math.log(pp[j] / pn[j]);
                k++;
            }
        }
        return LinearFit.of(x, y, k).slope();
    }

    @Test
    void pointEstimate_equalsTheDirectKdeProcedure_onASkewedSample() {
        double[] s = JarzynskiTest.dftGaussian(23, 3_000, 0.2, 1.5);
        for (int i = 0; i < s.length; i += 37) {
            s[i] *= 4; // some heavier tails
        }
        DftResult r = DetailedFluctuation.test(s, BOOT.withResamples(0));
        assertEquals(referenceSlope(s), r.slope(), 1e-9 * Math.abs(r.slope()));
        assertEquals(GaussianKde.bandwidth(s, BandwidthRule.SCIPY_SILVERMAN), r.bandwidth(), 0);
        assertTrue(!r.slopeCi().isDefined());
    }

    @Test
    void robustBandwidth_isAnOption() {
        double[] s = JarzynskiTest.dftGaussian(24, 5_000, 0.1, 2);
        DftResult a = DetailedFluctuation.test(s, DftSpec.defaults(), BOOT.withResamples(0));
        DftResult b = DetailedFluctuation.test(s, DftSpec.defaults().withBandwidth(BandwidthRule.SILVERMAN_ROBUST),
                BOOT.withResamples(0));
        assertEquals(GaussianKde.bandwidth(s, BandwidthRule.SILVERMAN_ROBUST), b.bandwidth(), 1e-15);
        assertNotEquals(a.bandwidth(), b.bandwidth());
    }

    @Test
    void tooFewSamples_areInsufficient() {
        DftResult r = DetailedFluctuation.test(new double[49], BOOT);
        assertEquals(EstimateState.INSUFFICIENT, r.state());
        assertTrue(Double.isNaN(r.slope()));
        DftResult zeros = DetailedFluctuation.test(new double[100], BOOT);
        assertEquals(EstimateState.INSUFFICIENT, zeros.state());
    }

    @Test
    void slopeInterval_isReproducible_andSeedDependent() {
        double[] s = JarzynskiTest.dftGaussian(25, 2_000, 0.1, 2);
        DftResult a = DetailedFluctuation.test(s, BOOT);
        DftResult b = DetailedFluctuation.test(s, BOOT.withExecution(Execution.SEQUENTIAL));
        DftResult c = DetailedFluctuation.test(s, BOOT.withSeed(4));
        assertEquals(a, b);
        assertNotEquals(a.slopeCi(), c.slopeCi());
        assertEquals(a.slope(), c.slope());
    }
}
