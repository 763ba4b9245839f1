package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.stats.BootstrapSpec;
import io.thermocarry.core.stats.Moments;
import io.thermocarry.core.stats.Percentiles;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The whole-range physics table (SPEC §3, §11): one κ, T, β for the whole basis range; per cycle
 * {@code σ_k = −F_k·b_start,k + F_k²/(2κ)} and {@code β σ_k} with those κ and β; Jarzynski (naive, cumulant,
 * BAR; raw and winsorized), detailed fluctuation theorem, second law.
 *
 * <p>This is a descriptive table over a fixed range: it uses the range's own κ and β for every cycle, as the
 * reference does. Causal per-decision values are the signal layer's business (SPEC §4).
 *
 * <p>Seeds: {@code r = new SplittableRandom(spec.seed())}; the JE stream seed is {@code r.nextLong()}, the DFT
 * stream seed the next {@code r.nextLong()} (BAR's is derived inside {@link Jarzynski#analyzeAll} from the JE
 * seed). Raw and winsorized JE replicates share indices.
 */
public final class PhysicsAnalyzer {
    private PhysicsAnalyzer() {
    }

    /**
     * Table from hourly basis values in time order (NaN allowed) and the symbol's cycles. Only
     * {@link FitMethod#WINDOW_AR1} (the driven fit needs the basis times: use
     * {@link #analyze(BasisSeries, FundingCycles, PhysicsSpec)}).
     */
    public static PhysicsReport analyze(double[] hourlyBasisPct, FundingCycles cycles, PhysicsSpec spec) {
        Checks.check(spec.fitMethod() == FitMethod.WINDOW_AR1,
                "FitMethod " + spec.fitMethod() + " needs basis times: pass a BasisSeries");
        OuFit fit = OuEstimator.fit(hourlyBasisPct, 0, hourlyBasisPct.length, spec.dtHours(), spec.kappaMethod());
        return table(fit, cycles, spec);
    }

    /** Table from a basis series and the symbol's cycles, with either fit method. */
    public static PhysicsReport analyze(BasisSeries basis, FundingCycles cycles, PhysicsSpec spec) {
        OuFit fit = switch (spec.fitMethod()) {
            case WINDOW_AR1 -> OuEstimator.fit(basis.values(), 0, basis.size(), spec.dtHours(), spec.kappaMethod());
            case DRIVEN_EXACT -> drivenFit(basis, cycles, spec);
        };
        return table(fit, cycles, spec);
    }

    /**
     * {@link DrivenOuEstimator} on a basis series: the step from observation i to i+1 is a transition when they
     * are exactly {@code dtHours} apart, lie in a cycle (the force is that cycle's F, known from its start) and,
     * under {@link CycleStart#REDRAW_EQUILIBRIUM}, observation i+1 is not stamped at a settlement.
     */
    public static OuFit drivenFit(BasisSeries basis, FundingCycles cycles, PhysicsSpec spec) {
        int n = basis.size();
        long step = Math.round(spec.dtHours() * 3_600_000.0);
        long[] t = basis.times();
        double[] force = new double[Math.max(n - 1, 0)];
        boolean[] brk = new boolean[n];
        int k = 0;
        int nc = cycles.size();
        for (int i = 0; i + 1 < n; i++) {
            long ti = t[i];
            while (k < nc && cycles.endMs(k) <= ti) {
                k++;
            }
            boolean inCycle = k < nc && cycles.startMs(k) <= ti && t[i + 1] <= cycles.endMs(k);
            force[i] = inCycle && t[i + 1] - ti == step ? cycles.rate(k) : Double.NaN;
        }
        if (spec.cycleStart() == CycleStart.REDRAW_EQUILIBRIUM) {
            long[] starts = cycles.starts();
            for (int i = 1; i < n; i++) {
                brk[i] = Arrays.binarySearch(starts, t[i]) >= 0;
            }
        }
        return DrivenOuEstimator.fit(basis.values(), force, brk, spec.dtHours());
    }

    /** The table for a given fit of the range (the caller chose how κ, T, β were estimated). */
    public static PhysicsReport table(OuFit fit, FundingCycles cycles, PhysicsSpec spec) {
        int total = cycles.size();
        double[] rateAll = cycles.rates();
        double[] bsAll = cycles.basisStarts();
        int used = 0;
        for (int i = 0; i < total; i++) {
            if (Double.isFinite(bsAll[i])) {
                used++;
            }
        }
        double[] rate = new double[used];
        double[] bStart = new double[used];
        int j = 0;
        for (int i = 0; i < total; i++) {
            if (Double.isFinite(bsAll[i])) {
                rate[j] = rateAll[i];
                bStart[j] = bsAll[i];
                j++;
            }
        }
        double kappa = fit.kappaPerHour();
        double beta = fit.beta();
        double[] sigma = CycleThermo.dissipation(rate, bStart, kappa);
        double[] betaSigma = CycleThermo.entropyProduction(sigma, beta);
        double interval = Double.isNaN(spec.fundingIntervalHours()) ? medianInterval(cycles)
                : spec.fundingIntervalHours();
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        long jeSeed = seeds.nextLong();
        long dftSeed = seeds.nextLong();
        BootstrapSpec jeBoot = new BootstrapSpec(spec.resamples(), jeSeed, spec.level(), spec.execution());
        double winLo = Double.NaN;
        double winHi = Double.NaN;
        double[] sigmaW = sigma;
        if (used > 0) {
            double[] sorted = sigma.clone();
            Arrays.sort(sorted);
            winLo = Percentiles.ofSorted(sorted, used, spec.winsorizeLowPct());
            winHi = Percentiles.ofSorted(sorted, used, spec.winsorizeHighPct());
            sigmaW = Percentiles.winsorize(sigma, spec.winsorizeLowPct(), spec.winsorizeHighPct());
        }
        Jarzynski.Result[] je = Jarzynski.analyzeAll(new double[][] {sigma, sigmaW}, rate, beta, jeBoot,
                spec.barResamples());
        DftResult dft = DetailedFluctuation.test(sigma, spec.dft(),
                new BootstrapSpec(spec.dftResamples(), dftSeed, spec.level(), spec.execution()));
        SecondLaw.Result law = SecondLaw.test(betaSigma);
        double meanSigma = used == 0 ? Double.NaN : Moments.mean(sigma);
        return new PhysicsReport(cycles.symbol(), used, total - used, fit.points(), fit, interval, fit.tauRelaxHours(),
                fit.relaxationRatio(interval), meanSigma, winLo, winHi, je[0], je[1], dft, law, spec);
    }

    /** Median of the cycles' actual intervals in hours (8 when there is no cycle). */
    public static double medianInterval(FundingCycles cycles) {
        if (cycles.size() == 0) {
            return 8.0;
        }
        return Percentiles.of(cycles.intervalsHours(), 50);
    }
}
