package io.thermocarry.core.portfolio;

/**
 * Why a symbol is not in the universe. The first group is static (what the store holds at all); the second is
 * judged at each rebalance by {@link UniverseSpec}, in the order listed.
 */
public enum ExclusionReason {
    /** No hourly spot klines in the store: the long-spot leg cannot be priced. */
    NO_SPOT,
    /** No hourly perp klines in the store. */
    NO_PERP,
    /** No funding settlements in the store. */
    NO_FUNDING,
    /** Spot, perp and funding exist but never at the same time (no cycle with a basis). */
    NO_OVERLAP,
    /** No funding cycle had ended by the rebalance (not listed yet, or the data starts later). */
    NOT_LISTED,
    /** The last basis observation is older than the filter's {@code staleAfter} (data ended or a long hole). */
    STALE,
    /** Fewer completed cycles with basis than the filter asks for. */
    SHORT_HISTORY,
    /** Too many settlements missing from the look-back window. */
    FUNDING_COVERAGE,
    /** Too few hourly basis observations in the look-back window. */
    BASIS_COVERAGE,
    /** Median daily quote volume of the thinner leg below the floor. */
    LOW_VOLUME,
    /** Depth filter on but no depth observation in the window: not evaluated, so not admitted. */
    DEPTH_NOT_EVALUATED,
    /** Median ±1 % depth below the floor. */
    LOW_DEPTH,
    /** Passed every filter but ranked beyond {@code maxSymbols} by liquidity. */
    RANK
}
