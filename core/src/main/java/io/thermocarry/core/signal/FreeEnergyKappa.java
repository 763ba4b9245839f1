package io.thermocarry.core.signal;

/**
 * Which κ the free-energy change {@code ΔF_j = −F_j²/(2κ)} of the completed cycles uses at a decision (SPEC
 * §4), and so the dissipation {@code σ_j = W_j − ΔF_j} behind the entropy rate and the Jarzynski health.
 *
 * <p>This is one of the reference code's two look-aheads, kept apart from the other (its hourly window ending
 * a cycle after the decision, {@link io.thermocarry.core.Compat#REFERENCE}) so that each can be removed on its
 * own when measuring where the published edge comes from.
 */
public enum FreeEnergyKappa {
    /** κ fitted on the decision's own hourly window (causal; thermocarry's rule). */
    DECISION_WINDOW,
    /**
     * κ fitted once on the whole basis history passed to the run (1/hour, Δt = 1 h, the run's κ estimator):
     * the reference code's rule, a look-ahead. Only to reproduce and measure the reference.
     */
    WHOLE_HISTORY
}
