package io.thermocarry.core.sweep;

import io.thermocarry.core.Checks;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.physics.KappaMethod;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.PhysicsStrategy;

/**
 * One point of a sweep grid: every parameter of {@link SweepParameter} with its value, and the specs it
 * compiles to.
 *
 * @param basisWindow hourly basis observations in the κ/β window
 * @param betaHistory previous decisions of the β z-score
 * @param entropyWindow completed cycles of the entropy rate
 * @param jeWindow completed cycles of the Jarzynski health
 * @param nessR NESS when the relaxation ratio exceeds it
 * @param equilibriumR EQUILIBRIUM needs the relaxation ratio below it
 * @param baseFraction base notional as a fraction of capital
 * @param resizeThreshold relative target move that triggers a re-size
 * @param feeBps round-trip fee tier, bps of notional
 */
public record SweepPoint(int basisWindow, int betaHistory, int entropyWindow, int jeWindow, double nessR,
        double equilibriumR, double baseFraction, double resizeThreshold, double feeBps) {

    /** Minimum notional of the physics strategy counted as flat (the reference's 1e-4 of capital). */
    public static final double MIN_NOTIONAL_FRACTION = 1e-4;

    /** Validates every value as {@link SweepParameter#validate} does. */
    public SweepPoint {
        SweepParameter.BASIS_WINDOW.validate(basisWindow);
        SweepParameter.BETA_HISTORY.validate(betaHistory);
        SweepParameter.ENTROPY_WINDOW.validate(entropyWindow);
        SweepParameter.JE_WINDOW.validate(jeWindow);
        SweepParameter.NESS_R.validate(nessR);
        SweepParameter.EQUILIBRIUM_R.validate(equilibriumR);
        SweepParameter.BASE_FRACTION.validate(baseFraction);
        SweepParameter.RESIZE_THRESHOLD.validate(resizeThreshold);
        SweepParameter.FEE_BPS.validate(feeBps);
    }

    /** The point of all defaults (the reference's parameters at the 16 bps tier). */
    public static SweepPoint defaults() {
        return SweepGrid.defaults().point(0);
    }

    /** The value of one parameter. */
    public double value(SweepParameter p) {
        return switch (Checks.notNull(p, "parameter")) {
            case BASIS_WINDOW -> basisWindow;
            case BETA_HISTORY -> betaHistory;
            case ENTROPY_WINDOW -> entropyWindow;
            case JE_WINDOW -> jeWindow;
            case NESS_R -> nessR;
            case EQUILIBRIUM_R -> equilibriumR;
            case BASE_FRACTION -> baseFraction;
            case RESIZE_THRESHOLD -> resizeThreshold;
            case FEE_BPS -> feeBps;
        };
    }

    /**
     * The signal spec: these windows, the reference's warm-up rule for them
     * ({@link SignalSpec#referenceWarmup}), the given κ estimator, τ_funding 8 h for reference mode.
     */
    public SignalSpec signalSpec(KappaMethod kappaMethod) {
        return new SignalSpec(basisWindow, betaHistory, entropyWindow, jeWindow,
                SignalSpec.referenceWarmup(betaHistory, entropyWindow, jeWindow), kappaMethod,
                SignalSpec.defaults().referenceFundingHours());
    }

    /** The regime spec: SPEC §5 defaults with this point's two relaxation-ratio thresholds. */
    public RegimeSpec regimeSpec() {
        return withThresholds(RegimeSpec.defaults(), nessR, equilibriumR);
    }

    /** {@code base} with other NESS and EQUILIBRIUM thresholds on the relaxation ratio (all else equal). */
    public static RegimeSpec withThresholds(RegimeSpec base, double nessR, double equilibriumR) {
        return new RegimeSpec(nessR, equilibriumR, base.temperatureEquilibriumZ(), base.entropyNessPercentile(),
                base.entropyEquilibriumPercentile(), base.jeDangerPercentile(), base.lookbackDecisions(),
                base.minHistory(), base.entropyNessFallback(), base.entropyEquilibriumFallback(),
                base.jeDangerFallback(), base.exposureEquilibrium(), base.exposureWarm(), base.exposureNess());
    }

    /** The physics strategy with this base fraction and re-size threshold. */
    public PhysicsStrategy strategy() {
        return new PhysicsStrategy(baseFraction, resizeThreshold, MIN_NOTIONAL_FRACTION);
    }

    /** The fee tier. */
    public FeeTier fee() {
        return new FeeTier(feeBps);
    }
}
