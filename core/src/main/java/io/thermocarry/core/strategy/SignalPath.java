package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.features.Gate;
import io.thermocarry.core.features.VetoPath;
import io.thermocarry.core.regime.Regime;
import io.thermocarry.core.regime.RegimeConfig;
import java.util.Arrays;

/**
 * The per-decision regime and signal path a strategy reads, in column form: entry {@code k} is what was
 * known at the decision taken at settlement {@code t_k}, the start of funding cycle {@code k} (SPEC §4–§5).
 * Produced by the signals/regime layer (or by hand in tests); the engine never computes signals itself.
 *
 * <p>Undefined entries: regime {@code null} and every number {@code NaN} before the warm-up (or wherever the
 * producer had no value). Arrays are copied on construction and never exposed.
 *
 * <p>Microstructure (SPEC §8), on top of the regime: the desk's spread and depth gates per decision
 * ({@link Gate#NOT_EVALUATED} unless {@link #withGates} or {@link #withVetoes} supplied them), and for
 * {@code full+veto} the veto overlay, which only ever lowers the exposure ({@link #withVetoes}). The regime
 * package knows nothing of features: the overlay is applied here, when the path is built.
 */
public final class SignalPath {
    private static final Regime[] REGIMES = Regime.values();

    private final byte[] regime;
    private final double[] exposure;
    private final double[] relaxationRatio;
    private final double[] temperatureZscore;
    private final double[] entropyRate;
    private final double[] jeHealth;
    private final double[] entropyEquilibriumThreshold;
    private final double[] jeDangerThreshold;
    private final byte[] spreadGate;
    private final byte[] depthGate;
    private final int[] vetoMask;
    private final int[] vetoNotEvaluated;
    private final boolean vetoesApplied;

    /**
     * @param regime classified regime per decision, {@code null} where undefined
     * @param exposure exposure multiplier per decision (fraction of the base size, e.g. 1.0 / 0.6 / 0.25),
     *     NaN where undefined; finite values must be {@code >= 0}
     * @param relaxationRatio {@code r = τ_relax / τ_funding} (dimensionless)
     * @param temperatureZscore z-score of β against its past (dimensionless; positive = colder)
     * @param entropyRate mean clipped entropy production over past cycles (dimensionless)
     * @param jeHealth {@code |⟨exp(−βσ)⟩ − 1|} over past cycles (dimensionless)
     * @param entropyEquilibriumThreshold the adaptive past 40th percentile of {@code entropyRate} (SPEC §5)
     * @param jeDangerThreshold the adaptive past 90th percentile of {@code jeHealth} (SPEC §5)
     */
    public SignalPath(Regime[] regime, double[] exposure, double[] relaxationRatio, double[] temperatureZscore,
            double[] entropyRate, double[] jeHealth, double[] entropyEquilibriumThreshold,
            double[] jeDangerThreshold) {
        int n = Checks.notNull(regime, "regime").length;
        Checks.check(exposure.length == n && relaxationRatio.length == n && temperatureZscore.length == n
                && entropyRate.length == n && jeHealth.length == n && entropyEquilibriumThreshold.length == n
                && jeDangerThreshold.length == n, "signal path column lengths differ");
        this.regime = new byte[n];
        for (int k = 0; k < n; k++) {
            this.regime[k] = (byte) (regime[k] == null ? -1 : regime[k].ordinal());
            Checks.check(Double.isNaN(exposure[k]) || (exposure[k] >= 0 && Double.isFinite(exposure[k])),
                    "exposure at " + k + " must be NaN or finite and >= 0, was " + exposure[k]);
        }
        this.exposure = exposure.clone();
        this.relaxationRatio = relaxationRatio.clone();
        this.temperatureZscore = temperatureZscore.clone();
        this.entropyRate = entropyRate.clone();
        this.jeHealth = jeHealth.clone();
        this.entropyEquilibriumThreshold = entropyEquilibriumThreshold.clone();
        this.jeDangerThreshold = jeDangerThreshold.clone();
        this.spreadGate = new byte[n];
        this.depthGate = new byte[n];
        Arrays.fill(spreadGate, (byte) Gate.NOT_EVALUATED.ordinal());
        Arrays.fill(depthGate, (byte) Gate.NOT_EVALUATED.ordinal());
        this.vetoMask = new int[n];
        this.vetoNotEvaluated = new int[n];
        this.vetoesApplied = false;
    }

    /** A copy with microstructure columns (arrays owned by the caller are copied by the callers below). */
    private SignalPath(SignalPath base, double[] exposure, byte[] spreadGate, byte[] depthGate, int[] vetoMask,
            int[] vetoNotEvaluated, boolean vetoesApplied) {
        this.regime = base.regime;
        this.exposure = exposure;
        this.relaxationRatio = base.relaxationRatio;
        this.temperatureZscore = base.temperatureZscore;
        this.entropyRate = base.entropyRate;
        this.jeHealth = base.jeHealth;
        this.entropyEquilibriumThreshold = base.entropyEquilibriumThreshold;
        this.jeDangerThreshold = base.jeDangerThreshold;
        this.spreadGate = spreadGate;
        this.depthGate = depthGate;
        this.vetoMask = vetoMask;
        this.vetoNotEvaluated = vetoNotEvaluated;
        this.vetoesApplied = vetoesApplied;
    }

    /**
     * This path with the desk's spread and depth gates from {@code vetoes} (decision k = entry k, so
     * {@code vetoes} must hold one decision per entry); exposures unchanged. For configurations without vetoes
     * whose data still feeds the desk's gates.
     */
    public SignalPath withGates(VetoPath vetoes) {
        Checks.check(vetoes.size() == size(), "veto path has " + vetoes.size() + " decisions for " + size());
        byte[] sg = new byte[size()];
        byte[] dg = new byte[size()];
        for (int k = 0; k < size(); k++) {
            sg[k] = (byte) vetoes.spreadGate(k).ordinal();
            dg[k] = (byte) vetoes.depthGate(k).ordinal();
        }
        return new SignalPath(this, exposure, sg, dg, vetoMask, vetoNotEvaluated, vetoesApplied);
    }

    /**
     * This path with the veto overlay of {@code full+veto} (SPEC §8): at each decision with a regime, gates as
     * {@link #withGates}, and where an active feature fired the exposure becomes
     * {@code vetoes.spec().action().apply(exposure, nessExposure)}, never above the regime's exposure. Entries
     * without a regime (warm-up) stay undefined.
     *
     * @param nessExposure the regime spec's NESS multiplier (the floor of {@code FORCE_NESS_FLOOR})
     */
    public SignalPath withVetoes(VetoPath vetoes, double nessExposure) {
        SignalPath g = withGates(vetoes);
        double[] e = exposure.clone();
        int[] mask = new int[size()];
        int[] ne = new int[size()];
        for (int k = 0; k < size(); k++) {
            if (regime[k] < 0 || Double.isNaN(exposure[k])) {
                continue;
            }
            mask[k] = vetoes.vetoMask(k);
            ne[k] = vetoes.notEvaluatedMask(k);
            e[k] = vetoes.exposure(k, exposure[k], nessExposure);
        }
        return new SignalPath(this, e, g.spreadGate, g.depthGate, mask, ne, true);
    }

    /**
     * The path of a signal run over {@code cycles} funding cycles: decision {@code i} of the run fills entry
     * {@code run.cycleIndex(i)}; cycles without a decision (warm-up) stay undefined (null regime, NaN values).
     */
    public static SignalPath of(io.thermocarry.core.signal.SignalRun run, int cycles) {
        if (run.config() == RegimeConfig.FULL_VETO) {
            throw new IllegalArgumentException("a full+veto run needs its veto overlay: use of(run, cycles, vetoes, "
                    + "nessExposure), never the bare regime path");
        }
        return regimePath(run, cycles);
    }

    /**
     * The {@code full+veto} path of a run over {@code cycles} cycles: the regime path ({@link #of(io.thermocarry.core.signal.SignalRun, int)})
     * with {@link #withVetoes} applied.
     */
    public static SignalPath of(io.thermocarry.core.signal.SignalRun run, int cycles, VetoPath vetoes,
            double nessExposure) {
        return regimePath(run, cycles).withVetoes(vetoes, nessExposure);
    }

    /**
     * The regime path of any run without a veto overlay: for a {@code full+veto} run this is exactly its
     * {@code full} baseline (the classification is {@code full}'s), the comparison the desk asks for. Named so that
     * dropping the overlay is never an accident.
     */
    public static SignalPath baselineWithoutVetoes(io.thermocarry.core.signal.SignalRun run, int cycles) {
        return regimePath(run, cycles);
    }

    private static SignalPath regimePath(io.thermocarry.core.signal.SignalRun run, int cycles) {
        Regime[] reg = new Regime[cycles];
        double[] e = nanArray(cycles);
        double[] r = nanArray(cycles);
        double[] z = nanArray(cycles);
        double[] ent = nanArray(cycles);
        double[] je = nanArray(cycles);
        double[] entEq = nanArray(cycles);
        double[] jeDanger = nanArray(cycles);
        for (int i = 0; i < run.size(); i++) {
            int k = run.cycleIndex(i);
            Checks.check(k >= 0 && k < cycles, "decision " + i + " refers to cycle " + k + " of " + cycles);
            reg[k] = run.regime(i);
            e[k] = run.exposure(i);
            r[k] = run.relaxationRatio(i);
            z[k] = run.temperatureZscore(i);
            ent[k] = run.entropyRate(i);
            je[k] = run.jeHealth(i);
            entEq[k] = run.entropyEquilibriumThreshold(i);
            jeDanger[k] = run.jeDangerThreshold(i);
        }
        return new SignalPath(reg, e, r, z, ent, je, entEq, jeDanger);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** A path of {@code n} decisions with no signal at all (for strategies that read none). */
    public static SignalPath none(int n) {
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new SignalPath(new Regime[n], nan, nan, nan, nan, nan, nan, nan);
    }

    /**
     * A path carrying only regimes and their default exposures ({@link Regime#exposure()}); signal values
     * NaN. For sizing-only strategies and tests.
     */
    public static SignalPath ofRegimes(Regime[] regimes) {
        int n = regimes.length;
        double[] e = new double[n];
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        for (int k = 0; k < n; k++) {
            e[k] = regimes[k] == null ? Double.NaN : regimes[k].exposure();
        }
        return new SignalPath(regimes, e, nan, nan, nan, nan, nan, nan);
    }

    /** Number of decisions (must equal the number of funding cycles it is run with). */
    public int size() {
        return regime.length;
    }

    /** Regime at decision k, or {@code null} when undefined. */
    public Regime regime(int k) {
        byte b = regime[k];
        return b < 0 ? null : REGIMES[b];
    }

    /** Regime ordinal at decision k, {@code -1} when undefined (allocation-free form for hot loops). */
    public int regimeCode(int k) {
        return regime[k];
    }

    /** Exposure multiplier at decision k (fraction of base size), NaN when undefined. */
    public double exposure(int k) {
        return exposure[k];
    }

    /** Relaxation ratio {@code r} at decision k, NaN when undefined. */
    public double relaxationRatio(int k) {
        return relaxationRatio[k];
    }

    /** Temperature z-score at decision k, NaN when undefined. */
    public double temperatureZscore(int k) {
        return temperatureZscore[k];
    }

    /** Entropy rate at decision k, NaN when undefined. */
    public double entropyRate(int k) {
        return entropyRate[k];
    }

    /** JE health at decision k, NaN when undefined. */
    public double jeHealth(int k) {
        return jeHealth[k];
    }

    /** Past 40th percentile of the entropy rate at decision k (EQUILIBRIUM threshold), NaN when undefined. */
    public double entropyEquilibriumThreshold(int k) {
        return entropyEquilibriumThreshold[k];
    }

    /** Past 90th percentile of JE health at decision k (JE danger threshold), NaN when undefined. */
    public double jeDangerThreshold(int k) {
        return jeDangerThreshold[k];
    }

    private static final Gate[] GATES = Gate.values();

    /** The desk's spread gate at decision k ({@link Gate#NOT_EVALUATED} without book-ticker data). */
    public Gate spreadGate(int k) {
        return GATES[spreadGate[k]];
    }

    /** The desk's depth gate at decision k ({@link Gate#NOT_EVALUATED} without book-depth data). */
    public Gate depthGate(int k) {
        return GATES[depthGate[k]];
    }

    /** Whether the veto overlay of {@code full+veto} was applied to this path. */
    public boolean vetoesApplied() {
        return vetoesApplied;
    }

    /** Whether a veto cut the exposure at decision k (only with {@link #vetoesApplied()}). */
    public boolean vetoed(int k) {
        return vetoMask[k] != 0;
    }

    /** Bit mask of the features that vetoed decision k ({@code Feature.bit()}); 0 when none. */
    public int vetoMask(int k) {
        return vetoMask[k];
    }

    /** Bit mask of the veto features not evaluated at decision k (only with {@link #vetoesApplied()}). */
    public int vetoNotEvaluatedMask(int k) {
        return vetoNotEvaluated[k];
    }
}
