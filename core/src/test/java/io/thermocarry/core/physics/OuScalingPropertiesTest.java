package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Invariances of the SPEC §3 estimators under a change of the basis unit (b → c·b). */
class OuScalingPropertiesTest {

    private static double[] scaled(double[] b, double c) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = c * b[i];
        }
        return out;
    }

    @Property(tries = 100)
    void scalingTheBasis_leavesKappaUnchanged_andScalesTemperatureByCSquared(
            @ForAll @DoubleRange(min = -3, max = 3) @Scale(4) double log10C, @ForAll @LongRange(min = 1, max = 100_000) long seed,
            @ForAll boolean demeaned) {
        double c = Math.pow(10, log10C);
        KappaMethod m = demeaned ? KappaMethod.DEMEANED : KappaMethod.THROUGH_ORIGIN;
        double[] b = RollingOuTest.realLike(seed, 800, 0.05, false);
        OuFit a = OuEstimator.fit(b, 0, b.length, 1.0, m);
        OuFit s = OuEstimator.fit(scaled(b, c), 0, b.length, 1.0, m);
        assertEquals(a.kappaPerHour(), s.kappaPerHour(), 1e-12 * a.kappaPerHour());
        assertEquals(c * c * a.temperature(), s.temperature(), 1e-12 * c * c * a.temperature());
        assertEquals(a.beta() / (c * c), s.beta(), 1e-12 * a.beta() / (c * c));
        assertEquals(c * c * a.variance(), s.variance(), 1e-12 * c * c * a.variance());
    }

    @Property(tries = 60)
    void scalingTheBasis_actsTheSameOnTheRollingFit(@ForAll @DoubleRange(min = -3, max = 3) @Scale(4) double log10C,
            @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        double c = Math.pow(10, log10C);
        double[] b = RollingOuTest.realLike(seed, 600, 0.05, false);
        double[] sb = scaled(b, c);
        RollingOu r1 = new RollingOu(240, 1.0, KappaMethod.THROUGH_ORIGIN);
        RollingOu r2 = new RollingOu(240, 1.0, KappaMethod.THROUGH_ORIGIN);
        for (int i = 0; i < b.length; i++) {
            r1.add(b[i]);
            r2.add(sb[i]);
        }
        assertEquals(r1.kappa(), r2.kappa(), 1e-9 * r1.kappa());
        assertEquals(c * c * r1.fit().temperature(), r2.fit().temperature(), 1e-9 * c * c * r1.fit().temperature());
    }

    @Property(tries = 60)
    void scalingBasisAndForce_leavesTheDrivenKappaUnchanged(@ForAll @DoubleRange(min = -2, max = 2) @Scale(4) double log10C,
            @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        double c = Math.pow(10, log10C);
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withCycles(300).withSeed(seed));
        double[] b = m.basisPct();
        double[] force = new double[b.length - 1];
        boolean[] brk = new boolean[b.length];
        for (int i = 0; i + 1 < b.length; i++) {
            force[i] = m.funding().rate(i / 8);
            brk[i + 1] = (i + 1) % 8 == 0;
        }
        OuFit a = DrivenOuEstimator.fit(b, force, brk, 1.0);
        OuFit s = DrivenOuEstimator.fit(scaled(b, c), scaled(force, c), brk, 1.0);
        assertEquals(a.kappaPerHour(), s.kappaPerHour(), 1e-6 * a.kappaPerHour());
        assertEquals(c * c * a.temperature(), s.temperature(), 1e-6 * c * c * a.temperature());
    }
}
