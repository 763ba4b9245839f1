package io.thermocarry.core.physics;

/** What happens to the basis at a funding settlement (the start of a cycle). */
public enum CycleStart {
    /** Nothing: the basis path is continuous through settlements (real markets, the realistic preset). */
    CONTINUOUS,
    /**
     * The basis is re-drawn from the undriven equilibrium {@code N(0, T/κ)} at each settlement, so every cycle
     * is an independent sudden-quench experiment (the SPEC's strong-driving preset); the point at a settlement
     * is no transition from the hour before.
     */
    REDRAW_EQUILIBRIUM
}
