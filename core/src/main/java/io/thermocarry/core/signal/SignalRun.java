package io.thermocarry.core.signal;

import io.thermocarry.core.Compat;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import java.time.Instant;
import java.util.Arrays;

/**
 * The decisions of one batch run in column form, one row per decision (settlement after the warm-up),
 * in time order. Columns are owned by this object (do not mutate what the accessors return). Units as in
 * {@link Decision}.
 */
public final class SignalRun {
    private final Symbol symbol;
    private final Compat compat;
    private final RegimeConfig config;
    private final SignalSpec spec;
    private final RegimeSpec regimeSpec;
    private final double kappaForDeltaF;
    private final long cyclesWithoutBasis;
    private final int size;
    private final long[] timeMs;
    private final int[] cycleIndex;
    private final double[] relaxationRatio;
    private final double[] temperatureZscore;
    private final double[] entropyRate;
    private final double[] jeHealth;
    private final double[] beta;
    private final double[] kappa;
    private final double[] tauFundingHours;
    private final int[] basisPoints;
    private final double[] entropyNess;
    private final double[] entropyEquilibrium;
    private final double[] jeDanger;
    private final byte[] regime;
    private final double[] exposure;

    private SignalRun(Builder b) {
        this.symbol = b.symbol;
        this.compat = b.compat;
        this.config = b.config;
        this.spec = b.spec;
        this.regimeSpec = b.regimeSpec;
        this.kappaForDeltaF = b.kappaForDeltaF;
        this.cyclesWithoutBasis = b.cyclesWithoutBasis;
        int n = b.n;
        this.size = n;
        this.timeMs = Arrays.copyOf(b.timeMs, n);
        this.cycleIndex = Arrays.copyOf(b.cycleIndex, n);
        this.relaxationRatio = Arrays.copyOf(b.relaxationRatio, n);
        this.temperatureZscore = Arrays.copyOf(b.temperatureZscore, n);
        this.entropyRate = Arrays.copyOf(b.entropyRate, n);
        this.jeHealth = Arrays.copyOf(b.jeHealth, n);
        this.beta = Arrays.copyOf(b.beta, n);
        this.kappa = Arrays.copyOf(b.kappa, n);
        this.tauFundingHours = Arrays.copyOf(b.tau, n);
        this.basisPoints = Arrays.copyOf(b.points, n);
        this.entropyNess = Arrays.copyOf(b.entropyNess, n);
        this.entropyEquilibrium = Arrays.copyOf(b.entropyEquilibrium, n);
        this.jeDanger = Arrays.copyOf(b.jeDanger, n);
        this.regime = Arrays.copyOf(b.regime, n);
        this.exposure = Arrays.copyOf(b.exposure, n);
    }

    /** Collects rows from an engine after each decision. */
    static final class Builder {
        private final Symbol symbol;
        private final Compat compat;
        private final RegimeConfig config;
        private final SignalSpec spec;
        private final RegimeSpec regimeSpec;
        private double kappaForDeltaF = Double.NaN;
        private long cyclesWithoutBasis;
        private int n;
        private final long[] timeMs;
        private final int[] cycleIndex;
        private final double[] relaxationRatio;
        private final double[] temperatureZscore;
        private final double[] entropyRate;
        private final double[] jeHealth;
        private final double[] beta;
        private final double[] kappa;
        private final double[] tau;
        private final int[] points;
        private final double[] entropyNess;
        private final double[] entropyEquilibrium;
        private final double[] jeDanger;
        private final byte[] regime;
        private final double[] exposure;

        Builder(Symbol symbol, Compat compat, RegimeConfig config, SignalSpec spec, RegimeSpec regimeSpec,
                int capacity) {
            this.symbol = symbol;
            this.compat = compat;
            this.config = config;
            this.spec = spec;
            this.regimeSpec = regimeSpec;
            int c = Math.max(capacity, 0);
            timeMs = new long[c];
            cycleIndex = new int[c];
            relaxationRatio = new double[c];
            temperatureZscore = new double[c];
            entropyRate = new double[c];
            jeHealth = new double[c];
            beta = new double[c];
            kappa = new double[c];
            tau = new double[c];
            points = new int[c];
            entropyNess = new double[c];
            entropyEquilibrium = new double[c];
            jeDanger = new double[c];
            regime = new byte[c];
            exposure = new double[c];
        }

        void record(SignalEngine e, int cycle) {
            int i = n++;
            timeMs[i] = e.lastTimeMs();
            cycleIndex[i] = cycle;
            relaxationRatio[i] = e.lastRelaxationRatio();
            temperatureZscore[i] = e.lastTemperatureZscore();
            entropyRate[i] = e.lastEntropyRate();
            jeHealth[i] = e.lastJeHealth();
            beta[i] = e.lastBeta();
            kappa[i] = e.lastKappa();
            tau[i] = e.lastTauFundingHours();
            points[i] = e.lastBasisPoints();
            entropyNess[i] = e.lastEntropyNessThreshold();
            entropyEquilibrium[i] = e.lastEntropyEquilibriumThreshold();
            jeDanger[i] = e.lastJeDangerThreshold();
            regime[i] = (byte) e.lastRegime().ordinal();
            exposure[i] = e.lastExposure();
        }

        SignalRun build(SignalEngine e) {
            kappaForDeltaF = e.fixedKappaForDeltaF();
            cyclesWithoutBasis = e.view().cyclesWithoutBasis();
            return new SignalRun(this);
        }
    }

    /** Symbol of the run. */
    public Symbol symbol() {
        return symbol;
    }

    /** Rules the run followed. */
    public Compat compat() {
        return compat;
    }

    /** Regime configuration of the run. */
    public RegimeConfig config() {
        return config;
    }

    /** Signal spec of the run. */
    public SignalSpec spec() {
        return spec;
    }

    /** Regime spec of the run. */
    public RegimeSpec regimeSpec() {
        return regimeSpec;
    }

    /**
     * The fixed whole-history κ used for every ΔF (1/hour): reference mode, or the causal run with
     * {@link FreeEnergyKappa#WHOLE_HISTORY}; NaN when each decision used its own window's κ.
     */
    public double kappaForDeltaF() {
        return kappaForDeltaF;
    }

    /** Completed cycles without a basis at their start (left out of the work windows, causal mode). */
    public long cyclesWithoutBasis() {
        return cyclesWithoutBasis;
    }

    /** Number of decisions. */
    public int size() {
        return size;
    }

    /** Decision time of row i (epoch ms). */
    public long timeMs(int i) {
        return timeMs[i];
    }

    /** Index of row i's cycle in the input cycles. */
    public int cycleIndex(int i) {
        return cycleIndex[i];
    }

    /** Relaxation ratio of row i. */
    public double relaxationRatio(int i) {
        return relaxationRatio[i];
    }

    /** Temperature z-score of row i. */
    public double temperatureZscore(int i) {
        return temperatureZscore[i];
    }

    /** Entropy rate of row i. */
    public double entropyRate(int i) {
        return entropyRate[i];
    }

    /** Jarzynski health of row i. */
    public double jeHealth(int i) {
        return jeHealth[i];
    }

    /** β of row i. */
    public double beta(int i) {
        return beta[i];
    }

    /** κ (temperature fit) of row i, 1/hour. */
    public double kappa(int i) {
        return kappa[i];
    }

    /** τ_funding of row i, hours. */
    public double tauFundingHours(int i) {
        return tauFundingHours[i];
    }

    /** Hourly points in row i's window. */
    public int basisPoints(int i) {
        return basisPoints[i];
    }

    /** Entropy NESS threshold of row i. */
    public double entropyNessThreshold(int i) {
        return entropyNess[i];
    }

    /** Entropy EQUILIBRIUM threshold of row i. */
    public double entropyEquilibriumThreshold(int i) {
        return entropyEquilibrium[i];
    }

    /** Jarzynski danger threshold of row i. */
    public double jeDangerThreshold(int i) {
        return jeDanger[i];
    }

    /** Regime of row i. */
    public Regime regime(int i) {
        return Regime.values()[regime[i]];
    }

    /** Exposure multiplier of row i. */
    public double exposure(int i) {
        return exposure[i];
    }

    /** Row i as a record. */
    public Decision decision(int i) {
        return new Decision(Instant.ofEpochMilli(timeMs[i]), cycleIndex[i], relaxationRatio[i],
                temperatureZscore[i], entropyRate[i], jeHealth[i], beta[i], kappa[i], tauFundingHours[i],
                basisPoints[i], entropyNess[i], entropyEquilibrium[i], jeDanger[i], regime(i), exposure[i]);
    }

    /** Decisions per regime, indexed by {@link Regime#ordinal()}. */
    public int[] regimeCounts() {
        int[] c = new int[Regime.values().length];
        for (int i = 0; i < size; i++) {
            c[regime[i]]++;
        }
        return c;
    }

    /** Index of the first decision with time {@code >= ms} ({@link #size()} if none). */
    public int lowerBound(long ms) {
        int i = Arrays.binarySearch(timeMs, ms);
        return i >= 0 ? i : -i - 1;
    }

    /** Raw columns (do not mutate). */
    public long[] times() {
        return timeMs;
    }

    /** Raw column (do not mutate). */
    public double[] relaxationRatios() {
        return relaxationRatio;
    }

    /** Raw column (do not mutate). */
    public double[] temperatureZscores() {
        return temperatureZscore;
    }

    /** Raw column (do not mutate). */
    public double[] entropyRates() {
        return entropyRate;
    }

    /** Raw column (do not mutate). */
    public double[] jeHealths() {
        return jeHealth;
    }

    /** Raw column (do not mutate). */
    public double[] betas() {
        return beta;
    }

    /** Raw column (do not mutate). */
    public double[] kappas() {
        return kappa;
    }

    /** Raw column (do not mutate). */
    public double[] exposures() {
        return exposure;
    }

    /** Raw column of {@link Regime} ordinals (do not mutate). */
    public byte[] regimeOrdinals() {
        return regime;
    }

    @Override
    public String toString() {
        int[] c = regimeCounts();
        return "SignalRun[" + symbol + " " + compat + " " + config.cliName() + " decisions=" + size
                + " EQUILIBRIUM=" + c[0] + " WARM=" + c[1] + " NESS=" + c[2] + "]";
    }
}
