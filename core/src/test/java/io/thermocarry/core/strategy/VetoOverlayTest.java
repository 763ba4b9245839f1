package io.thermocarry.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.features.Feature;
import io.thermocarry.core.features.Gate;
import io.thermocarry.core.features.VetoAction;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.features.VetoSpec;
import io.thermocarry.core.regime.Regime;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The full+veto overlay on the signal path: it only ever cuts, by its action, where a veto fired. */
class VetoOverlayTest {
    static final Regime[] R = Regime.values();

    static SignalPath randomRegimes(SplittableRandom rnd, int n) {
        Regime[] reg = new Regime[n];
        for (int k = 0; k < n; k++) {
            reg[k] = k < n / 10 ? null : R[rnd.nextInt(3)];
        }
        return SignalPath.ofRegimes(reg);
    }

    static VetoPath randomVetoes(SplittableRandom rnd, int n, VetoSpec spec) {
        int[] fired = new int[n];
        int[] ne = new int[n];
        for (int k = 0; k < n; k++) {
            for (Feature f : Feature.values()) {
                double u = rnd.nextDouble();
                if (u < 0.05) {
                    fired[k] |= f.bit();
                } else if (u < 0.4) {
                    ne[k] |= f.bit();
                }
            }
        }
        return VetoPath.of(spec, new long[n], fired, ne);
    }

    @Property(tries = 200)
    void fullVetoExposure_isAtMostFullExposure_atEveryDecision(@ForAll long seed, @ForAll boolean zero) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 50 + rnd.nextInt(200);
        SignalPath full = randomRegimes(rnd, n);
        VetoSpec spec = VetoSpec.defaults().withAction(zero ? VetoAction.FORCE_ZERO : VetoAction.FORCE_NESS_FLOOR);
        VetoPath v = randomVetoes(rnd, n, spec);
        SignalPath vetoed = full.withVetoes(v, 0.25);
        for (int k = 0; k < n; k++) {
            double e = full.exposure(k);
            double x = vetoed.exposure(k);
            if (Double.isNaN(e)) {
                assertTrue(Double.isNaN(x), "no decision stays no decision");
                continue;
            }
            assertTrue(x <= e, "decision " + k + ": " + x + " > " + e);
            if (v.vetoed(k)) {
                assertEquals(zero ? 0.0 : Math.min(e, 0.25), x, 0.0);
                assertTrue(vetoed.vetoed(k));
            } else {
                assertEquals(e, x, 0.0);
                assertFalse(vetoed.vetoed(k));
            }
            assertEquals(full.regime(k), vetoed.regime(k), "the regime label is the classifier's");
        }
    }

    @Test
    void inactiveFeatures_fireButDoNotVeto_andGatesFollowTheFeatures() {
        VetoSpec onlyDepth = VetoSpec.defaults().withActive(java.util.EnumSet.of(Feature.DEPTH));
        VetoPath v = VetoPath.of(onlyDepth, new long[3], new int[] {Feature.OI_CHANGE.bit(), Feature.DEPTH.bit(), 0},
                new int[] {0, 0, Feature.SPREAD_SPOT.bit()});
        SignalPath p = SignalPath.ofRegimes(new Regime[] {Regime.EQUILIBRIUM, Regime.EQUILIBRIUM, Regime.WARM})
                .withVetoes(v, 0.25);
        assertEquals(1.0, p.exposure(0), 0.0);
        assertTrue(v.fired(0, Feature.OI_CHANGE));
        assertEquals(0.25, p.exposure(1), 0.0);
        assertEquals(0.6, p.exposure(2), 0.0);
        assertEquals(Gate.PASS, p.spreadGate(0));
        assertEquals(Gate.FAIL, p.depthGate(1));
        assertEquals(Gate.NOT_EVALUATED, p.spreadGate(2));
        assertEquals(Feature.SPREAD_SPOT.bit(), p.vetoNotEvaluatedMask(2));
        assertTrue(p.vetoesApplied());
        SignalPath gatesOnly = SignalPath.ofRegimes(new Regime[] {Regime.EQUILIBRIUM, Regime.EQUILIBRIUM, Regime.WARM})
                .withGates(v);
        assertFalse(gatesOnly.vetoesApplied());
        assertEquals(1.0, gatesOnly.exposure(1), 0.0);
        assertEquals(Gate.FAIL, gatesOnly.depthGate(1));
        assertThrows(IllegalArgumentException.class, () -> VetoPath.of(onlyDepth, new long[1],
                new int[] {Feature.DEPTH.bit()}, new int[] {Feature.DEPTH.bit()}));
    }
}
