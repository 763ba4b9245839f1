package io.thermocarry.core.strategy;

/**
 * A gate or input that a rule could not evaluate at a decision because its data was missing. Never a silent
 * pass: the engine counts each occurrence and reports the counts.
 */
public enum Unevaluated {
    /** Spread gate (SPEC §8): no book-ticker data (either leg) or too short a past; passed as "not evaluated". */
    SPREAD_GATE,
    /** Depth gate (SPEC §8): no book-depth data or too short a past; passed as "not evaluated". */
    DEPTH_GATE,
    /** Basis at the decision (or its rolling median) unknown: a basis gate or exit could not be checked. */
    BASIS,
    /** No regime or signal value at a decision inside the evaluation window. */
    SIGNAL,
    /** Perp mark price unknown where a perp-only position needed it. */
    MARK_PRICE,
    /** {@code full+veto}: at least one active veto feature had no data at the decision (it could not fire). */
    VETO;

    /** Bit of this value in {@link Decision#unevaluatedMask()}. */
    public int bit() {
        return 1 << ordinal();
    }
}
