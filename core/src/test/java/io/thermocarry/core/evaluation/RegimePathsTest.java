package io.thermocarry.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.FreeEnergyKappa;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.physics.ReferenceCycleBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-classifying a run's recorded signals equals running the signal engine again with the other settings. */
class RegimePathsTest {
    private static final SymbolData DATA = SyntheticMarkets.data(SyntheticMarkets.switching(2.0, 0.02, 0.08, 300,
            1_800, 5));

    private static void assertSamePath(SignalPath expected, SignalPath actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.regime(k), actual.regime(k), "regime " + k);
            assertEquals(expected.exposure(k), actual.exposure(k), 0.0, "exposure " + k);
            assertEquals(expected.relaxationRatio(k), actual.relaxationRatio(k), 0.0);
            assertEquals(expected.entropyRate(k), actual.entropyRate(k), 0.0);
            assertEquals(expected.entropyEquilibriumThreshold(k), actual.entropyEquilibriumThreshold(k), 0.0);
            assertEquals(expected.jeDangerThreshold(k), actual.jeDangerThreshold(k), 0.0);
        }
    }

    @Test
    void everyConfigurationAndATunedThreshold_equalAFreshSignalRun() {
        CompatInputs in = CompatInputs.of(DATA, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        FundingCycles c = in.cycles();
        for (RegimeConfig config : List.of(RegimeConfig.FULL, RegimeConfig.RELAXATION_ONLY,
                RegimeConfig.RELAXATION_ENTROPY)) {
            for (double danger : new double[] {1.2, 1.4, 2.5}) {
                RegimeSpec spec = RegimePaths.withRelaxationDanger(RegimeSpec.defaults(), danger);
                SignalRun fresh = SignalRunner.run(c, DATA.basis(), SignalSpec.defaults(), spec, config, Compat.CAUSAL);
                assertSamePath(SignalPath.of(fresh, c.size()), RegimePaths.path(in.run(), c.size(), spec, config));
            }
        }
    }

    @Test
    void stitch_takesEachEntryFromTheChosenPath() {
        CompatInputs in = CompatInputs.of(DATA, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        int n = in.cycles().size();
        SignalPath a = RegimePaths.path(in.run(), n, RegimeSpec.defaults(), RegimeConfig.FULL);
        SignalPath b = RegimePaths.path(in.run(), n, RegimeSpec.defaults(), RegimeConfig.RELAXATION_ONLY);
        int[] choice = new int[n];
        for (int k = n / 2; k < n; k++) {
            choice[k] = 1;
        }
        SignalPath s = RegimePaths.stitch(List.of(a, b), choice);
        for (int k = 0; k < n; k++) {
            SignalPath src = k < n / 2 ? a : b;
            assertEquals(src.regime(k), s.regime(k));
            assertEquals(src.exposure(k), s.exposure(k), 0.0);
        }
    }

    @Test
    void causalWindowWithWholeHistoryKappa_keepsTheWindowSignals_andChangesOnlyTheDissipation() {
        CompatInputs in = CompatInputs.of(DATA, Compat.CAUSAL, SignalSpec.defaults(), RegimeSpec.defaults());
        SignalRun hybrid = SignalRunner.run(in.cycles(), DATA.basis(), SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL, Compat.CAUSAL, FreeEnergyKappa.WHOLE_HISTORY);
        SignalRun causal = in.run();
        assertEquals(causal.size(), hybrid.size());
        assertEquals(ReferenceCycleBuilder.wholeHistoryKappa(DATA.basis().values(), SignalSpec.defaults().kappaMethod()),
                hybrid.kappaForDeltaF(), 0.0);
        assertTrue(Double.isNaN(causal.kappaForDeltaF()));
        int entropyDiffers = 0;
        for (int i = 0; i < causal.size(); i++) {
            assertEquals(causal.relaxationRatio(i), hybrid.relaxationRatio(i), 0.0, "same window");
            assertEquals(causal.temperatureZscore(i), hybrid.temperatureZscore(i), 0.0, "same window");
            if (causal.entropyRate(i) != hybrid.entropyRate(i)) {
                entropyDiffers++;
            }
        }
        assertTrue(entropyDiffers > causal.size() / 2, "ΔF uses another κ: " + entropyDiffers);
    }
}
