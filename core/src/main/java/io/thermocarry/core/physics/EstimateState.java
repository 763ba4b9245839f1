package io.thermocarry.core.physics;

/** Whether a fluctuation-theorem estimate is usable. */
public enum EstimateState {
    /** Computed without clipping; the value means what it says. */
    OK,
    /**
     * An exponent argument exceeded the clip bound (+{@value Jarzynski#CLIP}) or the result was not finite (for
     * BAR: {@code −C > 500}, or Bennett's equation had no finite root): the exponential average is dominated by
     * terms that would overflow. The reported value is the clipped
     * computation (a lower bound of the unclipped one) and must not be read as an estimate ("overflow" in the
     * SPEC §11 table).
     */
    OVERFLOW,
    /** Too few samples for the estimator (BAR: fewer than 20 forward or reverse cycles; DFT: see its rules). */
    INSUFFICIENT
}
