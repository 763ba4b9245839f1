package io.thermocarry.core.physics;

import io.thermocarry.core.Checks;
import io.thermocarry.core.stats.Execution;

/**
 * What the whole-range physics table ({@link PhysicsAnalyzer}) computes and how.
 *
 * @param kappaMethod AR(1) through the origin (SPEC default) or demeaned; used by {@link FitMethod#WINDOW_AR1}
 * @param fitMethod estimator of κ, T, β
 * @param cycleStart basis behaviour at settlements; used by {@link FitMethod#DRIVEN_EXACT}
 * @param dtHours spacing of the basis points in hours (1)
 * @param fundingIntervalHours τ_funding of the relaxation ratio; NaN = the median actual interval of the cycles
 * @param resamples bootstrap resamples of the JE naive and cumulant intervals (10,000)
 * @param barResamples resamples of the stratified BAR interval (each solves Bennett's equation; 200)
 * @param dftResamples resamples of the DFT slope interval (each redoes the KDE test; 200)
 * @param seed root seed; the JE, BAR and DFT streams are derived from it (see {@link PhysicsAnalyzer})
 * @param winsorizeLowPct lower winsorizing percentile of σ (1)
 * @param winsorizeHighPct upper winsorizing percentile of σ (99)
 * @param level confidence level of every interval (0.95)
 * @param dft DFT test parameters
 * @param execution sequential or parallel bootstraps (results identical)
 */
public record PhysicsSpec(KappaMethod kappaMethod, FitMethod fitMethod, CycleStart cycleStart, double dtHours,
        double fundingIntervalHours, int resamples, int barResamples, int dftResamples, long seed,
        double winsorizeLowPct, double winsorizeHighPct, double level, DftSpec dft, Execution execution) {

    /** Default bootstrap resamples of the JE intervals. */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Default BAR bootstrap resamples. */
    public static final int DEFAULT_BAR_RESAMPLES = 200;
    /** Default DFT bootstrap resamples. */
    public static final int DEFAULT_DFT_RESAMPLES = 200;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates the spec (NaN funding interval = median of the cycles). */
    public PhysicsSpec {
        Checks.notNull(kappaMethod, "kappaMethod");
        Checks.notNull(fitMethod, "fitMethod");
        Checks.notNull(cycleStart, "cycleStart");
        Checks.positive(dtHours, "dtHours");
        Checks.check(Double.isNaN(fundingIntervalHours) || fundingIntervalHours > 0,
                "fundingIntervalHours must be > 0 or NaN (median of the cycles)");
        Checks.nonNegative(resamples, "resamples");
        Checks.nonNegative(barResamples, "barResamples");
        Checks.nonNegative(dftResamples, "dftResamples");
        Checks.inRange(winsorizeLowPct, 0, 100, "winsorizeLowPct");
        Checks.inRange(winsorizeHighPct, winsorizeLowPct, 100, "winsorizeHighPct");
        Checks.check(level > 0 && level < 1, "level must be in (0, 1)");
        Checks.notNull(dft, "dft");
        Checks.notNull(execution, "execution");
    }

    /** SPEC defaults: window AR(1) through the origin, hourly, 10,000 / 200 / 200 resamples, 1 %/99 %. */
    public static PhysicsSpec defaults() {
        return new PhysicsSpec(KappaMethod.THROUGH_ORIGIN, FitMethod.WINDOW_AR1, CycleStart.CONTINUOUS, 1.0,
                Double.NaN, DEFAULT_RESAMPLES, DEFAULT_BAR_RESAMPLES, DEFAULT_DFT_RESAMPLES, DEFAULT_SEED, 1.0,
                99.0, 0.95, DftSpec.defaults(), Execution.PARALLEL);
    }

    /** Same spec with another estimator and cycle-start behaviour. */
    public PhysicsSpec withFit(FitMethod f, CycleStart c) {
        return new PhysicsSpec(kappaMethod, f, c, dtHours, fundingIntervalHours, resamples, barResamples,
                dftResamples, seed, winsorizeLowPct, winsorizeHighPct, level, dft, execution);
    }

    /** Same spec with another κ method. */
    public PhysicsSpec withKappaMethod(KappaMethod m) {
        return new PhysicsSpec(m, fitMethod, cycleStart, dtHours, fundingIntervalHours, resamples, barResamples,
                dftResamples, seed, winsorizeLowPct, winsorizeHighPct, level, dft, execution);
    }

    /** Same spec with other resample counts (JE, BAR, DFT). */
    public PhysicsSpec withResamples(int je, int bar, int dftCount) {
        return new PhysicsSpec(kappaMethod, fitMethod, cycleStart, dtHours, fundingIntervalHours, je, bar,
                dftCount, seed, winsorizeLowPct, winsorizeHighPct, level, dft, execution);
    }

    /** Same spec with another seed. */
    public PhysicsSpec withSeed(long s) {
        return new PhysicsSpec(kappaMethod, fitMethod, cycleStart, dtHours, fundingIntervalHours, resamples,
                barResamples, dftResamples, s, winsorizeLowPct, winsorizeHighPct, level, dft, execution);
    }

    /** Same spec with a fixed funding interval for the relaxation ratio. */
    public PhysicsSpec withFundingIntervalHours(double h) {
        return new PhysicsSpec(kappaMethod, fitMethod, cycleStart, dtHours, h, resamples, barResamples,
                dftResamples, seed, winsorizeLowPct, winsorizeHighPct, level, dft, execution);
    }

    /** Same spec with another execution. */
    public PhysicsSpec withExecution(Execution e) {
        return new PhysicsSpec(kappaMethod, fitMethod, cycleStart, dtHours, fundingIntervalHours, resamples,
                barResamples, dftResamples, seed, winsorizeLowPct, winsorizeHighPct, level, dft, e);
    }
}
