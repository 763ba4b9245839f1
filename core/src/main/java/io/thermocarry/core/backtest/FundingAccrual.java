package io.thermocarry.core.backtest;

/**
 * Which settled funding rate a position held through cycle {@code k = [t_k, t_{k+1})} is credited with.
 *
 * <p>The exchange pays funding to whoever holds the position at the settlement instant (SPEC §7), and a rate
 * {@code F_k} settled at {@code t_k} is known only then. The cycle model (and the reference code) pairs
 * cycle {@code k} with the rate settled at its <em>start</em>: that is exact only if the position decided at
 * {@code t_k} is already open at the settlement instant {@code t_k}, i.e. it trades just before the settlement
 * on the (then nearly final) predicted rate. A decision that reads the settled {@code F_k} and is then paid
 * {@code F_k} uses one rate it could not yet have known; {@link #RATE_AT_CYCLE_END} removes that.
 */
public enum FundingAccrual {
    /**
     * Cycle {@code k} earns {@code F_k}, the rate settled at its start (the cycle model's and the reference's
     * convention; default).
     */
    RATE_AT_CYCLE_START,
    /**
     * Cycle {@code k} earns {@code F_{k+1}}, the rate settled at its end {@code t_{k+1}}, when the position held
     * through the cycle is still open at that settlement (exchange-exact for decisions taken just after each
     * settlement). The last cycle, whose closing rate is not in the data, books no funding and is counted as
     * not evaluated; so is a cycle not followed by a contiguous one.
     */
    RATE_AT_CYCLE_END
}
