package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.stats.GaussianSampler;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RollingOuTest {

    /** Real-like hourly basis: AR(1) around a level, with NaN runs and occasional scale regimes. */
    static double[] realLike(long seed, int n, double nanProbability, boolean regimes) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianSampler g = new GaussianSampler(r.split());
        double[] b = new double[n];
        double x = 0;
        double scale = 1;
        boolean inGap = false;
        for (int i = 0; i < n; i++) {
            if (regimes && i % 5_000 == 0) {
                // alternate huge and tiny regimes: 1e3 then 1e-3 (six orders of magnitude in the squares)
                scale = (i / 5_000) % 2 == 0 ? 1e3 : 1e-3;
            }
            x = 0.9 * x + 0.3 * g.next();
            double level = 0.01 + 0.02 * Math.sin(i / 500.0);
            b[i] = scale * (level + 0.04 * x);
            if (inGap) {
                inGap = r.nextDouble() > 0.3;
            } else {
                inGap = r.nextDouble() < nanProbability;
            }
            if (inGap) {
                b[i] = Double.NaN;
            }
        }
        return b;
    }

    static void assertRel(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(expected - actual) <= tol * scale, what + ": expected " + expected + " got " + actual);
    }

    static void assertSameFit(OuFit oracle, OuFit fit, double tol, String at) {
        assertEquals(oracle.points(), fit.points(), at + " points");
        assertRel(oracle.kappaPerHour(), fit.kappaPerHour(), tol, at + " kappa");
        assertRel(oracle.variance(), fit.variance(), tol, at + " variance");
        assertRel(oracle.temperature(), fit.temperature(), tol, at + " T");
        assertRel(oracle.beta(), fit.beta(), tol, at + " beta");
    }

    private static void checkAgainstOracle(double[] b, int window, KappaMethod method, int every) {
        RollingOu r = new RollingOu(window, 1.0, method);
        for (int i = 0; i < b.length; i++) {
            r.add(b[i]);
            if (i % every == 0 || i == b.length - 1) {
                int from = Math.max(0, i - window + 1);
                OuFit oracle = OuEstimator.fit(b, from, i + 1, 1.0, method);
                assertSameFit(oracle, r.fit(), 1e-9, method + " W=" + window + " i=" + i);
                assertRel(OuEstimator.kappa(b, from, i + 1, 1.0, method), r.kappa(), 1e-9, "kappa() at " + i);
            }
        }
    }

    @Test
    void throughOrigin_equalsWindowedFit_over60000UpdatesWithNaNsAndRegimeShifts() {
        checkAgainstOracle(realLike(1, 60_000, 0.02, true), 720, KappaMethod.THROUGH_ORIGIN, 97);
    }

    @Test
    void demeaned_equalsWindowedFit_over60000UpdatesWithNaNsAndRegimeShifts() {
        checkAgainstOracle(realLike(2, 60_000, 0.02, true), 720, KappaMethod.DEMEANED, 97);
    }

    @Test
    void equalsWindowedFit_atEveryUpdate_forSmallWindowsWithLongNaNRuns() {
        double[] b = realLike(3, 4_000, 0.2, false);
        for (int w : new int[] {1, 2, 3, 9, 10, 11, 24, 50}) {
            checkAgainstOracle(b, w, KappaMethod.THROUGH_ORIGIN, 1);
            checkAgainstOracle(b, w, KappaMethod.DEMEANED, 1);
        }
    }

    @Test
    void plainRunningSums_wouldFail_afterAHugeRegimeLeavesTheWindow() {
        // the stress fixture is meaningful: without compensation the tiny regime after a 1e3 regime loses
        // every digit (Σb² of order 1e6·W minus itself, against a remainder of order 1e-6·W)
        double[] b = realLike(1, 9_001, 0.0, true);
        double naive = 0;
        int w = 720;
        for (int i = 0; i < b.length; i++) {
            naive += b[i] * b[i];
            if (i >= w) {
                naive -= b[i - w] * b[i - w];
            }
        }
        double exact = 0;
        for (int i = b.length - w; i < b.length; i++) {
            exact += b[i] * b[i];
        }
        assertTrue(Math.abs(naive - exact) > 1e-9 * exact, "naive sums unexpectedly accurate");
        RollingOu r = new RollingOu(w, 1.0, KappaMethod.THROUGH_ORIGIN);
        for (double v : b) {
            r.add(v);
        }
        assertSameFit(OuEstimator.fit(b, b.length - w, b.length, 1.0, KappaMethod.THROUGH_ORIGIN), r.fit(), 1e-9,
                "end");
    }

    @Test
    void rebuild_changesNothing() {
        double[] b = realLike(4, 3_000, 0.05, false);
        RollingOu r = new RollingOu(300, 1.0, KappaMethod.DEMEANED);
        for (double v : b) {
            r.add(v);
        }
        OuFit before = r.fit();
        r.rebuild();
        assertSameFit(before, r.fit(), 1e-12, "rebuild");
    }

    @Test
    void fitAll_givesTheWindowEndingAtEachIndex_andStatesItsWarmup() {
        double[] b = realLike(5, 500, 0.05, false);
        RollingOu.Columns c = RollingOu.fitAll(b, 48, 1.0, KappaMethod.THROUGH_ORIGIN);
        assertEquals(48, new RollingOu(48, 1.0, KappaMethod.THROUGH_ORIGIN).warmup());
        for (int i = 0; i < b.length; i++) {
            OuFit o = OuEstimator.fit(b, Math.max(0, i - 47), i + 1, 1.0, KappaMethod.THROUGH_ORIGIN);
            assertRel(o.kappaPerHour(), c.kappaPerHour()[i], 1e-9, "kappa " + i);
            assertRel(o.beta(), c.beta()[i], 1e-9, "beta " + i);
            assertEquals(o.points(), c.points()[i]);
        }
    }

    @Test
    void fewerThanTenPoints_fallBackLikeTheWindowedFit() {
        RollingOu r = new RollingOu(100, 1.0, KappaMethod.THROUGH_ORIGIN);
        for (int i = 0; i < 9; i++) {
            r.add(i * 0.1);
        }
        assertEquals(OuEstimator.FALLBACK_KAPPA, r.kappa());
        assertEquals(1.0, r.fit().beta());
        assertEquals(9, r.points());
    }

    @Property(tries = 60)
    void equalsWindowedFit_forRandomWindowsAndNaNDensities(@ForAll @IntRange(min = 1, max = 400) int window,
            @ForAll @DoubleRange(min = 0.0, max = 0.6) double nanProbability,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] b = realLike(seed, 1_500, nanProbability, false);
        KappaMethod m = seed % 2 == 0 ? KappaMethod.THROUGH_ORIGIN : KappaMethod.DEMEANED;
        checkAgainstOracle(b, window, m, 13);
    }
}
