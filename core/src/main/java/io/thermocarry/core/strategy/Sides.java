package io.thermocarry.core.strategy;

/** Which carry sides a strategy may take. */
public enum Sides {
    /** Short basis only (collect positive funding). */
    SHORT_ONLY,
    /** Short basis on positive carry and the mirrored long basis on negative carry. */
    BOTH
}
