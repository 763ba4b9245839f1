package io.thermocarry.store;

/** Whether {@link Store#bars} returns the leading placeholder candles of a series (SPEC §1). */
public enum Placeholders {
    /** Leave them out: what every computation on prices wants. */
    EXCLUDE,
    /** Return them too, e.g. to show what the exchange published. */
    INCLUDE
}
