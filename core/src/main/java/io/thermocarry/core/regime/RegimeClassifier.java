package io.thermocarry.core.regime;

import io.thermocarry.core.Checks;

/**
 * The adaptive classifier of SPEC §5, fed one decision at a time. At each decision the thresholds are
 * percentiles of the entropy rates and Jarzynski healths of the <em>previous</em>
 * {@link RegimeSpec#lookbackDecisions()} decisions (the current value joins the history only after it is
 * classified, as in the reference); with {@link RegimeSpec#minHistory()} values or fewer the fallbacks
 * apply. Then {@link #classify} applies the configuration's rule. O(log n) comparisons and an O(n) memmove
 * per decision ({@link RollingPercentile}).
 *
 * <p>Undefined (NaN) signals are never evidence: a NaN comparison is false (no NESS, no EQUILIBRIUM from
 * it), and NaN values are kept out of the percentile history.
 */
public final class RegimeClassifier {
    private final RegimeSpec spec;
    private final RegimeConfig config;
    private final RollingPercentile entropyHistory;
    private final RollingPercentile jeHistory;
    private double entropyNess = Double.NaN;
    private double entropyEquilibrium = Double.NaN;
    private double jeDanger = Double.NaN;

    /**
     * A classifier of {@code config}'s rule ({@link RegimeConfig#FULL_VETO} classifies as {@link RegimeConfig#FULL};
     * its vetoes are applied on top, outside this package).
     */
    public RegimeClassifier(RegimeSpec spec, RegimeConfig config) {
        this.spec = Checks.notNull(spec, "regimeSpec");
        this.config = Checks.notNull(config, "regimeConfig");
        this.entropyHistory = new RollingPercentile(spec.lookbackDecisions());
        this.jeHistory = new RollingPercentile(spec.lookbackDecisions());
    }

    /**
     * Classifies the decision with these signal values against the history of the previous decisions, then
     * appends its entropy rate and Jarzynski health to that history.
     *
     * @param relaxationRatio r = τ_relax / τ_funding
     * @param temperatureZscore z-score of β against previous decisions
     * @param entropyRate mean clipped β·σ of recent completed cycles
     * @param jeHealth |⟨exp(−βσ)⟩ − 1| of recent completed cycles
     */
    public Regime next(double relaxationRatio, double temperatureZscore, double entropyRate, double jeHealth) {
        if (entropyHistory.size() > spec.minHistory()) {
            entropyNess = entropyHistory.percentile(spec.entropyNessPercentile());
            entropyEquilibrium = entropyHistory.percentile(spec.entropyEquilibriumPercentile());
        } else {
            entropyNess = spec.entropyNessFallback();
            entropyEquilibrium = spec.entropyEquilibriumFallback();
        }
        jeDanger = jeHistory.size() > spec.minHistory() ? jeHistory.percentile(spec.jeDangerPercentile())
                : spec.jeDangerFallback();
        Regime r = classify(config, spec, relaxationRatio, temperatureZscore, entropyRate, jeHealth, entropyNess,
                entropyEquilibrium, jeDanger);
        entropyHistory.add(entropyRate);
        jeHistory.add(jeHealth);
        return r;
    }

    /** Entropy NESS threshold used by the last {@link #next} call. */
    public double entropyNessThreshold() {
        return entropyNess;
    }

    /** Entropy EQUILIBRIUM threshold used by the last {@link #next} call. */
    public double entropyEquilibriumThreshold() {
        return entropyEquilibrium;
    }

    /** Jarzynski danger threshold used by the last {@link #next} call. */
    public double jeDangerThreshold() {
        return jeDanger;
    }

    /** The configuration in use. */
    public RegimeConfig config() {
        return config;
    }

    /** The spec in use. */
    public RegimeSpec spec() {
        return spec;
    }

    /**
     * The rule of {@code config} on given signal values and thresholds (pure; see {@link RegimeConfig});
     * {@link RegimeConfig#FULL_VETO} is classified by the {@link RegimeConfig#FULL} rule.
     */
    public static Regime classify(RegimeConfig config, RegimeSpec spec, double relaxationRatio,
            double temperatureZscore, double entropyRate, double jeHealth, double entropyNessThreshold,
            double entropyEquilibriumThreshold, double jeDangerThreshold) {
        boolean slow = relaxationRatio > spec.relaxationDanger();
        boolean fast = relaxationRatio < spec.relaxationSafe();
        switch (config.classification()) {
            case RELAXATION_ONLY:
                return slow ? Regime.NESS : fast ? Regime.EQUILIBRIUM : Regime.WARM;
            case RELAXATION_ENTROPY: {
                boolean ness = slow || entropyRate < entropyNessThreshold;
                if (ness) {
                    return Regime.NESS;
                }
                return fast && entropyRate > entropyEquilibriumThreshold ? Regime.EQUILIBRIUM : Regime.WARM;
            }
            case FULL:
            default: {
                boolean ness = slow || entropyRate < entropyNessThreshold || jeHealth > jeDangerThreshold;
                if (ness) {
                    return Regime.NESS;
                }
                boolean equilibrium = fast && temperatureZscore > spec.temperatureEquilibriumZ()
                        && entropyRate > entropyEquilibriumThreshold;
                return equilibrium ? Regime.EQUILIBRIUM : Regime.WARM;
            }
        }
    }
}
