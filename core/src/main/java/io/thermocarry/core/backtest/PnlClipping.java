package io.thermocarry.core.backtest;

/**
 * Whether per-cycle PnL is clipped (SPEC §7). thermocarry never clips; the reference code clips funding PnL to
 * ±1 % and basis PnL to ±5 % of notional per cycle, which calms its equity curves. The policy is separate from
 * {@link io.thermocarry.core.Compat} so that the clipping's share of the published edge can be measured alone.
 */
public enum PnlClipping {
    /** No clipping (the only choice in {@link io.thermocarry.core.Compat#CAUSAL} mode). */
    NONE,
    /**
     * The reference's caps: funding PnL to {@code ±0.01·N}, basis PnL to {@code ±0.05·N} per cycle for notional
     * {@code N}; clipped cycles are counted. Reference mode only.
     */
    REFERENCE_CAPS
}
