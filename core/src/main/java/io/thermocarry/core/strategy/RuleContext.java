package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;

/**
 * What a {@link StrategySpec} is compiled against. The fee tier is deliberately absent: a compiled rule serves
 * every tier (the fee rate in force is shown at decision time by {@link PositionView#feePerNotional()}).
 *
 * @param cycles funding cycles of one symbol (SPEC §2)
 * @param signals the decision path, same length as {@code cycles}
 * @param compat causal rules or the reference code's rules
 * @param firstCycle first decision of the evaluation window; earlier cycles are history only
 */
public record RuleContext(FundingCycles cycles, SignalPath signals, Compat compat, int firstCycle) {
    /** Validates lengths and ranges. */
    public RuleContext {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(signals, "signals");
        Checks.notNull(compat, "compat");
        Checks.check(signals.size() == cycles.size(),
                "signal path has " + signals.size() + " decisions for " + cycles.size() + " cycles");
        Checks.check(firstCycle >= 0 && firstCycle <= cycles.size(), "firstCycle out of range: " + firstCycle);
    }
}
