package io.thermocarry.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalEngineTest {
    private static final long H = SyntheticMarket.HOUR_MS;

    @Test
    void view_refusesEventsOutOfTimeOrder_inCausalMode() {
        SignalEngine e = SignalEngine.causal(SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.FULL);
        e.onBasis(10 * H, 0.1);
        e.onSettlement(10 * H, 1e-4, 8);
        assertThrows(IllegalStateException.class, () -> e.onBasis(9 * H, 0.1), "an observation from the past");
        assertThrows(IllegalStateException.class, () -> e.onBasis(10 * H, 0.1), "the same hour twice");
        e.onBasis(11 * H, 0.2);
        assertThrows(IllegalStateException.class, () -> e.onSettlement(10 * H + 1, 1e-4, 8),
                "a settlement stamped before data already seen");
        assertThrows(IllegalStateException.class, () -> e.onCycleCompleted(2 * H, 10 * H, 1e-4, 0.1),
                "a cycle completion stamped before data already seen");
        assertEquals(11 * H, e.view().asOfMs());
    }

    @Test
    void referenceEngine_acceptsRowsByIndex_aheadOfTheDecision() {
        SignalEngine e = SignalEngine.reference(SignalSpec.defaults().withWarmupCycles(0), RegimeSpec.defaults(),
                RegimeConfig.FULL, 0.1);
        for (int i = 0; i < 16; i++) {
            e.onBasis(i * H, 0.01 * i);
        }
        assertTrue(e.onSettlement(0, 1e-4, 4));
        assertEquals(8.0, e.lastTauFundingHours(), "reference τ is fixed");
        assertEquals(2.0, e.lastRelaxationRatio(), "under 50 points");
        assertTrue(Double.isNaN(e.lastEntropyRate()), "no completed cycle yet");
        assertEquals(Compat.REFERENCE, e.compat());
        assertEquals(16, e.lastDecision().basisPoints(), "rows stamped up to 15 h after the decision were used");
        SignalEngine causal = SignalEngine.causal(SignalSpec.defaults().withWarmupCycles(0), RegimeSpec.defaults(),
                RegimeConfig.FULL);
        for (int i = 0; i < 16; i++) {
            causal.onBasis(i * H, 0.01 * i);
        }
        assertThrows(IllegalStateException.class, () -> causal.onSettlement(0, 1e-4, 8),
                "the causal view refuses a decision before data it already holds");
    }

    @Test
    void warmup_countsCompletedCycles_andFullVetoFailsClearly() {
        SignalSpec spec = new SignalSpec(48, 9, 3, 5, 5, KappaMethod.THROUGH_ORIGIN, 8);
        SignalEngine e = SignalEngine.causal(spec, RegimeSpec.defaults(), RegimeConfig.FULL);
        long t = 0;
        int decisions = 0;
        for (int k = 0; k < 12; k++) {
            if (k > 0) {
                e.onCycleCompleted(t - 8 * H, t, 1e-4, 0.05);
            }
            if (e.onSettlement(t, 1e-4, 8)) {
                decisions++;
                assertEquals(k, e.lastDecision().settlementIndex());
            }
            for (int h = 1; h <= 8; h++) {
                e.onBasis(t + h * H, 0.05 + 0.01 * Math.sin(k * 8 + h));
            }
            t += 8 * H;
        }
        assertEquals(12 - 5, decisions);
    }

    /**
     * The live book will stream events into the same engine: fed one event at a time, it gives exactly the
     * batch decisions (and the causal τ is each cycle's actual interval, 4 h in the 4 h stretch).
     */
    @Test
    void streamingTheEvents_equalsTheBatchRun_andUsesTheIntervalInForce() {
        SyntheticMarket m = SyntheticMarket.generate(42, 700, k -> 0.12, 0.05, 1e-4, 3e-4, 0.01, true);
        FundingCycles cycles = CycleBuilder.build(m.funding, m.basis, null);
        BasisSeries b = m.basis;
        SignalRun batch = SignalRunner.run(cycles, b, SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.FULL,
                Compat.CAUSAL);
        SignalEngine live = SignalEngine.causal(SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.FULL);
        List<Decision> streamed = new ArrayList<>();
        int j = 0;
        double lastBasis = Double.NaN;
        double pendingRate = Double.NaN;
        long pendingStart = Long.MIN_VALUE;
        double pendingBasis = Double.NaN;
        for (int k = 0; k < m.funding.size() - 1; k++) {
            long t = m.funding.timeMs(k);
            while (j < b.size() && b.timeMs(j) <= t) {
                live.onBasis(b.timeMs(j), b.basisPct(j));
                lastBasis = b.basisPct(j);
                j++;
            }
            if (pendingStart != Long.MIN_VALUE) {
                live.onCycleCompleted(pendingStart, t, pendingRate, pendingBasis);
            }
            double tau = (m.funding.timeMs(k + 1) - t) / (double) H;
            if (live.onSettlement(t, m.funding.rate(k), tau)) {
                streamed.add(live.lastDecision());
            }
            pendingStart = t;
            pendingRate = m.funding.rate(k);
            pendingBasis = lastBasis;
        }
        assertEquals(batch.size(), streamed.size());
        boolean sawFour = false;
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(batch.decision(i), streamed.get(i));
            sawFour |= batch.tauFundingHours(i) == 4.0;
        }
        assertTrue(sawFour, "the 4 h stretch is decided with τ = 4 h");
        assertFalse(batch.size() == 0);
    }
}
