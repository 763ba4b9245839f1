package io.thermocarry.core.sweep;

import java.util.Locale;

/**
 * A dimension of a parameter sweep, with its command-line name, its default (the reference's value) and the
 * stage of the pipeline it changes. Stages decide what a sweep may share: points that differ only in a
 * {@link Stage#REGIME} or later parameter share one signal run; points that differ only in a
 * {@link Stage#STRATEGY} or later parameter share one regime path; fee tiers share one compiled strategy.
 *
 * <p>The declaration order is the grid's axis order (slowest first), so points sharing a signal run are
 * contiguous.
 */
public enum SweepParameter {
    /** Hourly basis observations in the κ/β window (SPEC §4; 720 h). */
    BASIS_WINDOW("basisWindow", 720, Stage.SIGNAL, true),
    /** Previous decisions of the β z-score (359). */
    BETA_HISTORY("betaHistory", 359, Stage.SIGNAL, true),
    /** Completed cycles of the entropy rate (90). */
    ENTROPY_WINDOW("entropyWindow", 90, Stage.SIGNAL, true),
    /** Completed cycles of the Jarzynski health (180). */
    JE_WINDOW("jeWindow", 180, Stage.SIGNAL, true),
    /** NESS threshold on the relaxation ratio: NESS when {@code r} exceeds it (SPEC §5; 1.4). */
    NESS_R("nessR", 1.4, Stage.REGIME, false),
    /** EQUILIBRIUM threshold on the relaxation ratio: EQUILIBRIUM needs {@code r} below it (1.05). */
    EQUILIBRIUM_R("equilibriumR", 1.05, Stage.REGIME, false),
    /** Base notional of the physics carry as a fraction of capital (SPEC §6; 0.5). */
    BASE_FRACTION("baseFraction", 0.5, Stage.STRATEGY, false),
    /** Relative move of the target beyond which the position is re-sized (0.20). */
    RESIZE_THRESHOLD("resizeThreshold", 0.20, Stage.STRATEGY, false),
    /** Round-trip fee tier in bps of notional (SPEC §7; 16). */
    FEE_BPS("feeBps", 16, Stage.FEE, false);

    /** The pipeline stage a parameter acts on; everything before it is shared. */
    public enum Stage {
        /** The four signals: a new signal run. */
        SIGNAL,
        /** The classifier: a new regime path from the same signal run. */
        REGIME,
        /** The strategy: a new backtest on the same path. */
        STRATEGY,
        /** The fee tier: the same compiled strategy at another tier. */
        FEE
    }

    private final String cliName;
    private final double defaultValue;
    private final Stage stage;
    private final boolean integer;

    SweepParameter(String cliName, double defaultValue, Stage stage, boolean integer) {
        this.cliName = cliName;
        this.defaultValue = defaultValue;
        this.stage = stage;
        this.integer = integer;
    }

    /** Command-line name ({@code basisWindow}, {@code nessR}, ...). */
    public String cliName() {
        return cliName;
    }

    /** The value used when the grid does not sweep this parameter. */
    public double defaultValue() {
        return defaultValue;
    }

    /** The stage this parameter changes. */
    public Stage stage() {
        return stage;
    }

    /** Whether values must be whole numbers (window lengths). */
    public boolean integer() {
        return integer;
    }

    /**
     * Parses a name: the camel-case CLI name, its kebab-case or snake_case form, or the constant's name, case
     * insensitive ({@code nessR}, {@code ness-r}, {@code NESS_R}).
     *
     * @throws IllegalArgumentException naming the known parameters
     */
    public static SweepParameter parse(String name) {
        String t = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (SweepParameter p : values()) {
            if (p.cliName.toLowerCase(Locale.ROOT).equals(t)) {
                return p;
            }
        }
        StringBuilder known = new StringBuilder();
        for (SweepParameter p : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(p.cliName);
        }
        throw new IllegalArgumentException("unknown sweep parameter '" + name.trim() + "' (" + known + ")");
    }

    /**
     * Checks that {@code v} is a valid value of this parameter: windows whole and positive, thresholds finite,
     * base fraction positive, re-size threshold and fee non-negative.
     *
     * @throws IllegalArgumentException naming the parameter and value
     */
    public double validate(double v) {
        boolean ok = switch (this) {
            case BASIS_WINDOW, BETA_HISTORY, ENTROPY_WINDOW, JE_WINDOW -> v >= 1 && v <= 10_000_000 && v == Math.rint(v);
            case NESS_R, EQUILIBRIUM_R -> Double.isFinite(v);
            case BASE_FRACTION -> Double.isFinite(v) && v > 0;
            case RESIZE_THRESHOLD, FEE_BPS -> Double.isFinite(v) && v >= 0;
        };
        if (!ok) {
            String what = switch (this) {
                case BASIS_WINDOW, BETA_HISTORY, ENTROPY_WINDOW, JE_WINDOW -> "a whole number >= 1";
                case NESS_R, EQUILIBRIUM_R -> "a finite number";
                case BASE_FRACTION -> "a number > 0";
                case RESIZE_THRESHOLD, FEE_BPS -> "a number >= 0";
            };
            throw new IllegalArgumentException(cliName + ": " + v + " is not " + what);
        }
        return v;
    }
}
