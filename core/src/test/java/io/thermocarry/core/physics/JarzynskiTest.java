package io.thermocarry.core.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.Execution;
import io.thermocarry.core.stats.GaussianSampler;
import io.thermocarry.core.stats.Moments;
import io.thermocarry.core.stats.Percentiles;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JarzynskiTest {
    private static final BootstrapSpec FAST = new BootstrapSpec(1_000, 7, 0.95, Execution.PARALLEL);

    /** σ ~ N(μ, 2μ/β): the Gaussian law that satisfies the detailed fluctuation theorem exactly. */
    static double[] dftGaussian(long seed, int n, double mu, double beta) {
        GaussianSampler g = new GaussianSampler(new SplittableRandom(seed));
        double[] s = new double[n];
        double sd = Math.sqrt(2 * mu / beta);
        for (int i = 0; i < n; i++) {
            s[i] = g.next(mu, sd);
        }
        return s;
    }

    private static double[] alternatingRates(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = i % 3 == 0 ? -1e-4 : 2e-4;
        }
        return r;
    }

    @Test
    void naiveAndCumulant_matchHandComputation() {
        double[] s = {0.1, -0.2, 0.3};
        double beta = 2;
        double naive = (Math.exp(-0.2) + Math.exp(0.4) + Math.exp(-0.6)) / 3;
        assertEquals(naive, Jarzynski.naive(s, beta), 1e-15);
        double mean = 0.2 / 3;
        double var = ((0.1 - mean) * (0.1 - mean) + (-0.2 - mean) * (-0.2 - mean) + (0.3 - mean) * (0.3 - mean)) / 3;
        assertEquals(Math.exp(-beta * mean + beta * beta * var / 2), Jarzynski.cumulant(s, beta), 1e-15);
    }

    @Test
    void dftSatisfyingGaussian_holds_forNaiveCumulantAndBar() {
        double beta = 2;
        double[] s = dftGaussian(1, 20_000, 0.05, beta);
        Jarzynski.Result r = Jarzynski.analyze(s, alternatingRates(s.length), beta, FAST, 200);
        assertTrue(r.naive().holds(), "naive " + r.naive());
        assertTrue(r.cumulant().holds(), "cumulant " + r.cumulant());
        // forward and reverse sets draw from the same law, so Bennett's root is 0 and the ratio 1
        assertTrue(r.bar().holds(), "bar " + r.bar());
        assertEquals(EstimateState.OK, r.naive().state());
        // the cumulant is exact for Gaussian σ: its exponent −βμ + β²Var/2 is 0 up to sampling error
        assertEquals(0.0, Jarzynski.cumulantExponent(s, beta), 0.01);
    }

    @Test
    void jeViolation_isDetected_whenSigmaIsShifted() {
        double beta = 2;
        double[] s = dftGaussian(2, 20_000, 0.05, beta);
        for (int i = 0; i < s.length; i++) {
            s[i] += 0.05; // extra dissipation: ⟨e^{−βσ}⟩ = e^{−0.1}
        }
        Jarzynski.Result r = Jarzynski.analyze(s, alternatingRates(s.length), beta, FAST, 0);
        assertFalse(r.naive().holds());
        assertFalse(r.cumulant().holds());
        assertEquals(Math.exp(-0.1), r.naive().value(), 0.01);
    }

    @Test
    void bar_recoversAFreeEnergyOffset_thatShiftsForwardUpAndReverseDown() {
        // a wrong ΔF moves forward dissipation by +d and reverse dissipation by −d (ΔF_R = −ΔF_F): BAR's
        // root is then β·d, and its ratio e^{−βd}
        double beta = 2;
        double d = 0.05;
        double[] s = dftGaussian(12, 30_000, 0.05, beta);
        double[] rates = alternatingRates(s.length);
        for (int i = 0; i < s.length; i++) {
            s[i] += rates[i] > 0 ? d : -d;
        }
        Jarzynski.Result r = Jarzynski.analyze(s, rates, beta, FAST, 100);
        assertEquals(beta * d, r.barFreeEnergy(), 0.01);
        assertTrue(r.bar().ci().contains(Math.exp(-beta * d)), r.bar().toString());
        assertFalse(r.bar().holds());
    }

    /** Bennett's objective written out from its definition, independently of the class under test. */
    private static double bennett(double c, double[] x, double[] y) {
        double m = Math.log((double) x.length / y.length);
        double s = 0;
        for (double v : x) {
            s += 1.0 / (1.0 + Math.exp(m + v - c));
        }
        for (double v : y) {
            s -= 1.0 / (1.0 + Math.exp(-m + v + c));
        }
        return s;
    }

    @Test
    void barRoot_equalsBruteForceGridSolution() {
        SplittableRandom r = new SplittableRandom(11);
        GaussianSampler g = new GaussianSampler(r.split());
        for (int trial = 0; trial < 5; trial++) {
            int nf = 20 + r.nextInt(60);
            int nr = 20 + r.nextInt(60);
            double[] x = new double[nf];
            double[] y = new double[nr];
            double shift = g.next(0, 1.5);
            for (int i = 0; i < nf; i++) {
                x[i] = g.next(shift, 1 + trial);
            }
            for (int i = 0; i < nr; i++) {
                y[i] = g.next(-shift, 0.5 + trial);
            }
            double step = 1e-4;
            double best = Double.NaN;
            double prev = bennett(-20, x, y);
            for (int k = 1; k <= 400_000; k++) {
                double c = -20 + k * step;
                double v = bennett(c, x, y);
                if (prev < 0 && v >= 0) {
                    best = c - step / 2;
                    break;
                }
                prev = v;
            }
            double root = Jarzynski.barFreeEnergy(x, y);
            assertEquals(best, root, step, "trial " + trial);
            assertEquals(0.0, bennett(root, x, y), 1e-9 * (nf + nr));
            double beta = 0.5;
            double[] sx = new double[nf];
            double[] sy = new double[nr];
            for (int i = 0; i < nf; i++) {
                sx[i] = x[i] / beta;
            }
            for (int i = 0; i < nr; i++) {
                sy[i] = y[i] / beta;
            }
            assertEquals(Math.exp(-root), Jarzynski.bar(sx, sy, beta), 1e-9);
        }
    }

    @Test
    void bar_reducesToTheNaiveAverage_whenTheReverseSetIsTinyAgainstTheForward() {
        // n_F ≫ n_R: f(M + x − C) ≈ e^{−(M + x − C)} and f(−M + y + C) ≈ 1, so e^{−C} → ⟨e^{−x}⟩_F
        double[] x = dftGaussian(3, 200_000, 0.3, 1.0);
        double[] y = dftGaussian(4, 20, 0.3, 1.0);
        double c = Jarzynski.barFreeEnergy(x, y);
        assertEquals(Jarzynski.naive(x, 1.0), Math.exp(-c), 2e-3);
    }

    @Test
    void bar_isInsufficient_withFewerThan20OnEitherSide() {
        double[] s = dftGaussian(5, 100, 0.05, 2);
        double[] rates = new double[100];
        for (int i = 0; i < 100; i++) {
            rates[i] = i < 19 ? -1 : 1;
        }
        Jarzynski.Result r = Jarzynski.analyze(s, rates, 2, FAST, 50);
        assertEquals(EstimateState.INSUFFICIENT, r.bar().state());
        assertTrue(Double.isNaN(r.bar().value()));
        assertFalse(r.bar().holds());
        assertEquals(81, r.forward());
        assertEquals(19, r.reverse());
        assertTrue(Double.isNaN(Jarzynski.barFreeEnergy(new double[19], new double[40])));
    }

    @Test
    void fermi_isStable_andSymmetric() {
        for (double x : new double[] {-1e308, -1000, -40, -1, 0, 1, 40, 1000, 1e308}) {
            double f = Jarzynski.fermi(x);
            assertTrue(f >= 0 && f <= 1, "f(" + x + ") = " + f);
            assertEquals(1.0, f + Jarzynski.fermi(-x), 1e-15);
        }
        assertEquals(0.5, Jarzynski.fermi(0), 0);
        assertEquals(Math.exp(-1000), Jarzynski.fermi(1000), 0);
    }

    @Test
    void winsorizedNaive_isBelowRaw_onAHeavyLowerTail() {
        // mostly N(0.02, 0.1), with a heavy lower tail of large negative σ (rare, huge e^{−βσ})
        SplittableRandom r = new SplittableRandom(6);
        GaussianSampler g = new GaussianSampler(r.split());
        double[] s = new double[5_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextDouble() < 0.03 ? -Math.abs(g.next(0, 1)) / Math.max(r.nextDouble(), 1e-3) : g.next(0.02, 0.1);
        }
        double[] w = Percentiles.winsorize(s, 1, 99);
        double beta = 2;
        double raw = Jarzynski.naive(s, beta);
        double win = Jarzynski.naive(w, beta);
        assertTrue(win < raw, "winsorized " + win + " raw " + raw);
        Jarzynski.Result[] both = Jarzynski.analyzeAll(new double[][] {s, w}, alternatingRates(s.length), beta, FAST,
                0);
        assertEquals(raw, both[0].naive().value(), 1e-12 * raw);
        assertEquals(win, both[1].naive().value(), 1e-12 * win);
    }

    @Test
    void hugeMinusBetaSigma_isReportedAsOverflow_neverInfinity() {
        double[] s = dftGaussian(7, 500, 0.05, 2);
        s[17] = -400; // −βσ = 800 > 500
        Jarzynski.Result r = Jarzynski.analyze(s, alternatingRates(s.length), 2, FAST, 50);
        assertEquals(EstimateState.OVERFLOW, r.naive().state());
        assertTrue(Double.isFinite(r.naive().value()));
        assertFalse(r.naive().holds());
        assertTrue(Jarzynski.naiveOverflows(s, 2));
        assertEquals(EstimateState.OVERFLOW, r.cumulant().state());
        assertTrue(Double.isFinite(r.cumulant().value()));
        assertTrue(r.naive().ci().isDefined());
    }

    @Test
    void bootstrapInterval_isReproducible_forAFixedSeed_andDiffersForAnother() {
        double[] s = dftGaussian(8, 3_000, 0.05, 2);
        double[] rates = alternatingRates(s.length);
        Jarzynski.Result a = Jarzynski.analyze(s, rates, 2, FAST, 50);
        Jarzynski.Result b = Jarzynski.analyze(s, rates, 2, FAST.withExecution(Execution.SEQUENTIAL), 50);
        Jarzynski.Result c = Jarzynski.analyze(s, rates, 2, FAST.withSeed(8), 50);
        assertEquals(a, b);
        assertNotEquals(a.naive().ci(), c.naive().ci());
        assertNotEquals(a.bar().ci(), c.bar().ci());
        assertEquals(a.naive().value(), c.naive().value());
    }

    @Test
    void defaultResamples_giveATighterIntervalCloseToTheAnalyticStandardError() {
        double[] s = dftGaussian(9, 2_000, 0.05, 2);
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(-2 * s[i]);
        }
        Jarzynski.Result r = Jarzynski.analyze(s, alternatingRates(s.length), 2, BootstrapSpec.defaults(), 0);
        assertEquals(BootstrapSpec.DEFAULT_RESAMPLES, r.naive().resamples());
        double se = Math.sqrt(Moments.populationVariance(e) / e.length);
        // percentile interval of a mean ≈ ±1.96 se (10,000 resamples: a few % Monte Carlo error)
        assertEquals(2 * 1.96 * se, r.naive().ci().high() - r.naive().ci().low(), 0.08 * 2 * 1.96 * se);
        assertFalse(r.bar().ci().isDefined());
    }

    @Test
    void analyzeAll_equalsSeparateAnalyses_pointEstimates() {
        double[] s = dftGaussian(10, 1_000, 0.05, 2);
        double[] t = dftGaussian(11, 1_000, 0.08, 2);
        double[] rates = alternatingRates(1_000);
        Jarzynski.Result[] both = Jarzynski.analyzeAll(new double[][] {s, t}, rates, 2, FAST, 0);
        Jarzynski.Result[] three = Jarzynski.analyzeAll(new double[][] {s, t, s}, rates, 2, FAST, 0);
        assertEquals(Jarzynski.analyze(t, rates, 2, FAST, 0).naive().value(), both[1].naive().value());
        assertEquals(both[0].cumulant().value(), three[2].cumulant().value());
        // same indices, different summation order (the two-column loop is unrolled): equal to rounding
        assertArrayEquals(new double[] {both[0].naive().ci().low(), both[1].naive().ci().high()},
                new double[] {three[0].naive().ci().low(), three[1].naive().ci().high()}, 1e-13);
    }
}
