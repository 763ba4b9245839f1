package io.thermocarry.core.strategy;

import io.thermocarry.core.Checks;
import io.thermocarry.core.Compat;
import io.thermocarry.core.series.FundingCycles;

/**
 * What a {@link StrategySpec} is compiled against.
 *
 * @param cycles funding cycles of one symbol (SPEC §2)
 * @param signals the decision path, same length as {@code cycles}
 * @param compat causal rules or the reference code's rules
 * @param firstCycle first decision of the evaluation window; earlier cycles are history only
 * @param referenceFeeFraction reference mode: fee per unit of notional charged (the full round trip as a
 *     fraction, e.g. 0.001 for 10 bps); informational in causal mode
 */
public record RuleContext(FundingCycles cycles, SignalPath signals, Compat compat, int firstCycle,
        double referenceFeeFraction) {
    /** Validates lengths and ranges. */
    public RuleContext {
        Checks.notNull(cycles, "cycles");
        Checks.notNull(signals, "signals");
        Checks.notNull(compat, "compat");
        Checks.check(signals.size() == cycles.size(),
                "signal path has " + signals.size() + " decisions for " + cycles.size() + " cycles");
        Checks.check(firstCycle >= 0 && firstCycle <= cycles.size(), "firstCycle out of range: " + firstCycle);
        Checks.nonNegative(referenceFeeFraction, "referenceFeeFraction");
    }
}
