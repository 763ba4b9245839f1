package io.thermocarry.core.physics;

/** How the spring constant κ is fitted from an hourly basis window (SPEC §3). */
public enum KappaMethod {
    /** AR(1) through the origin: {@code φ = Σ b_t b_{t+1} / Σ b_t²} (the reference's form). */
    THROUGH_ORIGIN,
    /** AR(1) on the demeaned window {@code b − mean(b)}: robust to a persistent non-zero basis level. */
    DEMEANED
}
