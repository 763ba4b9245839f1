package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;
import io.thermocarry.core.physics.KappaMethod;

/**
 * What the four regime signals of SPEC §4 are: every window, the warm-up and the κ estimator. A value,
 * validated on construction; {@link SignalEngine} and {@link SignalRunner} compute it.
 *
 * <p>At a decision (a funding settlement at time {@code d}):
 * <ul>
 * <li>the <b>hourly window</b> is the last {@code basisWindowHours} hourly basis observations available at
 * or before {@code d} (causal; the reference takes a window of rows ending one cycle later, see
 * {@link SignalRunner#runReference}); κ, Var(b), T and β are fitted on it ({@link RollingOuEstimator});
 * <li><b>relaxation_ratio</b> {@code r = (1/max(κ, 1e−6)) / τ_funding}, 2.0 when the window has fewer than
 * {@value #MIN_RELAXATION_POINTS} points;
 * <li><b>temperature_zscore</b> {@code (β_now − mean)/std} of β over the previous
 * {@code betaHistoryDecisions} decisions (population std; 0 with fewer than {@value #MIN_BETA_HISTORY}
 * values or std &lt; {@value #BETA_STD_FLOOR});
 * <li><b>entropy_rate</b> mean of {@code clip(β_now·σ_j, ±1e4)} over the last {@code entropyWindowCycles}
 * completed cycles; <b>je_health</b> {@code |mean(exp(clip(−β_now·σ_j, ±500))) − 1|} over the last
 * {@code jeWindowCycles}; {@code σ_j = W_j − ΔF_j}, {@code W_j = −F_j·b_start,j},
 * {@code ΔF_j = −F_j²/(2κ)} with κ from the current window (causal) or the whole history (reference).
 * </ul>
 *
 * @param basisWindowHours hourly observations in the κ/β window (720 = 30 days)
 * @param betaHistoryDecisions previous decisions whose β the z-score compares against (359: the reference
 *     keeps 360 β values including the current one)
 * @param entropyWindowCycles completed cycles in the entropy-rate mean (90 = 30 days of 8 h cycles)
 * @param jeWindowCycles completed cycles in the Jarzynski-health mean (180)
 * @param warmupCycles completed cycles required before the first decision (the reference: the first
 *     decision is cycle index {@code max(360, 180, 90) = 360}, i.e. after 360 completed cycles)
 * @param kappaMethod AR(1) form for κ (the reference fits through the origin)
 * @param referenceFundingHours τ_funding of the reference mode and its rows-per-cycle stride (8); the
 *     causal mode divides by the interval actually in force instead
 */
public record SignalSpec(int basisWindowHours, int betaHistoryDecisions, int entropyWindowCycles,
        int jeWindowCycles, int warmupCycles, KappaMethod kappaMethod, double referenceFundingHours) {

    /** Fewer points than this in the hourly window: relaxation ratio {@value #RELAXATION_FALLBACK}. */
    public static final int MIN_RELAXATION_POINTS = 50;
    /** The "unsafe" relaxation ratio used when the window is too short. */
    public static final double RELAXATION_FALLBACK = 2.0;
    /** Fewer previous β values than this: temperature z-score 0. */
    public static final int MIN_BETA_HISTORY = 10;
    /** Population std of the previous β values below this: temperature z-score 0. */
    public static final double BETA_STD_FLOOR = 1e-10;
    /** Clip of the per-cycle entropy production {@code β·σ} in the entropy rate. */
    public static final double ENTROPY_CLIP = 1e4;
    /** Clip of the exponent {@code −β·σ} in the Jarzynski health. */
    public static final double JE_EXPONENT_CLIP = 500.0;

    /** Validates the windows. */
    public SignalSpec {
        Checks.positive(basisWindowHours, "basisWindowHours");
        Checks.positive(betaHistoryDecisions, "betaHistoryDecisions");
        Checks.positive(entropyWindowCycles, "entropyWindowCycles");
        Checks.positive(jeWindowCycles, "jeWindowCycles");
        Checks.nonNegative(warmupCycles, "warmupCycles");
        Checks.notNull(kappaMethod, "kappaMethod");
        Checks.positive(referenceFundingHours, "referenceFundingHours");
        Checks.check(referenceFundingHours >= 1, "referenceFundingHours must be >= 1 (rows per cycle), was "
                + referenceFundingHours);
    }

    /** The reference's defaults: 720 h, 359 decisions, 90 and 180 cycles, warm-up 360, through-origin κ, 8 h. */
    public static SignalSpec defaults() {
        return new SignalSpec(720, 359, 90, 180, referenceWarmup(359, 90, 180), KappaMethod.THROUGH_ORIGIN, 8.0);
    }

    /**
     * The reference's warm-up rule: {@code max(βTrain, jeWindow, entropyWindow)} completed cycles, where its
     * β training list holds the current value too ({@code βTrain = betaHistoryDecisions + 1}).
     */
    public static int referenceWarmup(int betaHistoryDecisions, int entropyWindowCycles, int jeWindowCycles) {
        return Math.max(betaHistoryDecisions + 1, Math.max(entropyWindowCycles, jeWindowCycles));
    }

    /** The same spec with another κ estimator. */
    public SignalSpec withKappaMethod(KappaMethod method) {
        return new SignalSpec(basisWindowHours, betaHistoryDecisions, entropyWindowCycles, jeWindowCycles,
                warmupCycles, method, referenceFundingHours);
    }

    /** The same spec with another warm-up. */
    public SignalSpec withWarmupCycles(int cycles) {
        return new SignalSpec(basisWindowHours, betaHistoryDecisions, entropyWindowCycles, jeWindowCycles, cycles,
                kappaMethod, referenceFundingHours);
    }

    /** Completed cycles before the first decision (ta4j's "unstable period"). */
    public int warmup() {
        return warmupCycles;
    }

    /** Rows of hourly basis per cycle in the reference's row-index window ({@code int(referenceFundingHours)}). */
    public int referenceRowsPerCycle() {
        return (int) referenceFundingHours;
    }
}
