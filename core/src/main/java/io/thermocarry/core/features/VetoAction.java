package io.thermocarry.core.features;

/** What a veto does to the regime's exposure at a decision (SPEC §8). */
public enum VetoAction {
    /** Exposure becomes {@code min(exposure, NESS exposure)}: the regime's NESS floor (0.25 by default). */
    FORCE_NESS_FLOOR,
    /** Exposure becomes 0: flat. */
    FORCE_ZERO;

    /**
     * The vetoed exposure: never above {@code exposure} (a veto only cuts).
     *
     * @param exposure the regime's exposure multiplier (NaN stays NaN: no decision)
     * @param nessExposure the NESS multiplier of the regime spec
     */
    public double apply(double exposure, double nessExposure) {
        if (Double.isNaN(exposure)) {
            return exposure;
        }
        return this == FORCE_ZERO ? 0.0 : Math.min(exposure, nessExposure);
    }

    /** Parses {@code ness|ness-floor|zero}. */
    public static VetoAction parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ness", "ness-floor", "force_ness_floor" -> FORCE_NESS_FLOOR;
            case "zero", "flat", "force_zero" -> FORCE_ZERO;
            default -> throw new IllegalArgumentException("unknown veto action '" + s + "' (ness, zero)");
        };
    }
}
