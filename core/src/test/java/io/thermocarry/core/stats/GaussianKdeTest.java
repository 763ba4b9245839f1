package io.thermocarry.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianKdeTest {
    private static final double[] FIXTURE = {0.3, -1.2, 2.5, 0.7, 0.1, -0.4, 1.9, -2.2, 0.05, 1.1};

    /** The textbook O(n·m) sum, written independently of the class under test. */
    private static double directSum(double[] s, double[] w, double h, double x) {
        double sum = 0;
        double tw = 0;
        for (int i = 0; i < s.length; i++) {
            double wi = w == null ? 1 : w[i];
            sum += wi * Math.exp(-(x - s[i]) * (x - s[i]) / (2 * h * h));
            tw += wi;
        }
        return sum / (tw * h * Math.sqrt(2 * Math.PI));
    }

    @Test
    void scipySilvermanBandwidth_andDensities_matchScipy() {
        // scipy 1.17 gaussian_kde(FIXTURE, 'silverman'): sqrt(covariance) and kde([-3, -1, 0, 0.5, 2, 4])
        double h = GaussianKde.bandwidth(FIXTURE, BandwidthRule.SCIPY_SILVERMAN);
        assertEquals(0.9263329855313645, h, 1e-15);
        double[] grid = new double[15]; // -3, -2.5, ..., 4
        GaussianKde.densityOnGrid(FIXTURE, null, FIXTURE.length, h, -3.0, 0.5, grid);
        double[] scipy = {0.03746193, 0.16726827, 0.24712936, 0.24997983, 0.14255731, 0.01532785};
        int[] at = {0, 4, 6, 7, 10, 14};
        for (int k = 0; k < at.length; k++) {
            assertEquals(scipy[k], grid[at[k]], 1e-8);
            assertEquals(scipy[k], GaussianKde.density(FIXTURE, h, -3.0 + 0.5 * at[k]), 1e-8);
        }
    }

    @Test
    void robustSilverman_usesTheSmallerOfSdAndIqrOver134() {
        double[] x = {-10, 0, 0.1, 0.2, 0.3, 0.4, 10};
        double sd = Math.sqrt(Moments.sampleVariance(x));
        double iqr = Percentiles.of(x, 75) - Percentiles.of(x, 25);
        double expected = 0.9 * Math.min(sd, iqr / 1.34) * Math.pow(7, -0.2);
        assertEquals(expected, GaussianKde.bandwidth(x, BandwidthRule.SILVERMAN_ROBUST), 1e-15);
    }

    @Test
    void gridRecurrence_equalsTheDirectSum_onSkewedHeavyTailedSamples() {
        SplittableRandom r = new SplittableRandom(5);
        double[] s = new double[3000];
        for (int i = 0; i < s.length; i++) {
            double u = r.nextDouble();
            s[i] = u < 0.9 ? 0.2 + 0.5 * Math.log(u + 1e-3) : 3.0 / (1.0 - u) - 25;
        }
        double h = GaussianKde.bandwidth(s, BandwidthRule.SCIPY_SILVERMAN);
        double[] grid = new double[257];
        double x0 = -4.0;
        double dx = 0.03;
        GaussianKde.densityOnGrid(s, null, s.length, h, x0, dx, grid);
        double max = 0;
        for (double g : grid) {
            max = Math.max(max, g);
        }
        for (int j = 0; j < grid.length; j++) {
            double exact = directSum(s, null, h, x0 + j * dx);
            if (exact > 1e-12 * max) {
                assertEquals(exact, grid[j], 1e-11 * exact, "grid point " + j);
            }
        }
    }

    @Test
    void weights_actAsMultiplicities() {
        double[] s = {0.0, 1.0, 3.0};
        double[] w = {2.0, 0.0, 1.0};
        double[] expanded = {0.0, 0.0, 3.0};
        double[] a = new double[40];
        double[] b = new double[40];
        GaussianKde.densityOnGrid(s, w, 3.0, 0.4, -1.0, 0.1, a);
        GaussianKde.densityOnGrid(expanded, null, 3.0, 0.4, -1.0, 0.1, b);
        for (int j = 0; j < a.length; j++) {
            assertEquals(b[j], a[j], 1e-15);
            assertEquals(directSum(s, w, 0.4, -1.0 + 0.1 * j), a[j], 1e-13);
        }
    }

    @Test
    void binnedEvaluation_isWithinTheBinningErrorBound() {
        SplittableRandom r = new SplittableRandom(8);
        double[] s = new double[5000];
        double[] w = new double[s.length];
        GaussianSampler g = new GaussianSampler(r.split());
        for (int i = 0; i < s.length; i++) {
            s[i] = g.next(0.3, 1.2);
            w[i] = r.nextInt(3);
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double h = 0.2;
        double dx = h / 16; // the DFT grid's typical h/dx
        double[] exact = new double[200];
        double[] binned = new double[200];
        GaussianKde.densityOnGrid(s, w, total, h, -2.0, dx, exact);
        GaussianKde.densityOnGridBinned(s, w, total, h, -2.0, dx, 2, binned);
        for (int j = 0; j < exact.length; j++) {
            assertTrue(Math.abs(binned[j] - exact[j]) <= 1e-3 * exact[j], "j " + j + " " + exact[j] + " " + binned[j]);
        }
    }
}
