package io.thermocarry.core.strategy;

/**
 * What the engine carries between decisions and shows a {@link CycleRule} at decision {@code k} (read-only).
 * All money in currency units (the request's starting capital sets the scale).
 */
public interface PositionView {
    /** Side held through the previous cycle. */
    Side side();

    /** Notional held through the previous cycle ({@code >= 0}; for a perp-only position, its current value). */
    double notional();

    /** Equity at the decision, after all PnL and fees booked so far ({@code >= 0}). */
    double capital();

    /** Starting capital of the backtest. */
    double startingCapital();

    /** Decision index at which the current trade (span of constant side) opened, {@code -1} when flat. */
    int entryCycle();

    /** Completed cycles held in the current trade ({@code 0} when flat or just opened). */
    int cyclesHeld();

    /**
     * Fee charged per unit of notional on the fee base by the rules in force: {@code tier/2} as a fraction in
     * causal mode, the full round trip in reference mode (e.g. 0.001 at 10 bps).
     */
    double feePerNotional();
}
