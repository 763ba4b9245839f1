package io.thermocarry.core;

/** Which rules a computation follows (SPEC §4, §7). */
public enum Compat {
    /** thermocarry's honest rules: nothing at decision time depends on data not yet available. */
    CAUSAL,
    /**
     * The published reference code's rules, flaws included (hourly window ending one cycle after the
     * decision, whole-history κ, its fee rule and PnL clipping): only to reproduce and measure them.
     */
    REFERENCE;

    /** Parses {@code causal|reference}. */
    public static Compat parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "causal" -> CAUSAL;
            case "reference" -> REFERENCE;
            default -> throw new IllegalArgumentException("unknown compat '" + s + "' (causal, reference)");
        };
    }
}
