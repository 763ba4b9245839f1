package io.thermocarry.core.signal;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeClassifier;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import java.time.Instant;

/**
 * The stateful signal-and-regime engine: fed market events in time order, it takes one decision per
 * funding settlement (SPEC §4–§5). The batch driver {@link SignalRunner} and the live paper book run this
 * same object, so a replay of the same events gives the same decisions.
 *
 * <p>Events: {@link #onBasis} for each hourly basis observation at its availability time (bar close),
 * {@link #onCycleCompleted} when a funding cycle ends (at its end time), {@link #onSettlement} at each
 * settlement, which returns whether a decision was taken (after the warm-up). Events at the same instant
 * go in that order: what became available at {@code d} is part of the decision at {@code d}.
 *
 * <p>At a decision, from the {@link MarketView} only: κ, β over the hourly window
 * ({@link RollingOuEstimator}); {@code r = (1/κ_r)/τ_funding} (2.0 under 50 points); the β z-score against
 * the previous {@code betaHistoryDecisions} decisions; entropy rate and Jarzynski health over the
 * completed cycles with {@code ΔF_j = −F_j²/(2κ)}, κ = the window's fitted κ ({@link Compat#CAUSAL}) or a
 * fixed whole-history κ ({@link Compat#REFERENCE}, or {@link #causalWithFixedKappa}); then the regime and its exposure. Cost per decision:
 * O(1) except the Jarzynski mean (O(jeWindow) exponentials) and the percentile windows' memmove; per
 * hourly observation O(1) amortized. No allocation on the hot path ({@link #lastDecision()} allocates a
 * record on request).
 */
public final class SignalEngine {
    private final SignalSpec spec;
    private final RegimeSpec regimeSpec;
    private final Compat compat;
    private final double fixedKappa;
    private final MarketView view;
    private final BetaHistory betas;
    private final RegimeClassifier classifier;

    private boolean hasDecision;
    private long time;
    private long index;
    private double relaxation;
    private double zscore;
    private double entropy;
    private double je;
    private double beta;
    private double kappa;
    private double tau;
    private int points;
    private Regime regime;
    private double exposure;

    private SignalEngine(SignalSpec spec, RegimeSpec regimeSpec, RegimeConfig config, Compat compat,
            double fixedKappa) {
        this.spec = Checks.notNull(spec, "spec");
        this.regimeSpec = Checks.notNull(regimeSpec, "regimeSpec");
        this.compat = compat;
        this.fixedKappa = fixedKappa;
        this.view = new MarketView(spec, compat, 1.0);
        this.betas = new BetaHistory(spec.betaHistoryDecisions());
        this.classifier = new RegimeClassifier(regimeSpec, Checks.notNull(config, "regimeConfig"));
    }

    /**
     * A causal engine: hourly window ending at the decision, ΔF with the window's κ, τ_funding as given at
     * each settlement.
     */
    public static SignalEngine causal(SignalSpec spec, RegimeSpec regimeSpec, RegimeConfig config) {
        return new SignalEngine(spec, regimeSpec, config, Compat.CAUSAL, Double.NaN);
    }

    /**
     * A causal engine (hourly window ending at the decision, τ_funding as given, the clock enforced) whose ΔF
     * uses the fixed {@code kappaForDeltaF} instead of each window's κ ({@link FreeEnergyKappa#WHOLE_HISTORY}
     * when that κ was fitted on the whole history). A diagnostic hybrid that isolates the reference's κ
     * look-ahead from its window look-ahead; never for trading.
     *
     * @param kappaForDeltaF κ of every cycle's {@code ΔF = −F²/(2κ)}, 1/hour, {@code > 0}
     */
    public static SignalEngine causalWithFixedKappa(SignalSpec spec, RegimeSpec regimeSpec, RegimeConfig config,
            double kappaForDeltaF) {
        Checks.positive(kappaForDeltaF, "kappaForDeltaF");
        return new SignalEngine(spec, regimeSpec, config, Compat.CAUSAL, kappaForDeltaF);
    }

    /**
     * An engine with the reference code's rules: basis rows fed by row index without a clock, ΔF with the
     * fixed {@code kappaForDeltaF} (the reference fits it on the whole history), τ_funding =
     * {@link SignalSpec#referenceFundingHours()} whatever the settlement says. Only to reproduce and measure
     * the reference; never for trading.
     */
    public static SignalEngine reference(SignalSpec spec, RegimeSpec regimeSpec, RegimeConfig config,
            double kappaForDeltaF) {
        Checks.positive(kappaForDeltaF, "kappaForDeltaF");
        return new SignalEngine(spec, regimeSpec, config, Compat.REFERENCE, kappaForDeltaF);
    }

    /**
     * An hourly basis observation, stamped with the time it became available (the close of its bars).
     *
     * @param availableAtMs availability time, epoch ms (strictly increasing in causal mode)
     * @param basisPct basis in percent (finite)
     */
    public void onBasis(long availableAtMs, double basisPct) {
        view.observeBasis(availableAtMs, basisPct);
    }

    /**
     * A funding cycle {@code [startMs, endMs)} has ended (fed at {@code endMs}): its work
     * {@code W = −F·b_start} joins the completed-cycle windows.
     *
     * @param fundingRate F of the cycle, fraction per interval
     * @param basisStartPct basis at the cycle start (last observation available at its start), percent; NaN
     *     if there was none (see {@link MarketView})
     */
    public void onCycleCompleted(long startMs, long endMs, double fundingRate, double basisStartPct) {
        view.completeCycle(startMs, endMs, fundingRate, basisStartPct);
    }

    /**
     * A funding settlement at {@code timeMs}: decides if at least {@link SignalSpec#warmupCycles()} cycles
     * have completed.
     *
     * @param fundingRate rate settled now (fraction per interval)
     * @param tauFundingHours the funding interval in force for the cycle starting now (hours; the exchange
     *     publishes the next settlement time with each settlement); ignored in reference mode
     * @return whether a decision was taken (then read it with the accessors or {@link #lastDecision()})
     */
    public boolean onSettlement(long timeMs, double fundingRate, double tauFundingHours) {
        view.settle(timeMs, fundingRate);
        long settlementIndex = view.settlements() - 1;
        if (view.completedCycles() < spec.warmupCycles()) {
            return false;
        }
        double tauHours = compat == Compat.REFERENCE ? spec.referenceFundingHours()
                : Checks.positive(tauFundingHours, "tauFundingHours");
        int n = view.hourlyPoints();
        double b = view.beta();
        double k = view.fitKappa();
        double r = n < SignalSpec.MIN_RELAXATION_POINTS ? SignalSpec.RELAXATION_FALLBACK
                : (1.0 / Math.max(view.relaxationKappa(), 1e-6)) / tauHours;
        double z = betas.zscore(b);
        betas.add(b);
        double kDeltaF = Double.isNaN(fixedKappa) ? k : fixedKappa;
        double er = view.entropyRate(b, kDeltaF);
        double jh = view.jeHealth(b, kDeltaF);
        Regime reg = classifier.next(r, z, er, jh);
        hasDecision = true;
        time = timeMs;
        index = settlementIndex;
        relaxation = r;
        zscore = z;
        entropy = er;
        je = jh;
        beta = b;
        kappa = k;
        tau = tauHours;
        points = n;
        regime = reg;
        exposure = regimeSpec.exposure(reg);
        return true;
    }

    /** The causal view the signals read (read-only). */
    public MarketView view() {
        return view;
    }

    /** Which rules this engine follows. */
    public Compat compat() {
        return compat;
    }

    /** The signal spec. */
    public SignalSpec spec() {
        return spec;
    }

    /**
     * The fixed κ used for ΔF (reference mode, or {@link #causalWithFixedKappa}); NaN when each decision uses
     * its own window's κ.
     */
    public double fixedKappaForDeltaF() {
        return fixedKappa;
    }

    /** Whether any decision has been taken. */
    public boolean hasDecision() {
        return hasDecision;
    }

    /** The latest decision as a record. */
    public Decision lastDecision() {
        Checks.check(hasDecision, "no decision yet (warm-up: " + spec.warmupCycles() + " completed cycles)");
        return new Decision(Instant.ofEpochMilli(time), index, relaxation, zscore, entropy, je, beta, kappa, tau,
                points, classifier.entropyNessThreshold(), classifier.entropyEquilibriumThreshold(),
                classifier.jeDangerThreshold(), regime, exposure);
    }

    /** Time of the latest decision (epoch ms). */
    public long lastTimeMs() {
        return time;
    }

    /** Settlement index of the latest decision. */
    public long lastSettlementIndex() {
        return index;
    }

    /** Relaxation ratio of the latest decision. */
    public double lastRelaxationRatio() {
        return relaxation;
    }

    /** Temperature z-score of the latest decision. */
    public double lastTemperatureZscore() {
        return zscore;
    }

    /** Entropy rate of the latest decision. */
    public double lastEntropyRate() {
        return entropy;
    }

    /** Jarzynski health of the latest decision. */
    public double lastJeHealth() {
        return je;
    }

    /** β of the latest decision. */
    public double lastBeta() {
        return beta;
    }

    /** κ (temperature fit) of the latest decision, 1/hour. */
    public double lastKappa() {
        return kappa;
    }

    /** τ_funding of the latest decision, hours. */
    public double lastTauFundingHours() {
        return tau;
    }

    /** Hourly points behind the latest decision. */
    public int lastBasisPoints() {
        return points;
    }

    /** Entropy NESS threshold of the latest decision. */
    public double lastEntropyNessThreshold() {
        return classifier.entropyNessThreshold();
    }

    /** Entropy EQUILIBRIUM threshold of the latest decision. */
    public double lastEntropyEquilibriumThreshold() {
        return classifier.entropyEquilibriumThreshold();
    }

    /** Jarzynski danger threshold of the latest decision. */
    public double lastJeDangerThreshold() {
        return classifier.jeDangerThreshold();
    }

    /** Regime of the latest decision. */
    public Regime lastRegime() {
        return regime;
    }

    /** Exposure multiplier of the latest decision. */
    public double lastExposure() {
        return exposure;
    }
}
