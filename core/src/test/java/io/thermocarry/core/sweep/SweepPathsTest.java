package io.thermocarry.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.SignalPath;
import org.junit.jupiter.api.Test;

class SweepPathsTest {
    private static final SignalSpec SPEC = new SignalSpec(120, 59, 30, 60, 60,
            io.thermocarry.core.physics.KappaMethod.THROUGH_ORIGIN, 8.0);

    @Test
    void reclassifying_equalsAFullSignalRunUnderTheOtherThresholds_forEveryConfig() {
        SweepMarket m = SweepFixtures.market("SYNAUSDT", 7);
        int n = m.cycles().size();
        SignalRun base = SignalRunner.run(m.cycles(), m.basis(), SPEC, RegimeSpec.defaults(), RegimeConfig.FULL,
                Compat.CAUSAL);
        for (RegimeConfig config : new RegimeConfig[] {RegimeConfig.FULL, RegimeConfig.RELAXATION_ONLY,
                RegimeConfig.RELAXATION_ENTROPY}) {
            for (double[] t : new double[][] {{1.2, 1.05}, {1.4, 0.8}, {2.0, 1.3}, {1.0, 1.0}}) {
                RegimeSpec rs = SweepPoint.withThresholds(RegimeSpec.defaults(), t[0], t[1]);
                SignalPath full = SignalPath.of(SignalRunner.run(m.cycles(), m.basis(), SPEC, rs, config,
                        Compat.CAUSAL), n);
                SignalPath fast = SweepPaths.reclassified(base, n, rs, config);
                for (int k = 0; k < n; k++) {
                    assertEquals(full.regime(k), fast.regime(k), config + " " + t[0] + "/" + t[1] + " at " + k);
                    assertEquals(full.exposure(k), fast.exposure(k), 0.0);
                    assertEquals(full.entropyEquilibriumThreshold(k), fast.entropyEquilibriumThreshold(k), 0.0);
                    assertEquals(full.jeDangerThreshold(k), fast.jeDangerThreshold(k), 0.0);
                }
            }
        }
    }

    @Test
    void anotherPercentileSetting_isRefused() {
        SweepMarket m = SweepFixtures.market("SYNAUSDT", 7);
        SignalRun base = SignalRunner.run(m.cycles(), m.basis(), SPEC, RegimeSpec.defaults(), RegimeConfig.FULL,
                Compat.CAUSAL);
        RegimeSpec d = RegimeSpec.defaults();
        RegimeSpec other = new RegimeSpec(1.4, 1.05, -0.5, 20, 40, 90, 360, 10, -1e10, 0, 1e10, 1, 0.6, 0.25);
        assertThrows(IllegalArgumentException.class, () -> SweepPaths.reclassified(base, m.cycles().size(), other,
                RegimeConfig.FULL));
        assertEquals(d, SweepPoint.withThresholds(d, 1.4, 1.05));
    }
}
