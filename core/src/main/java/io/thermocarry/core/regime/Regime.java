package io.thermocarry.core.regime;

/**
 * The market's thermodynamic regime at a decision (SPEC §5) and the default exposure multiplier of the
 * carry trade in it (fraction of the base position; {@link RegimeSpec} may override the multipliers).
 */
public enum Regime {
    /** Basis relaxes within a funding cycle, temperature stable, dissipation healthy: full exposure (1.0). */
    EQUILIBRIUM(1.0),
    /** Neither clearly safe nor dangerous: reduced exposure (0.6). */
    WARM(0.6),
    /** Non-equilibrium steady state (slow relaxation, negative dissipation or broken Jarzynski): 0.25. */
    NESS(0.25);

    private final double exposure;

    Regime(double exposure) {
        this.exposure = exposure;
    }

    /** Default exposure multiplier (1.0 / 0.6 / 0.25 of the base position). */
    public double exposure() {
        return exposure;
    }
}
