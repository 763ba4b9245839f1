package io.thermocarry.core.strategy;

/** Why a trade (a span of constant side) ended. */
public enum ExitReason {
    /** Desk: the basis came back within tolerance of its rolling median. */
    BASIS_AT_MEDIAN,
    /** Desk: the funding rate turned against the carry side. */
    FUNDING_SIGN_FLIP,
    /** Desk: the regime jumped to NESS. */
    REGIME_NESS,
    /** The maximum holding period was reached. */
    MAX_HOLD,
    /** Threshold: |F| fell back below |mean| of its look-back window. */
    FUNDING_NORMALISED,
    /** The strategy's target size became zero (e.g. zero capital or zero exposure). */
    TARGET_ZERO,
    /** No regime signal was available at the decision. */
    NO_SIGNAL,
    /** The strategy switched to the opposite side. */
    SIDE_FLIP,
    /** A scheduled (replayed) target closed the position. */
    SCHEDULED,
    /** A microstructure veto (SPEC §8, {@code full+veto}) fired at the decision. */
    VETO,
    /** Capital reached zero; the position was liquidated at the next decision. */
    RUIN,
    /** Still open at the end of the data: closed at the last cycle's end. */
    END_OF_DATA,
    /**
     * Intraday execution: the funding predicted from the premium index over the running interval (SPEC §8)
     * turned against the carry side.
     */
    PREDICTED_FUNDING_FLIP,
    /** Portfolio: the symbol left the universe at a rebalance (SPEC §12). */
    UNIVERSE,
    /** Portfolio: the next cycle is a data hole (missing settlements or no basis): held flat through it. */
    DATA_HOLE,
    /**
     * Margin path (SPEC §13): the perp leg breached maintenance inside a cycle and was liquidated at the
     * liquidation price; the spot leg was closed at the next bar.
     */
    LIQUIDATION
}
