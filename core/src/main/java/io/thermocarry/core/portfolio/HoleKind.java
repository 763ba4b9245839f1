package io.thermocarry.core.portfolio;

/** Why a funding cycle cannot be traded or valued from the data (a data hole, not a market event). */
public enum HoleKind {
    /**
     * The spacing to the next settlement in the data is more than 1.5 times the funding interval in force:
     * settlements are missing (e.g. a missing funding month), so neither the funding paid nor the basis path
     * over the span is known.
     */
    MISSING_SETTLEMENTS,
    /**
     * No spot–perp basis observation became available inside the cycle, or the basis at one of its ends is
     * unknown (a gap in one leg's klines, e.g. between two stitched perp parts): its basis PnL cannot be
     * marked.
     */
    NO_BASIS
}
