package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.physics.OuEstimator;
import io.thermocarry.core.physics.OuFit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollingOuEstimatorTest {

    private static double rel(double a, double b) {
        return GoldenFiles.relErr(a, b);
    }

    /**
     * An AR(1) stream (φ 0.9) around a slowly drifting level; with {@code jumps}, the level also jumps by
     * 0.5 % now and then, which drives the through-origin φ towards 1 (an ill-conditioned κ).
     */
    private static double[] stream(long seed, int n, boolean jumps) {
        Random rnd = new Random(seed);
        double[] b = new double[n];
        double x = 0;
        double level = 0.03;
        for (int i = 0; i < n; i++) {
            level += 0.0005 * rnd.nextGaussian();
            if (jumps && rnd.nextInt(5000) == 0) {
                level += 0.5;
            }
            x = 0.9 * x + 0.02 * rnd.nextGaussian();
            b[i] = level + x;
        }
        return b;
    }

    /**
     * Equal to {@link OuEstimator#fit} on every window of a 30,000-point stream, to 1e−12 relative (κ, T and
     * β relative to κ's condition number 1/κ, which only matters for the short windows: at 720 points the
     * plain relative difference is below 1e−13).
     */
    @ParameterizedTest
    @EnumSource(KappaMethod.class)
    void rollingFit_equalsOuEstimatorFit_onEveryWindowOfALongStream(KappaMethod method) {
        double[] b = stream(11, 30_000, false);
        for (int window : new int[] {720, 50, 12}) {
            RollingOuEstimator r = new RollingOuEstimator(window, method, 1.0);
            double worst = 0;
            for (int i = 0; i < b.length; i++) {
                r.add(b[i]);
                int lo = Math.max(0, i + 1 - window);
                OuFit f = OuEstimator.fit(b, lo, i + 1, 1.0, method);
                OuFit g = r.fit();
                assertEquals(f.points(), g.points());
                // κ = −ln φ: a last-digit difference in φ is amplified by 1/|ln φ| = 1/κ (Δt = 1 h)
                double cond = Math.max(1.0, 1.0 / f.kappaPerHour());
                worst = Math.max(worst, rel(f.kappaPerHour(), g.kappaPerHour()) / cond);
                worst = Math.max(worst, rel(f.variance(), g.variance()));
                worst = Math.max(worst, rel(f.temperature(), g.temperature()) / cond);
                worst = Math.max(worst, rel(f.beta(), g.beta()) / cond);
                worst = Math.max(worst, rel(OuEstimator.kappa(b, lo, i + 1, 1.0, method), r.relaxationKappa()) / cond);
                assertEquals(g.beta(), r.beta());
                assertEquals(g.kappaPerHour(), r.fitKappa());
            }
            System.out.printf("rolling %s window %d: max relative difference to OuEstimator.fit (κ-derived ones over 1/κ) %.2e%n", method, window,
                    worst);
            assertTrue(worst <= 1e-12, method + " window " + window + ": " + worst);
        }
    }

    /** φ and the population variance of {@code b[lo, hi)} in 60-digit arithmetic. */
    private static double[] exact(double[] b, int lo, int hi, KappaMethod method) {
        MathContext mc = new MathContext(60);
        BigDecimal n = BigDecimal.valueOf(hi - lo);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = lo; i < hi; i++) {
            sum = sum.add(new BigDecimal(b[i]), mc);
        }
        BigDecimal mean = sum.divide(n, mc);
        BigDecimal shift = method == KappaMethod.DEMEANED ? mean : BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal ss = BigDecimal.ZERO;
        for (int i = lo; i < hi; i++) {
            BigDecimal d = new BigDecimal(b[i]).subtract(mean, mc);
            ss = ss.add(d.multiply(d, mc), mc);
            if (i + 1 < hi) {
                BigDecimal x = new BigDecimal(b[i]).subtract(shift, mc);
                BigDecimal y = new BigDecimal(b[i + 1]).subtract(shift, mc);
                sxx = sxx.add(x.multiply(x, mc), mc);
                sxy = sxy.add(x.multiply(y, mc), mc);
            }
        }
        return new double[] {sxy.divide(sxx, mc).doubleValue(), ss.divide(n, mc).doubleValue()};
    }

    /**
     * Against exact arithmetic, on the ill-conditioned stream (level jumps, φ near 1) and on a basis level
     * of 1000 % with 0.01 % wiggles (a sum of squares there loses twelve digits): the variance to 1e−12,
     * κ to 1e−12 times its condition number {@code 1/|ln φ|} (the rounding of φ itself costs that much in
     * any implementation). The naive sums of {@link OuEstimator#fit} miss both bounds here.
     */
    @ParameterizedTest
    @EnumSource(KappaMethod.class)
    void rollingFit_isExactToRounding_onIllConditionedStreams(KappaMethod method) {
        double[] jumpy = stream(11, 30_000, true);
        Random rnd = new Random(3);
        double[] high = new double[5000];
        for (int i = 0; i < high.length; i++) {
            high[i] = 1000.0 + 0.01 * rnd.nextGaussian() + i * 1e-3;
        }
        for (double[] b : new double[][] {jumpy, high}) {
            for (int window : new int[] {720, 50}) {
                RollingOuEstimator r = new RollingOuEstimator(window, method, 1.0);
                double worstKappa = 0;
                double worstVar = 0;
                for (int i = 0; i < b.length; i++) {
                    r.add(b[i]);
                    int lo = Math.max(0, i + 1 - window);
                    if (i % 211 != 0 || i + 1 - lo < 10) {
                        continue;
                    }
                    double[] ex = exact(b, lo, i + 1, method);
                    double kappa = OuEstimator.kappaFromPhi(ex[0], 1.0);
                    double cond = Math.max(1.0, 1.0 / Math.abs(Math.log(Math.min(Math.max(ex[0], 1e-6), 1 - 1e-6))));
                    worstKappa = Math.max(worstKappa, rel(kappa, r.fitKappa()) / cond);
                    worstVar = Math.max(worstVar, rel(ex[1], r.variance()));
                }
                assertTrue(worstKappa <= 1e-12, method + " window " + window + " κ: " + worstKappa);
                assertTrue(worstVar <= 1e-12, method + " window " + window + " variance: " + worstVar);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KappaMethod.class)
    void fallbacks_followExactArithmetic(KappaMethod method) {
        RollingOuEstimator r = new RollingOuEstimator(30, method, 1.0);
        for (int i = 0; i < 9; i++) {
            r.add(0.1 * i);
        }
        OuFit under = r.fit();
        assertEquals(0.01, under.kappaPerHour());
        assertEquals(1.0, under.beta());
        assertEquals(0.01, r.relaxationKappa());
        // a constant window: zero variance, so T = 0 and β = 1e6 (a sum-based variance would be ~1e−34)
        for (int i = 0; i < 40; i++) {
            r.add(0.1);
        }
        assertEquals(0.0, r.variance());
        assertEquals(1e6, r.beta());
        // all zeros: Σ b_t² = 0, so the fit takes φ = 0.5 and the relaxation κ falls back to 0.01
        for (int i = 0; i < 40; i++) {
            r.add(0.0);
        }
        assertEquals(OuEstimator.kappaFromPhi(0.5, 1.0), r.fitKappa());
        assertEquals(0.01, r.relaxationKappa());
        double[] zeros = new double[30];
        assertEquals(OuEstimator.fit(zeros, 0, 30, 1.0, method).kappaPerHour(), r.fitKappa());
        assertEquals(OuEstimator.kappa(zeros, 0, 30, 1.0, method), r.relaxationKappa());
        if (method == KappaMethod.THROUGH_ORIGIN) {
            // zeros then one non-zero value: the AR(1) denominator (all but the last point) is still zero
            r.add(5.0);
            double[] w = new double[30];
            w[29] = 5.0;
            assertEquals(OuEstimator.fit(w, 0, 30, 1.0, method).kappaPerHour(), r.fitKappa());
            assertEquals(OuEstimator.kappa(w, 0, 30, 1.0, method), r.relaxationKappa());
        }
        assertThrows(IllegalArgumentException.class, () -> r.add(Double.NaN));
    }
}
