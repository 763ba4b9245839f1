package io.thermocarry.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.Markets;
import io.thermocarry.core.features.Feature;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.features.VetoSpec;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.series.FundingCycles;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The desk's entry gates and exits (SPEC §6), decision by decision. */
class DeskStrategyTest {
    private static final int N = 30;
    private static final int K = 28;

    /** Market state at decision K, editable per test. */
    private static final class Scene {
        double[] rates = filled(1e-4);
        double[] basisPath = filled(0.05, N + 1);
        Regime regime = Regime.EQUILIBRIUM;
        double exposure = 1.0;
        double r = 0.9;
        double z = 0.0;
        double ent = 1.0;
        double je = 0.1;
        double entThreshold = 0.5;
        double jeThreshold = 0.5;
        /** Microstructure at K: fired and not-evaluated feature masks, and whether full+veto applies them. */
        int fired;
        int notEvaluated;
        VetoMode veto = VetoMode.NONE;

        Decision decide(DeskStrategy spec, PositionView pos) {
            FundingCycles c = Markets.cycles(rates, basisPath);
            Regime[] reg = new Regime[N];
            Arrays.fill(reg, Regime.WARM);
            reg[K] = regime;
            SignalPath s = new SignalPath(reg, at(exposure), at(r), at(z), at(ent), at(je), at(entThreshold),
                    at(jeThreshold));
            if (veto != VetoMode.NONE) {
                int[] f = new int[N];
                int[] ne = new int[N];
                f[K] = fired;
                ne[K] = notEvaluated;
                VetoPath v = VetoPath.of(VetoSpec.defaults(), new long[N], f, ne);
                s = veto == VetoMode.GATES ? s.withGates(v) : s.withVetoes(v, 0.25);
            }
            CycleRule rule = spec.rule(new RuleContext(c, s, Compat.CAUSAL, 0));
            Decision out = new Decision();
            out.reset(pos.side(), pos.notional());
            rule.decide(K, pos, out);
            return out;
        }
    }

    /** How the scene's microstructure reaches the path. */
    private enum VetoMode { NONE, GATES, VETOES }

    private static double[] filled(double v) {
        return filled(v, N);
    }

    private static double[] filled(double v, int n) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] at(double v) {
        double[] a = filled(Double.NaN);
        a[K] = v;
        return a;
    }

    private static Scene favourable() {
        Scene s = new Scene();
        s.basisPath[K] = 0.20; // b_start at K: positive and far from the past median 0.05
        return s;
    }

    @Test
    void entersShortBasis_whenEveryGatePasses_sizedByRegime_andCountsSpreadDepthAsNotEvaluated() {
        Scene s = favourable();
        s.regime = Regime.WARM;
        s.exposure = 0.6;
        Decision d = s.decide(DeskStrategy.defaults(), FixedPosition.flat(2.0));
        assertEquals(Side.SHORT_BASIS, d.side());
        assertEquals(2.0 * 0.5 * 0.6, d.notional(), 1e-15);
        assertTrue((d.unevaluatedMask() & Unevaluated.SPREAD_GATE.bit()) != 0);
        assertTrue((d.unevaluatedMask() & Unevaluated.DEPTH_GATE.bit()) != 0);
    }

    @Test
    void staysFlat_whenAnySingleGateFails() {
        java.util.List<Consumer<Scene>> breaks = java.util.List.of(
                s -> s.rates[K] = -1e-4,          // last funding not positive
                s -> s.rates[K] = 0.0,
                s -> s.basisPath[K] = -0.01,      // basis not positive
                s -> s.r = 1.05,                  // r not below 1.05
                s -> s.z = -0.5,                  // temperature z not above −0.5
                s -> s.ent = 0.5,                 // entropy not above its 40th percentile
                s -> s.je = 0.5000001,            // JE in its worst 10 %
                s -> s.entThreshold = Double.NaN, // threshold undefined: not evaluated
                s -> s.regime = null);
        for (int i = 0; i < breaks.size(); i++) {
            Scene s = favourable();
            breaks.get(i).accept(s);
            Decision d = s.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0));
            assertEquals(Side.FLAT, d.side(), "gate break #" + i);
            assertEquals(0, d.unevaluatedMask() & Unevaluated.SPREAD_GATE.bit(), "gate break #" + i);
        }
        Scene ok = favourable();
        ok.je = 0.5; // equal to the 90th percentile: not in the worst 10 %
        assertEquals(Side.SHORT_BASIS, ok.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0)).side());
    }

    @Test
    void spreadOrDepthGate_fromRealFeatures_blocksEntry_whenFired_andCountsOnlyWhenNotEvaluated() {
        Scene pass = favourable();
        pass.veto = VetoMode.GATES;
        Decision in = pass.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0));
        assertEquals(Side.SHORT_BASIS, in.side());
        assertEquals(0, in.unevaluatedMask() & (Unevaluated.SPREAD_GATE.bit() | Unevaluated.DEPTH_GATE.bit()),
                "both gates evaluated and passed: nothing counted");
        for (Feature f : new Feature[] {Feature.SPREAD_PERP, Feature.SPREAD_SPOT, Feature.DEPTH}) {
            Scene s = favourable();
            s.veto = VetoMode.GATES;
            s.fired = f.bit();
            assertEquals(Side.FLAT, s.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0)).side(), f.name());
        }
        Scene spotMissing = favourable();
        spotMissing.veto = VetoMode.GATES;
        spotMissing.notEvaluated = Feature.SPREAD_SPOT.bit();
        Decision d = spotMissing.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0));
        assertEquals(Side.SHORT_BASIS, d.side(), "a gate without data passes");
        assertTrue((d.unevaluatedMask() & Unevaluated.SPREAD_GATE.bit()) != 0, "and is counted");
        assertEquals(0, d.unevaluatedMask() & Unevaluated.DEPTH_GATE.bit());
        // a fired OI or funding-flip feature is not a desk gate: without full+veto it does not block
        Scene oi = favourable();
        oi.veto = VetoMode.GATES;
        oi.fired = Feature.OI_CHANGE.bit();
        assertEquals(Side.SHORT_BASIS, oi.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0)).side());
    }

    @Test
    void underFullVeto_aVetoBlocksEntry_andClosesAHeldTrade_missingDataIsCounted() {
        Scene s = favourable();
        s.veto = VetoMode.VETOES;
        s.fired = Feature.OI_CHANGE.bit();
        assertEquals(Side.FLAT, s.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0)).side());
        Decision exit = s.decide(DeskStrategy.defaults(), FixedPosition.holding(Side.SHORT_BASIS, 0.5, 1.0, K - 1, 1));
        assertEquals(Side.FLAT, exit.side());
        assertEquals(ExitReason.VETO, exit.exitReason());
        Scene quiet = favourable();
        quiet.veto = VetoMode.VETOES;
        quiet.notEvaluated = Feature.LIQUIDATIONS.bit();
        Decision d = quiet.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0));
        assertEquals(Side.SHORT_BASIS, d.side());
        assertTrue((d.unevaluatedMask() & Unevaluated.VETO.bit()) != 0);
    }

    @Test
    void mirroredSide_onlyWithBoth() {
        Scene s = favourable();
        s.rates[K] = -1e-4;
        s.basisPath[K] = -0.20;
        assertEquals(Side.FLAT, s.decide(DeskStrategy.defaults(), FixedPosition.flat(1.0)).side());
        DeskStrategy both = new DeskStrategy(0.5, 1.05, -0.5, 4, 0.01, 2, Sides.BOTH);
        assertEquals(Side.LONG_BASIS, s.decide(both, FixedPosition.flat(1.0)).side());
    }

    @Test
    void exits_inPriorityOrder_ness_fundingFlip_basisAtMedian_maxHold() {
        PositionView held = FixedPosition.holding(Side.SHORT_BASIS, 0.5, 1.0, K - 1, 1);
        Scene s = favourable();
        assertNull(s.decide(DeskStrategy.defaults(), held).exitReason(), "nothing fires: hold");
        assertEquals(Side.SHORT_BASIS, s.decide(DeskStrategy.defaults(), held).side());
        assertEquals(0.5, s.decide(DeskStrategy.defaults(), held).notional(), 0.0, "size fixed during the hold");

        s.regime = Regime.NESS;
        s.rates[K] = -1e-4;
        assertEquals(ExitReason.REGIME_NESS, s.decide(DeskStrategy.defaults(), held).exitReason());
        s.regime = Regime.WARM;
        assertEquals(ExitReason.FUNDING_SIGN_FLIP, s.decide(DeskStrategy.defaults(), held).exitReason());
        s.rates[K] = 1e-4;
        s.basisPath[K] = 0.055; // within 1 bp of the median 0.05 of the past 21 cycle starts
        assertEquals(ExitReason.BASIS_AT_MEDIAN, s.decide(DeskStrategy.defaults(), held).exitReason());
        s.basisPath[K] = 0.20;
        PositionView twoHeld = FixedPosition.holding(Side.SHORT_BASIS, 0.5, 1.0, K - 2, 2);
        Decision d = s.decide(DeskStrategy.defaults(), twoHeld);
        assertEquals(ExitReason.MAX_HOLD, d.exitReason());
        assertEquals(Side.FLAT, d.side(), "the exiting decision does not re-enter although the gates pass");
    }

    @Test
    void basisExit_notEvaluated_whenBasisUnknown_isCounted() {
        Scene s = favourable();
        s.basisPath[K] = Double.NaN;
        Decision d = s.decide(DeskStrategy.defaults(), FixedPosition.holding(Side.SHORT_BASIS, 0.5, 1.0, K - 1, 1));
        assertTrue((d.unevaluatedMask() & Unevaluated.BASIS.bit()) != 0);
        assertEquals(Side.SHORT_BASIS, d.side());
    }

    @Test
    void rollingMedian_equalsSortedWindowOracle_causally() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(60);
            int w = 1 + rnd.nextInt(12);
            int min = 1 + rnd.nextInt(w);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(6) == 0 ? Double.NaN : Math.round(rnd.nextGaussian() * 4) / 4.0;
            }
            double[] got = DeskStrategy.rollingMedian(x, w, min);
            for (int k = 0; k < n; k++) {
                double[] win = Arrays.stream(Arrays.copyOfRange(x, Math.max(0, k - w), k))
                        .filter(v -> !Double.isNaN(v)).sorted().toArray();
                double expected = win.length < min || win.length == 0 ? Double.NaN
                        : win.length % 2 == 1 ? win[win.length / 2]
                        : 0.5 * (win[win.length / 2 - 1] + win[win.length / 2]);
                assertEquals(expected, got[k], 0.0, "trial " + trial + " k " + k);
            }
        }
    }
}
