package io.thermocarry.core.regime;

/** The three market states of SPEC §5, with their default exposure multipliers. */
public enum Regime {
    /** Fast relaxation, calm, dissipative: full size (1.0). */
    EQUILIBRIUM(1.0),
    /** Neither: 0.6. */
    WARM(0.6),
    /** Non-equilibrium steady state (persistent dislocation or broken thermodynamics): 0.25. */
    NESS(0.25);

    private final double exposure;

    Regime(double exposure) {
        this.exposure = exposure;
    }

    /** Default exposure multiplier (SPEC §5); a {@code RegimeSpec} may override it. */
    public double exposure() {
        return exposure;
    }
}
