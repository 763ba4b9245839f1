package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DrivenOuEstimatorTest {

    @Test
    void withoutForceAndBreaks_equalsTheThroughOriginAr1() {
        double[] b = RollingOuTest.realLike(41, 5_000, 0.0, false);
        double[] force = new double[b.length - 1];
        OuFit d = DrivenOuEstimator.fit(b, force, null, 1.0);
        double k = OuEstimator.kappa(b, 0, b.length, 1.0, KappaMethod.THROUGH_ORIGIN);
        assertEquals(k, d.kappaPerHour(), 1e-7 * k);
        assertEquals(b.length - 1, d.points());
    }

    @Test
    void recoversKappaAndTemperature_ofAStronglyDrivenPathWithGaps() {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withCycles(5_000).withSeed(8)
                .withCycleStart(CycleStart.CONTINUOUS));
        double[] b = m.basisPct().clone();
        double[] force = new double[b.length - 1];
        for (int i = 0; i + 1 < b.length; i++) {
            force[i] = m.funding().rate(i / 8);
        }
        for (int i = 100; i < b.length; i += 500) {
            b[i] = Double.NaN; // a gap ends one transition and starts none
        }
        OuFit d = DrivenOuEstimator.fit(b, force, null, 1.0);
        assertEquals(0.5, d.kappaPerHour(), 0.03 * 0.5);
        assertEquals(0.5, d.temperature(), 0.03 * 0.5);
        assertEquals(1.0, d.variance(), 0.05);
        assertEquals(b.length - 1 - 2 * 80, d.points());
    }

    @Test
    void tooFewTransitions_fallBack() {
        OuFit d = DrivenOuEstimator.fit(new double[] {1, 2, 3}, new double[] {0, 0}, null, 1.0);
        assertEquals(OuEstimator.FALLBACK_KAPPA, d.kappaPerHour());
        assertEquals(1.0, d.beta());
    }
}
