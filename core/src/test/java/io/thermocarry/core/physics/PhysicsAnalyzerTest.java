package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.stats.Execution;
import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhysicsAnalyzerTest {
    private static final PhysicsSpec FAST = PhysicsSpec.defaults().withResamples(500, 50, 20);

    private static SyntheticMarket strong(long seed, int cycles) {
        return SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed).withCycles(cycles));
    }

    /** The cycles of m with b_start set to NaN where {@code nan[k]}, and F multiplied by {@code scale}. */
    private static FundingCycles edited(FundingCycles c, boolean[] nan, double[] intervalHours) {
        int n = c.size();
        double[] bs = c.basisStarts().clone();
        for (int k = 0; k < n; k++) {
            if (nan[k]) {
                bs[k] = Double.NaN;
            }
        }
        return new FundingCycles(c.symbol(), c.starts(), c.ends(), c.rates(), intervalHours, bs, c.basisEnds(),
                c.basisMeans(), c.basisStds(), c.basisObsCounts(), c.markStarts(), c.markEnds(), new byte[n], 0);
    }

    @Test
    void tableFields_areConsistentWithTheirDefinitions() {
        SyntheticMarket m = strong(1, 2_000);
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), FAST);
        OuFit f = OuEstimator.fit(m.basisPct(), 0, m.basisPct().length, 1.0, KappaMethod.THROUGH_ORIGIN);
        assertEquals(f, r.fit());
        assertEquals(1 / f.kappaPerHour(), r.tauRelaxHours(), 1e-12);
        assertEquals(8.0, r.fundingIntervalHours());
        assertEquals(r.tauRelaxHours() / 8.0, r.relaxationRatio(), 1e-12);
        double[] sigma = CycleThermo.dissipation(m.cycles().rates(), m.cycles().basisStarts(), f.kappaPerHour());
        assertEquals(Jarzynski.naive(sigma, f.beta()), r.je().naive().value(), 1e-12);
        assertEquals(Jarzynski.cumulant(sigma, f.beta()), r.je().cumulant().value(), 1e-12);
        double[] w = Percentiles.winsorize(sigma, 1, 99);
        assertEquals(Jarzynski.naive(w, f.beta()), r.jeWinsorized().naive().value(), 1e-12);
        assertEquals(Percentiles.of(sigma, 1), r.winsorLow(), 0);
        assertEquals(Percentiles.of(sigma, 99), r.winsorHigh(), 0);
        SecondLaw.Result law = SecondLaw.test(CycleThermo.entropyProduction(sigma, f.beta()));
        assertEquals(law, r.secondLaw());
        assertEquals(2_000, r.cycles());
        assertEquals(500, r.je().naive().resamples());
        assertEquals(20, r.dft().resamples());
        assertEquals(m.cycles().size(), r.je().forward() + r.je().reverse());
    }

    @Test
    void cyclesWithoutBasisStart_areSkippedAndCounted() {
        SyntheticMarket m = strong(2, 500);
        FundingCycles c = m.cycles();
        boolean[] nan = new boolean[c.size()];
        nan[0] = true;
        nan[10] = true;
        nan[499] = true;
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basisPct(), edited(c, nan, c.intervalsHours()), FAST);
        assertEquals(497, r.cycles());
        assertEquals(3, r.cyclesSkipped());
        assertEquals(497, r.je().naive().n());
        assertTrue(Double.isFinite(r.je().naive().value()));
    }

    @Test
    void noUsableCycle_givesInsufficientStates_notExceptions() {
        SyntheticMarket m = strong(9, 60);
        FundingCycles c = m.cycles();
        boolean[] all = new boolean[c.size()];
        Arrays.fill(all, true);
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basisPct(), edited(c, all, c.intervalsHours()), FAST);
        assertEquals(0, r.cycles());
        assertEquals(60, r.cyclesSkipped());
        assertEquals(EstimateState.INSUFFICIENT, r.je().naive().state());
        assertEquals(EstimateState.INSUFFICIENT, r.je().bar().state());
        assertEquals(EstimateState.INSUFFICIENT, r.dft().state());
        assertTrue(Double.isNaN(r.secondLaw().meanEntropyProduction()));
        assertTrue(Double.isFinite(r.kappaPerHour()));
    }

    @Test
    void fundingInterval_defaultsToTheMedianActualInterval_orTheGivenValue() {
        SyntheticMarket m = strong(3, 301);
        FundingCycles c = m.cycles();
        double[] hours = new double[c.size()];
        for (int k = 0; k < hours.length; k++) {
            hours[k] = k < 200 ? 4.0 : 8.0; // mostly 4 h cycles
        }
        FundingCycles four = edited(c, new boolean[c.size()], hours);
        assertEquals(4.0, PhysicsAnalyzer.medianInterval(four));
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basisPct(), four, FAST);
        assertEquals(4.0, r.fundingIntervalHours());
        assertEquals(r.tauRelaxHours() / 4.0, r.relaxationRatio(), 1e-12);
        PhysicsReport fixed = PhysicsAnalyzer.analyze(m.basisPct(), four, FAST.withFundingIntervalHours(8));
        assertEquals(r.tauRelaxHours() / 8.0, fixed.relaxationRatio(), 1e-12);
        FundingCycles none = new FundingCycles(new Symbol("SYNTHUSDT"), new long[0], new long[0], new double[0],
                new double[0], new double[0], new double[0], new double[0], new double[0], new int[0], new double[0],
                new double[0], new byte[0], 0);
        assertEquals(8.0, PhysicsAnalyzer.medianInterval(none));
    }

    @Test
    void report_isReproducible_andIndependentOfExecution_butSeedDependent() {
        SyntheticMarket m = strong(4, 1_000);
        PhysicsReport a = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), FAST);
        PhysicsReport b = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), FAST.withExecution(Execution.SEQUENTIAL));
        PhysicsReport c = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), FAST.withSeed(43));
        assertEquals(a.fit(), b.fit());
        assertEquals(a.je(), b.je());
        assertEquals(a.jeWinsorized(), b.jeWinsorized());
        assertEquals(a.dft(), b.dft());
        assertEquals(a.secondLaw(), b.secondLaw());
        assertNotEquals(a.je().naive().ci(), c.je().naive().ci());
        assertEquals(a.je().naive().value(), c.je().naive().value());
    }

    @Test
    void basisSeriesOverload_equalsArrayOverload_forTheWindowFit() {
        SyntheticMarket m = strong(5, 600);
        PhysicsReport a = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), FAST);
        PhysicsReport b = PhysicsAnalyzer.analyze(m.basis(), m.cycles(), FAST);
        assertEquals(a, b);
    }

    @Test
    void drivenFit_needsBasisTimes() {
        SyntheticMarket m = strong(6, 100);
        PhysicsSpec driven = FAST.withFit(FitMethod.DRIVEN_EXACT, CycleStart.REDRAW_EQUILIBRIUM);
        assertThrows(IllegalArgumentException.class, () -> PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(), driven));
        assertEquals(FitMethod.DRIVEN_EXACT, PhysicsAnalyzer.analyze(m.basis(), m.cycles(), driven).spec().fitMethod());
    }

    @Test
    void drivenFit_skipsSettlementPairs_onlyWhenTheBasisIsRedrawn() {
        SyntheticMarket m = strong(7, 400);
        OuFit redraw = PhysicsAnalyzer.drivenFit(m.basis(), m.cycles(),
                FAST.withFit(FitMethod.DRIVEN_EXACT, CycleStart.REDRAW_EQUILIBRIUM));
        OuFit cont = PhysicsAnalyzer.drivenFit(m.basis(), m.cycles(),
                FAST.withFit(FitMethod.DRIVEN_EXACT, CycleStart.CONTINUOUS));
        // 3,200 steps inside the 400 cycles; a re-draw removes the 399 that end at a later settlement
        assertEquals(3_200, cont.points());
        assertEquals(3_200 - 399, redraw.points());
    }

    @Test
    void demeanedKappaMethod_isPassedThrough() {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.REALISTIC.withCycles(500));
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basisPct(), m.cycles(),
                FAST.withKappaMethod(KappaMethod.DEMEANED));
        double[] b = m.basisPct();
        assertEquals(OuEstimator.kappa(b, 0, b.length, 1.0, KappaMethod.DEMEANED), r.kappaPerHour(), 0);
        assertTrue(Arrays.stream(new double[] {r.temperature(), r.beta()}).allMatch(Double::isFinite));
    }
}
