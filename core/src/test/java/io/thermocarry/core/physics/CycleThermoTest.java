package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class CycleThermoTest {

    @Test
    void handComputedCycle() {
        // F = 1e-4, b_start = 0.05 %, b_end = 0.02 %, κ = 0.125 /h, β = 2000 h/%²
        CycleThermo.Columns c = CycleThermo.compute(new double[] {1e-4}, new double[] {0.05}, new double[] {0.02},
                0.125, 2000);
        assertEquals(0.5 * 0.125 * 0.0025, c.energyStart()[0], 1e-18);
        assertEquals(0.5 * 0.125 * 0.0004, c.energyEnd()[0], 1e-18);
        assertEquals(-5e-6, c.work()[0], 1e-20);
        assertEquals(-4e-8, c.freeEnergyChange()[0], 1e-22);
        // Q = ΔE − W = 0.0625·(0.0004 − 0.0025) + 5e-6 = −1.3125e-4 + 5e-6
        assertEquals(-1.2625e-4, c.heat()[0], 1e-18);
        // σ = W − ΔF = −5e-6 + 4e-8
        assertEquals(-4.96e-6, c.dissipation()[0], 1e-20);
        assertEquals(-9.92e-3, c.entropyProduction()[0], 1e-16);
    }

    @Test
    void columnForms_equalScalarForms_andPerCycleKappaEqualsConstantKappa() {
        double[] f = {1e-4, -3e-4, 0.0, 2e-4};
        double[] bs = {0.05, 0.01, -0.2, -0.03};
        double[] be = {0.02, 0.0, 0.1, 0.01};
        CycleThermo.Columns c = CycleThermo.compute(f, bs, be, 0.2, 10);
        assertArrayEquals(CycleThermo.work(f, bs), c.work(), 0);
        assertArrayEquals(CycleThermo.freeEnergyChange(f, 0.2), c.freeEnergyChange(), 0);
        assertArrayEquals(CycleThermo.dissipation(f, bs, 0.2), c.dissipation(), 0);
        assertArrayEquals(CycleThermo.dissipation(f, bs, new double[] {0.2, 0.2, 0.2, 0.2}), c.dissipation(), 0);
        assertArrayEquals(CycleThermo.entropyProduction(c.dissipation(), 10), c.entropyProduction(), 0);
        for (int k = 0; k < f.length; k++) {
            assertEquals(CycleThermo.heat(f[k], bs[k], be[k], 0.2), c.heat()[k], 0);
        }
    }

    @Property(tries = 300)
    void freeEnergyChange_isNeverPositive(@ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(7) double f,
            @ForAll @DoubleRange(min = 1e-6, max = 10) @Scale(7) double kappa) {
        assertTrue(CycleThermo.freeEnergyChange(f, kappa) <= 0);
    }

    @Property(tries = 300)
    void work_hasTheSignOfMinusFTimesBasisStart(@ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(7) double f,
            @ForAll @DoubleRange(min = -5, max = 5) @Scale(5) double bStart) {
        double w = CycleThermo.work(f, bStart);
        assertEquals(-Math.signum(f * bStart), Math.signum(w));
    }

    @Property(tries = 300)
    void firstLaw_andDissipationIdentity_hold(@ForAll @DoubleRange(min = -0.01, max = 0.01) @Scale(7) double f,
            @ForAll @DoubleRange(min = -5, max = 5) @Scale(5) double bStart, @ForAll @DoubleRange(min = -5, max = 5) @Scale(5) double bEnd,
            @ForAll @DoubleRange(min = 1e-4, max = 5) @Scale(5) double kappa) {
        double q = CycleThermo.heat(f, bStart, bEnd, kappa);
        double w = CycleThermo.work(f, bStart);
        double de = CycleThermo.energy(bEnd, kappa) - CycleThermo.energy(bStart, kappa);
        assertEquals(de, q + w, 1e-12 * (1 + Math.abs(de)));
        // σ = W − ΔF ≥ W: dissipation never below the work, since ΔF ≤ 0
        double sigma = CycleThermo.dissipation(f, bStart, kappa);
        assertEquals(w - CycleThermo.freeEnergyChange(f, kappa), sigma, 0);
        assertTrue(sigma >= w);
    }
}
