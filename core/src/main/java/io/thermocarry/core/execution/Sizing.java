package io.thermocarry.core.execution;

/** How a held position is sized after its entry. */
public enum Sizing {
    /** The desk's first version (SPEC §6): the entry size is kept for the life of the trade (default). */
    AT_ENTRY,
    /**
     * Size by regime: at each settlement that keeps the position, shrink it to
     * {@code capital × baseFraction × exposure_k} when that is below the held notional by more than the rules'
     * shrink threshold (never grows a held position).
     */
    FOLLOW_REGIME
}
