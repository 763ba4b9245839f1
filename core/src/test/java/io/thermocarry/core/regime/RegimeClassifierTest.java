package io.thermocarry.core.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegimeClassifierTest {
    private static final RegimeSpec SPEC = RegimeSpec.defaults();

    private static Regime full(double r, double z, double e, double j) {
        return RegimeClassifier.classify(RegimeConfig.FULL, SPEC, r, z, e, j, -1.0, 0.5, 2.0);
    }

    @Test
    void full_isNess_whenAnyDangerCondition() {
        assertEquals(Regime.NESS, full(1.41, 1, 1, 0));
        assertEquals(Regime.NESS, full(0.5, 1, -1.01, 0));
        assertEquals(Regime.NESS, full(0.5, 1, 1, 2.01));
    }

    @Test
    void full_isEquilibrium_onlyWhenAllFavourable_elseWarm() {
        assertEquals(Regime.EQUILIBRIUM, full(1.04, -0.49, 0.51, 1.99));
        assertEquals(Regime.WARM, full(1.05, 1, 1, 0));
        assertEquals(Regime.WARM, full(1.4, 1, 1, 0));
        assertEquals(Regime.WARM, full(0.5, -0.5, 1, 0));
        assertEquals(Regime.WARM, full(0.5, 1, 0.5, 0));
    }

    @Test
    void relaxationOnly_usesROnly() {
        RegimeConfig c = RegimeConfig.RELAXATION_ONLY;
        assertEquals(Regime.NESS, RegimeClassifier.classify(c, SPEC, 1.5, -9, 1, 0, 0, 0, 0));
        assertEquals(Regime.EQUILIBRIUM, RegimeClassifier.classify(c, SPEC, 1.0, -9, -9, 99, 0, 0, 0));
        assertEquals(Regime.WARM, RegimeClassifier.classify(c, SPEC, 1.2, 9, 9, 0, 0, 0, 0));
    }

    @Test
    void relaxationEntropy_ignoresTemperatureAndJe() {
        RegimeConfig c = RegimeConfig.RELAXATION_ENTROPY;
        assertEquals(Regime.NESS, RegimeClassifier.classify(c, SPEC, 1.0, 0, -2, 0, -1, 0.5, 2));
        assertEquals(Regime.EQUILIBRIUM, RegimeClassifier.classify(c, SPEC, 1.0, -9, 0.6, 99, -1, 0.5, 2));
        assertEquals(Regime.WARM, RegimeClassifier.classify(c, SPEC, 1.0, 9, 0.4, 0, -1, 0.5, 2));
        assertEquals(Regime.NESS, RegimeClassifier.classify(c, SPEC, 1.5, 9, 0.6, 0, -1, 0.5, 2));
    }

    @Test
    void nanSignals_areNeverEvidence() {
        assertEquals(Regime.WARM, full(0.5, 1, Double.NaN, Double.NaN));
        assertEquals(Regime.NESS, full(1.5, 1, Double.NaN, Double.NaN));
    }

    @Test
    void fullVeto_classifiesExactlyAsFull_itsVetoesLiveOnTheSignalPath() {
        assertEquals(RegimeConfig.FULL_VETO, RegimeConfig.parse("full+veto"));
        assertEquals(RegimeConfig.FULL, RegimeConfig.FULL_VETO.classification());
        assertTrue(RegimeConfig.FULL_VETO.hasVetoes());
        assertFalse(RegimeConfig.FULL.hasVetoes());
        double[][] cases = {{1.5, 1, 0, 0}, {0.5, 1, 1, 0}, {0.5, -1, 1, 0}, {1.2, 1, 1, 0}, {0.5, 1, -2, 0},
            {0.5, 1, 1, 3}};
        for (double[] c : cases) {
            assertEquals(RegimeClassifier.classify(RegimeConfig.FULL, SPEC, c[0], c[1], c[2], c[3], -1, 0, 2),
                    RegimeClassifier.classify(RegimeConfig.FULL_VETO, SPEC, c[0], c[1], c[2], c[3], -1, 0, 2));
        }
        RegimeClassifier a = new RegimeClassifier(SPEC, RegimeConfig.FULL);
        RegimeClassifier b = new RegimeClassifier(SPEC, RegimeConfig.FULL_VETO);
        for (int i = 0; i < 50; i++) {
            double r = 0.8 + 0.02 * i;
            double e = Math.sin(i);
            double j = Math.abs(Math.cos(i));
            assertEquals(a.next(r, 0, e, j), b.next(r, 0, e, j));
        }
    }

    @Test
    void parse_acceptsCliNames_andRejectsOthers() {
        assertEquals(RegimeConfig.FULL, RegimeConfig.parse(" Full "));
        assertEquals(RegimeConfig.RELAXATION_ONLY, RegimeConfig.parse("relaxation-only"));
        assertEquals(RegimeConfig.RELAXATION_ENTROPY, RegimeConfig.parse("relaxation+entropy"));
        assertEquals(RegimeConfig.RELAXATION_ENTROPY, RegimeConfig.parse("RELAXATION_ENTROPY"));
        assertThrows(IllegalArgumentException.class, () -> RegimeConfig.parse("entropy-only"));
    }

    @Test
    void exposures_areOnePointSixQuarter() {
        assertEquals(1.0, Regime.EQUILIBRIUM.exposure());
        assertEquals(0.6, Regime.WARM.exposure());
        assertEquals(0.25, Regime.NESS.exposure());
        for (Regime r : Regime.values()) {
            assertEquals(r.exposure(), SPEC.exposure(r));
        }
    }

    /**
     * Thresholds come from the previous decisions only: fallbacks while ≤ 10 values are held, then the
     * percentiles of exactly the previous values (never the current one), over the last 360.
     */
    @Test
    void thresholds_usePreviousDecisionsOnly_withFallbacksUpToTenValues() {
        RegimeClassifier c = new RegimeClassifier(SPEC, RegimeConfig.FULL);
        double[] entropy = new double[400];
        double[] je = new double[400];
        for (int i = 0; i < entropy.length; i++) {
            entropy[i] = Math.sin(i * 0.37) + i * 1e-3;
            je[i] = Math.abs(Math.cos(i * 0.11));
        }
        for (int i = 0; i < entropy.length; i++) {
            c.next(1.0, 0.0, entropy[i], je[i]);
            if (i <= 10) {
                assertEquals(-1e10, c.entropyNessThreshold());
                assertEquals(0.0, c.entropyEquilibriumThreshold());
                assertEquals(1e10, c.jeDangerThreshold());
            } else {
                int from = Math.max(0, i - 360);
                double[] e = Arrays.copyOfRange(entropy, from, i);
                double[] j = Arrays.copyOfRange(je, from, i);
                Arrays.sort(e);
                Arrays.sort(j);
                assertEquals(RollingPercentile.linear(e, e.length, 10), c.entropyNessThreshold(), "step " + i);
                assertEquals(RollingPercentile.linear(e, e.length, 40), c.entropyEquilibriumThreshold());
                assertEquals(RollingPercentile.linear(j, j.length, 90), c.jeDangerThreshold());
            }
        }
    }

    @Test
    void spec_rejectsOutOfRangePercentiles() {
        assertThrows(IllegalArgumentException.class,
                () -> new RegimeSpec(1.4, 1.05, -0.5, 101, 40, 90, 360, 10, -1e10, 0, 1e10, 1, 0.6, 0.25));
    }
}
