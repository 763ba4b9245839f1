package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.Execution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimators against the analytic truth of the synthetic presets (SPEC §3), on the series the pipeline
 * builds from the emitted bars and funding (BasisSeries.of + CycleBuilder). Seeds 1..5, fixed in advance.
 *
 * <p>Sampling precision (for the record): on REALISTIC (40,000 hours, κ = 0.05) the AR(1) κ has a standard
 * error of √((1 − φ²)/n)/φ/κ ≈ 3.2 % of κ, and the sample variance ≈ 4.5 % of Var_eq (n_eff ≈ 1,000); β = 1/(κ·Var)
 * is much tighter (≈ 1 %) because the errors of κ and Var are anti-correlated. So the 5 % band for κ is a
 * ~1.5σ band there: it holds for these seeds, but ~12 % of arbitrary seeds would miss it.
 */
class SyntheticTruthRecoveryTest {

    private static OuFit windowFit(SyntheticMarket m) {
        BasisSeries b = m.basis();
        return OuEstimator.fit(b.values(), 0, b.size(), 1.0, KappaMethod.THROUGH_ORIGIN);
    }

    private static OuFit drivenFit(SyntheticMarket m) {
        PhysicsSpec spec = PhysicsSpec.defaults().withFit(FitMethod.DRIVEN_EXACT, m.spec().cycleStart());
        return PhysicsAnalyzer.drivenFit(m.basis(), m.cycles(), spec);
    }

    private static void assertRecovers(OuFit fit, SyntheticTruth truth, String what) {
        assertEquals(truth.kappa(), fit.kappaPerHour(), 0.05 * truth.kappa(), what + " κ");
        assertEquals(truth.beta(), fit.beta(), 0.05 * truth.beta(), what + " β");
        assertEquals(truth.temperature(), fit.temperature(), 0.05 * truth.temperature(), what + " T");
        assertEquals(truth.varianceEq(), fit.variance(), 0.10 * truth.varianceEq(), what + " Var_eq");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void realisticPreset_specWindowEstimator_recoversKappaBetaAndVariance(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.REALISTIC.withSeed(seed));
        assertRecovers(windowFit(m), m.truth(), "window seed " + seed);
        assertRecovers(drivenFit(m), m.truth(), "driven seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void strongPreset_drivenEstimator_recoversKappaBetaAndVariance(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed));
        assertRecovers(drivenFit(m), m.truth(), "driven seed " + seed);
    }

    /**
     * Probability limit of the SPEC window estimator (AR(1) through the origin, T = κ·Var) on the strong preset,
     * in closed form. Within a cycle b_0 ~ N(0, V), V = T/κ, and with a = F/κ the mean is
     * m_h = −a(1 − φ^h) while Var(b_h) = V and Cov(b_h, b_{h+1}) = φV; the pair across a settlement has a fresh
     * b_0', so E[b_7 b_0'] = 0. Hence φ* = Σ_{h<7} (φV + E[a²](1 − φ^h)(1 − φ^{h+1})) / Σ_{h<8} (V + E[a²](1 − φ^h)²)
     * and Var* = E[b²] − (E b)², E[b²] = avg_h (V + E[a²](1 − φ^h)²), E b = −E[a]·avg_h (1 − φ^h).
     *
     * @return {κ*, Var*, T*, β*}
     */
    static double[] windowEstimatorLimit(SyntheticSpec s) {
        double k = s.kappa();
        double phi = Math.exp(-k);
        double v = s.temperature() / k;
        double ea = s.muF() / k;
        double ea2 = (s.muF() * s.muF() + s.sF() * s.sF()) / (k * k);
        int h = s.hoursPerCycle();
        double sxx = 0;
        double sxy = 0;
        double mean = 0;
        for (int j = 0; j < h; j++) {
            double gj = 1 - Math.pow(phi, j);
            sxx += v + ea2 * gj * gj;
            mean += gj;
            if (j < h - 1) {
                double gn = 1 - Math.pow(phi, j + 1);
                sxy += phi * v + ea2 * gj * gn;
            }
        }
        double kStar = -Math.log(sxy / sxx);
        double eb = -ea * mean / h;
        double var = sxx / h - eb * eb;
        double t = kStar * var;
        return new double[] {kStar, var, t, 1 / t};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void strongPreset_specWindowEstimator_convergesToItsAnalyticLimit_notToTheTruth(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed));
        double[] lim = windowEstimatorLimit(m.spec());
        OuFit f = windowFit(m);
        assertEquals(lim[0], f.kappaPerHour(), 0.03 * lim[0], "κ*");
        assertEquals(lim[1], f.variance(), 0.03 * lim[1], "Var*");
        assertEquals(lim[3], f.beta(), 0.03 * lim[3], "β*");
        // and that limit is far from the truth: κ +14 %, β −20 %
        assertTrue(lim[0] > 1.10 * m.truth().kappa());
        assertTrue(lim[3] < 0.85 * m.truth().beta());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void strongPreset_jarzynskiHolds_withKappaAndBetaEstimatedFromTheHourlySeries(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed));
        PhysicsSpec spec = PhysicsSpec.defaults().withFit(FitMethod.DRIVEN_EXACT, CycleStart.REDRAW_EQUILIBRIUM)
                .withResamples(2_000, 0, 0).withSeed(seed);
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basis(), m.cycles(), spec);
        assertEquals(10_000, r.cycles());
        assertTrue(r.je().naive().holds(), "JE naive " + r.je().naive());
        assertEquals(EstimateState.OK, r.je().naive().state());
        // second law: ⟨βσ⟩ = β E[F²]/(2κ) = 2·0.05/1 = 0.1 for the truth
        assertTrue(r.secondLaw().holds());
        assertEquals(0.1, r.secondLaw().meanEntropyProduction(), 0.01);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void strongPreset_jarzynskiHolds_withTheTruthKappaAndBeta(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed));
        FundingCycles cy = m.cycles();
        double[] sigma = CycleThermo.dissipation(cy.rates(), cy.basisStarts(), m.truth().kappa());
        Jarzynski.Result r = Jarzynski.analyze(sigma, cy.rates(), m.truth().beta(),
                new BootstrapSpec(2_000, seed, 0.95, Execution.PARALLEL), 0);
        assertTrue(r.naive().holds(), r.naive().toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void strongPreset_dftSlope_isConsistentWithTheTruthBeta(long seed) {
        SyntheticMarket m = SyntheticOuMarket.simulate(SyntheticSpec.STRONG.withSeed(seed));
        PhysicsSpec spec = PhysicsSpec.defaults().withFit(FitMethod.DRIVEN_EXACT, CycleStart.REDRAW_EQUILIBRIUM)
                .withResamples(0, 0, 100).withSeed(seed);
        PhysicsReport r = PhysicsAnalyzer.analyze(m.basis(), m.cycles(), spec);
        assertTrue(r.dft().slopeCi().contains(m.truth().beta()), r.dft().toString());
        assertTrue(r.dft().r2() > 0.9);
    }
}
