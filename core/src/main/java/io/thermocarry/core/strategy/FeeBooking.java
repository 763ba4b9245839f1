package io.thermocarry.core.strategy;

/**
 * Which ledger row shows the fee of a trade executed at settlement {@code t_k}. The instant is the same
 * either way ({@code t_k} ends cycle {@code k − 1} and starts cycle {@code k}); only the row whose equity
 * includes the fee differs. thermocarry books into the opened cycle; the reference code's naive and threshold
 * baselines decide at the end of their loop iteration and so book into the closed cycle, which reference mode
 * must reproduce for their equity curves (and Sharpe ratios) to match.
 */
public enum FeeBooking {
    /** Fee shown in row {@code k}, the cycle the trade opens. */
    OPENED_CYCLE,
    /** Fee shown in row {@code k − 1}, the cycle that just closed (row {@code k} when there is none). */
    CLOSED_CYCLE
}
