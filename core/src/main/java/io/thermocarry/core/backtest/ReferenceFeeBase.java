package io.thermocarry.core.backtest;

/**
 * The notional the reference-mode fee rule charges its round trip on (SPEC §7), separate from
 * {@link io.thermocarry.core.Compat} so that the reference naive baseline's fee rule can be measured alone. In
 * {@link io.thermocarry.core.Compat#CAUSAL} mode the fee is always on the notional that changes hands.
 */
public enum ReferenceFeeBase {
    /**
     * What the strategy's reference rule names ({@link io.thermocarry.core.strategy.Decision#feeBase(double)}),
     * e.g. the reference naive baseline's whole notional at every 21-cycle rebalance; {@code |ΔN|} where the
     * rule names none (reference mode's default).
     */
    STRATEGY_RULE,
    /**
     * Always {@code |ΔN|}, the notional that actually changes hands (a side flip: old plus new); the rules'
     * sizing is unchanged (the reference naive still sizes on capital net of the fee its own rule would charge).
     */
    TRADED_NOTIONAL
}
