package io.thermocarry.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.backtest.RiskComparison;
import io.thermocarry.core.market.MicroData;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The desk's question on a market where the answer is known (SPEC §8): a carry market with spliced-in liquidity
 * crises, most of them preceded by microstructure stress ({@link SyntheticStress}). Nothing is fitted: every veto
 * threshold is a percentile of the feature's own causal past and the regime is the causal {@code full} one, so every
 * evaluated cycle (after the 360-cycle warm-up) is out of sample. The same market without precursors is the
 * control. The tables printed here are the measurement reported in {@code docs/ARCHITECTURE.md}.
 */
class StressVetoStudyTest {
    static final int CYCLES = 2_400;
    private static final Map<StressSpec, Base> CACHE = new ConcurrentHashMap<>();

    /** A stress market with its cycles, the full and full+veto signal runs and the features at each cycle. */
    record Base(StressMarket market, FundingCycles cycles, SignalRun full, SignalRun fullVeto, FeatureFrame frame) {
    }

    /** full and full+veto physics backtests at every tier. */
    record Study(Base base, VetoPath vetoes, List<BacktestResult> full, List<BacktestResult> veto) {
    }

    static Base base(StressSpec spec) {
        return CACHE.computeIfAbsent(spec, s -> {
            StressMarket m = SyntheticStress.simulate(s);
            BasisSeries basis = BasisSeries.of(m.perp(), m.spot(), null, null);
            FundingCycles cycles = CycleBuilder.build(m.funding(), basis, null);
            SignalSpec ss = SignalSpec.defaults();
            RegimeSpec rs = RegimeSpec.defaults();
            SignalRun full = SignalRunner.run(cycles, basis, ss, rs, RegimeConfig.FULL, Compat.CAUSAL);
            SignalRun fullVeto = SignalRunner.run(cycles, basis, ss, rs, RegimeConfig.FULL_VETO, Compat.CAUSAL);
            MicroData d = m.micro();
            MicroInputs in = new MicroInputs(m.funding().symbol(), d.bookTicker().get(0), d.bookTicker().get(1),
                    d.bookDepth().get(0), m.openInterest(), d.liquidations().get(0),
                    d.liquidationCoverage().get(0), PremiumSeries.ofPremiumKlines(m.premium()), m.funding(),
                    m.fundingInfo());
            return new Base(m, cycles, full, fullVeto, FeatureEngine.atCycles(in, cycles, FeatureSpec.defaults()));
        });
    }

    static Study run(StressSpec spec, VetoSpec vetoSpec) {
        Base b = base(spec);
        VetoPath vetoes = VetoPath.evaluate(b.frame, vetoSpec);
        int n = b.cycles.size();
        SignalPath pFull = SignalPath.of(b.full, n);
        SignalPath pVeto = SignalPath.of(b.fullVeto, n, vetoes, RegimeSpec.defaults().exposureNess());
        int first = b.full.cycleIndex(0);
        BacktestRequest req = new BacktestRequest(b.cycles, pFull, PhysicsStrategy.defaults(), FeeTier.STANDARD.get(0),
                Compat.CAUSAL, 1.0, first, FundingAccrual.RATE_AT_CYCLE_END);
        BacktestRequest vreq = new BacktestRequest(b.cycles, pVeto, PhysicsStrategy.defaults(), FeeTier.STANDARD.get(0),
                Compat.CAUSAL, 1.0, first, FundingAccrual.RATE_AT_CYCLE_END);
        return new Study(b, vetoes, BacktestEngine.runTiers(req, FeeTier.STANDARD),
                BacktestEngine.runTiers(vreq, FeeTier.STANDARD));
    }

    static RiskComparison compare(Study s, int tier) {
        return RiskComparison.of(s.full.get(tier).ledger(), s.veto.get(tier).ledger(), 1.0, 10, 2_000, 7);
    }

    static void print(String title, Study s) {
        StressMarket m = s.base.market;
        System.out.println(title + ": " + m.crises().size() + " crises ("
                + m.crises().stream().filter(StressMarket.Crisis::hasPrecursor).count() + " with precursors), "
                + m.falseAlarms().size() + " false alarms; vetoed " + s.vetoes.counts().vetoed() + " of "
                + s.vetoes.size() + " decisions; fired " + s.vetoes.counts().fired());
        for (int t = 0; t < FeeTier.STANDARD.size(); t++) {
            RiskComparison c = compare(s, t);
            System.out.printf(Locale.ROOT, "  %2.0f bps: maxDD %.2f%% -> %.2f%% (diff %+.2f, CI [%+.2f, %+.2f], p %.3f);"
                    + " worst %.3f%% -> %.3f%% (CI [%+.3f, %+.3f]); CVaR5 %.4f%% -> %.4f%% (CI [%+.4f, %+.4f], p %.3f);"
                    + " total %.2f%% -> %.2f%%%n",
                    FeeTier.STANDARD.get(t).roundTripBps(), 100 * c.base().maxDrawdown(), 100 * c.variant().maxDrawdown(),
                    100 * c.maxDrawdown().value(), 100 * c.maxDrawdown().ci().low(), 100 * c.maxDrawdown().ci().high(),
                    c.maxDrawdown().pValue(), 100 * c.base().worstCycle(), 100 * c.variant().worstCycle(),
                    100 * c.worstCycle().ci().low(), 100 * c.worstCycle().ci().high(), 100 * c.base().cvar5(),
                    100 * c.variant().cvar5(), 100 * c.cvar5().ci().low(), 100 * c.cvar5().ci().high(),
                    c.cvar5().pValue(), 100 * c.base().totalReturn(), 100 * c.variant().totalReturn());
        }
    }

    /** Share of the crises (with or without precursor, as asked) whose cycle-start decision was vetoed. */
    static double vetoedShare(Study s, boolean withPrecursor) {
        int n = 0;
        int v = 0;
        for (StressMarket.Crisis c : s.base.market.crises()) {
            if (c.hasPrecursor() == withPrecursor) {
                n++;
                v += s.vetoes.vetoed(c.cycle()) ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : v / (double) n;
    }

    @Test
    void crisisFeatures_vetoTheDecisionBeforeMostPrecededBlowOuts_andFewUnprecededOnes() {
        EnumSet<Feature> crisisOnly = EnumSet.allOf(Feature.class);
        crisisOnly.remove(Feature.FUNDING_FLIP);
        VetoSpec spec = VetoSpec.defaults().withActive(crisisOnly);
        Study with = run(StressSpec.defaults(CYCLES, 11), spec);
        Study control = run(StressSpec.defaults(CYCLES, 11).withoutPrecursors(), spec);
        double caught = vetoedShare(with, true);
        double chance = vetoedShare(control, false);
        System.out.printf(Locale.ROOT, "crisis features vetoed %.0f%% of preceded crises, %.0f%% of unpreceded ones;"
                + " all decisions vetoed: %.1f%%%n", 100 * caught, 100 * chance,
                100.0 * with.vetoes.counts().vetoed() / with.vetoes.size());
        assertTrue(caught >= 0.7, "preceded crises vetoed: " + caught);
        assertTrue(chance <= 0.3, "unpreceded crises vetoed by chance: " + chance);
        print("crisis features only (no funding-flip veto), NESS floor", with);
        print("crisis features only, force zero", run(StressSpec.defaults(CYCLES, 11), spec.withAction(VetoAction.FORCE_ZERO)));
        print("funding flip only", run(StressSpec.defaults(CYCLES, 11),
                VetoSpec.defaults().withActive(EnumSet.of(Feature.FUNDING_FLIP))));
        print("all vetoes, force zero", run(StressSpec.defaults(CYCLES, 11),
                VetoSpec.defaults().withAction(VetoAction.FORCE_ZERO)));
    }

    @Test
    void fullVeto_cutsWorstCycleAndCvarAtEveryTier_andMaxDrawdownAt8And16bps() {
        Base b = base(StressSpec.defaults(CYCLES, 11));
        assertThrows(IllegalArgumentException.class, () -> SignalPath.of(b.fullVeto, b.cycles.size()),
                "a full+veto run has no path without its vetoes");
        Study s = run(StressSpec.defaults(CYCLES, 11), VetoSpec.defaults());
        print("stress market, full+veto defaults (all vetoes, NESS floor)", s);
        assertTrue(s.base.market.crises().size() >= 15, "enough crises: " + s.base.market.crises().size());
        for (int t = 0; t < FeeTier.STANDARD.size(); t++) {
            RiskComparison c = compare(s, t);
            assertTrue(c.worstCycle().value() > 0 && c.worstCycle().ci().low() > 0, "worst cycle at tier " + t + ": " + c);
            assertTrue(c.cvar5().value() > 0 && c.cvar5().ci().low() > 0, "CVaR at tier " + t + ": " + c);
            assertTrue(c.maxDrawdown().value() < 0, "maxDD at tier " + t + ": " + c);
            if (t < 2) {
                assertTrue(c.maxDrawdown().ci().high() < 0, "maxDD CI at tier " + t + ": " + c);
            }
        }
        SignalPath full = SignalPath.of(b.full, b.cycles.size());
        SignalPath veto = SignalPath.of(b.fullVeto, b.cycles.size(), s.vetoes, 0.25);
        for (int k = 0; k < b.cycles.size(); k++) {
            assertTrue(!(veto.exposure(k) > full.exposure(k)), "exposure at cycle " + k);
        }
    }

    @Test
    void control_withoutPrecursors_theVetoesCannotSeeABlowOutComing() {
        Study s = run(StressSpec.defaults(CYCLES, 11).withoutPrecursors(), VetoSpec.defaults());
        print("control (no precursors), full+veto defaults", s);
        RiskComparison c = compare(s, 1);
        assertTrue(c.worstCycle().ci().contains(0), "worst-cycle gain without precursors: " + c.worstCycle());
        assertEquals(0, s.base.market.crises().stream().filter(StressMarket.Crisis::hasPrecursor).count());
    }
}
