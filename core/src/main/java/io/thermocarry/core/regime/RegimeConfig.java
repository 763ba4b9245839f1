package io.thermocarry.core.regime;

import java.util.Locale;

/**
 * Which signals the classifier uses (SPEC §5 ablations), by their command-line names.
 * With {@code r} the relaxation ratio, {@code z} the temperature z-score, {@code e} the entropy rate,
 * {@code j} the Jarzynski health and the adaptive thresholds {@code e_ness}, {@code e_eq}, {@code j_danger}:
 * <ul>
 * <li>{@link #FULL}: NESS if {@code r > 1.4 ∨ e < e_ness ∨ j > j_danger}; else EQUILIBRIUM if
 * {@code r < 1.05 ∧ z > −0.5 ∧ e > e_eq}; else WARM (the reference's classifier).
 * <li>{@link #RELAXATION_ONLY}: NESS if {@code r > 1.4}; else EQUILIBRIUM if {@code r < 1.05}; else WARM.
 * <li>{@link #RELAXATION_ENTROPY}: NESS if {@code r > 1.4 ∨ e < e_ness}; else EQUILIBRIUM if
 * {@code r < 1.05 ∧ e > e_eq}; else WARM.
 * <li>{@link #FULL_VETO}: the {@link #FULL} classification, with the microstructure vetoes of SPEC §8 on top.
 * The regime layer classifies it exactly as {@code full} ({@link #classification()}); the vetoes live in
 * {@code core.features} and are applied to the exposure when the strategies' signal path is built
 * ({@code SignalPath.withVetoes}), so this package does not depend on features, and a {@code full+veto} run
 * cannot be turned into a path without its veto overlay.
 * </ul>
 */
public enum RegimeConfig {
    /** All four signals. */
    FULL("full"),
    /** Relaxation ratio alone. */
    RELAXATION_ONLY("relaxation-only"),
    /** Relaxation ratio and entropy rate. */
    RELAXATION_ENTROPY("relaxation+entropy"),
    /** {@link #FULL} plus the SPEC §8 vetoes (applied on the signal path; see the class comment). */
    FULL_VETO("full+veto");

    private final String cliName;

    RegimeConfig(String cliName) {
        this.cliName = cliName;
    }

    /** The command-line name ({@code full}, {@code relaxation-only}, {@code relaxation+entropy}, {@code full+veto}). */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name (case-insensitive; the enum constant's name is accepted too). */
    public static RegimeConfig parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (RegimeConfig c : values()) {
            if (c.cliName.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown regime config '" + s
                + "' (full, relaxation-only, relaxation+entropy, full+veto)");
    }

    /**
     * Returns this configuration if a computation that applies no veto overlay can honour it:
     * {@link #FULL_VETO} throws {@link UnsupportedOperationException}, because classifying it alone would silently
     * give {@code full}. Computations that do apply the overlay (the signal path of {@code signals} and
     * {@code backtest}) classify with {@link #classification()} instead.
     */
    public RegimeConfig requireAvailable() {
        if (this == FULL_VETO) {
            throw new UnsupportedOperationException("full+veto needs its veto overlay (microstructure features, SPEC §8),"
                    + " which this computation does not apply: use signals or backtest --config full+veto");
        }
        return this;
    }

    /** The rule the regime classifier applies: {@link #FULL} for {@link #FULL_VETO}, else this. */
    public RegimeConfig classification() {
        return this == FULL_VETO ? FULL : this;
    }

    /** Whether the SPEC §8 veto overlay belongs on top of the regime. */
    public boolean hasVetoes() {
        return this == FULL_VETO;
    }
}
